package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

/**
 * Two records that belong together, for {@link PairwiseEvaluator#recallOver}.
 *
 * @param left one record id
 * @param right the other record id
 */
public record RecordPair(String left, String right) {
  public RecordPair {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
  }
}
