package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The batch's accepted probabilistic links from one profile candidate, pinned into the stream's
 * state by reconciliation (docs/streaming.md, "Reconciliation"): the stream joins the candidates as
 * the batch joined them whatever its own model decides, until the next seed replaces them.
 *
 * @param anchors the candidates it is joined to: the cluster key of a deterministic candidate
 *     ({@code type:value}, one of its identifiers) or {@code event:<id>} for a named event no
 *     identifier placed, sorted
 */
public record PinNode(List<String> anchors) {
  public PinNode {
    anchors = List.copyOf(requireNonNull(anchors, "anchors is null"));
  }
}
