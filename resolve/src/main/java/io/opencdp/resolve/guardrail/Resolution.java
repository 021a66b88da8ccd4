package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link LinkGuardrails#resolve}: a decision per link, in the order they were
 * applied, and the cluster each usable identifier ended in.
 *
 * @param decisions every link's decision, in {@link IdentifierLimits#linkOrder()}
 * @param clusterKeys every identifier that is neither blocked nor shared, with its cluster's key
 *     (see {@link LinkResolver#clusterKey})
 */
public record Resolution(
    List<LinkDecision> decisions, Map<IdentifierKey, IdentifierKey> clusterKeys) {
  public Resolution {
    decisions = List.copyOf(requireNonNull(decisions, "decisions is null"));
    clusterKeys =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(clusterKeys, "clusterKeys is null")));
  }

  public List<LinkDecision> accepted() {
    return decisions.stream().filter(LinkDecision::accepted).toList();
  }

  public List<LinkDecision> dropped() {
    return decisions.stream().filter(d -> !d.accepted()).toList();
  }
}
