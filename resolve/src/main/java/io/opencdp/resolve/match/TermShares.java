package io.opencdp.resolve.match;

import java.io.Serializable;

/**
 * How common a value of a term-frequency field is: the share of records (with a value) that carry
 * it. {@link TermFrequencies} counts them once over a run's records; the stream keeps the counts in
 * its state as records arrive.
 */
@FunctionalInterface
public interface TermShares extends Serializable {
  /** The share of records with this value, or NaN when the field is not adjusted or unseen. */
  double share(MatchField field, String value);
}
