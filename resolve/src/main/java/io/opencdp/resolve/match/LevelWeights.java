package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The m and u probabilities of one agreement level: how often matching pairs (m) and non-matching
 * pairs (u) are at this level. {@code weight} is the log2 Bayes factor a pair at this level adds.
 *
 * @param level the level's name, e.g. {@code jaro_winkler>=0.92}
 * @param m share of matching pairs at this level
 * @param u share of non-matching pairs at this level
 */
@JsonIgnoreProperties(value = "weight", allowGetters = true)
public record LevelWeights(String level, double m, double u) {
  public LevelWeights {
    requireNonNull(level, "level is null");
    if (!(m > 0 && m <= 1) || !(u > 0 && u <= 1)) {
      throw new IllegalArgumentException(
          "level " + level + ": m and u must be in (0, 1], got m=" + m + " u=" + u);
    }
  }

  /** log2(m / u), for a reader of the model file. */
  @JsonProperty("weight")
  public double weight() {
    return Math.log(m / u) / Math.log(2);
  }
}
