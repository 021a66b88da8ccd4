package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

/**
 * The end-to-end evaluation of resolution against a generator's ground truth.
 *
 * <p>An identifier is <i>usable</i> when guardrails do not block its value and the records of
 * exactly one true person carry it: the ground truth knows it is personal. A record is
 * <i>attributable</i> when it carries at least one usable identifier; the others (only a junk
 * value, a store's default phone, a household's email that the person never wrote next to their
 * name) name nobody in particular, and no identifier rule can place them: placing them is what
 * probabilistic matching is for.
 *
 * @param overall every stored record; its subset recall is over the true pairs connected by usable
 *     identifiers (records of one person chained by shared usable identifiers), the pairs
 *     deterministic resolution must merge
 * @param attributable only attributable records: the precision of what identifiers decided
 * @param usableIdentifiers distinct usable identifiers
 * @param attributableRecords records with at least one usable identifier
 */
public record ResolutionEvaluation(
    EvaluationResult overall,
    EvaluationResult attributable,
    long usableIdentifiers,
    long attributableRecords) {
  public ResolutionEvaluation {
    requireNonNull(overall, "overall is null");
    requireNonNull(attributable, "attributable is null");
  }
}
