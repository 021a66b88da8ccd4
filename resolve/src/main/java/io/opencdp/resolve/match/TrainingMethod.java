package io.opencdp.resolve.match;

import java.util.Locale;

/** How a model's m probabilities and prior are learned ({@code resolve.match.training.method}). */
public enum TrainingMethod {
  /**
   * One EM over all candidate pairs, learning m and the share of matches among candidates: the
   * blocking rules' forced agreement is learned as match evidence, which inflates the prior as data
   * grows.
   */
  EM,
  /**
   * One EM session per blocking rule with that rule's fields left out, m averaged over the sessions
   * where a field was free; the prior is the probability that two random records match, estimated
   * from deterministic rules ({@link SessionTraining}).
   */
  SESSIONS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TrainingMethod fromWireName(String name) {
    for (TrainingMethod m : values()) {
      if (m.wireName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown training method '" + name + "'; expected em or sessions");
  }
}
