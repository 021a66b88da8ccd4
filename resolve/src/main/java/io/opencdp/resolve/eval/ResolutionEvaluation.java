package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

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
 * <p>A record is <i>identifiable</i> when it is attributable or carries a name (a given and a
 * family name): the records anything (an identifier rule, or a matcher on names, addresses, birth
 * dates, phones, cards) could place. A record with neither (an anonymous web visit, an event
 * addressed only to a household's email, a bare store line) gives no resolver anything. Of the
 * identifiable records' true pairs, a perfect resolver joins the <i>joinable</i> ones: two records
 * in one usable-identifier group, or two records each named or in a group one of whose records is
 * named (a group of nameless records, such as an anonymous id's sessions, has nothing a matcher
 * could compare with the rest of the person), in one profile per customer id when the person has
 * several (a profile holds one customer id, the guardrails' limit, and a probabilistic link never
 * joins two: a customer registered twice stays two profiles), records without a customer id going
 * with the person's largest such profile. The ceiling is generous: it counts namesakes and a name
 * with nothing to corroborate it as joinable.
 *
 * @param overall every stored record; its subset recall is over the true pairs connected by usable
 *     identifiers (records of one person chained by shared usable identifiers), the pairs
 *     deterministic resolution must merge
 * @param attributable only attributable records: the precision of what identifiers decided
 * @param identifiable only identifiable records (attributable or named); its subset recall is over
 *     the joinable pairs
 * @param identifiableIgnoringLimits the same records; its subset recall is over the joinable pairs
 *     counted as if a profile could hold several customer ids (reported next to the other)
 * @param usableIdentifiers distinct usable identifiers
 * @param attributableRecords records with at least one usable identifier
 * @param identifiableRecords records with a usable identifier or a name
 */
public record ResolutionEvaluation(
    EvaluationResult overall,
    EvaluationResult attributable,
    EvaluationResult identifiable,
    EvaluationResult identifiableIgnoringLimits,
    long usableIdentifiers,
    long attributableRecords,
    long identifiableRecords) {
  public ResolutionEvaluation {
    requireNonNull(overall, "overall is null");
    requireNonNull(attributable, "attributable is null");
    requireNonNull(identifiable, "identifiable is null");
    requireNonNull(identifiableIgnoringLimits, "identifiableIgnoringLimits is null");
  }

  /**
   * The most recall over identifiable records can reach: joinable pairs over their true pairs (1.0
   * with none).
   */
  @JsonProperty
  public double identifiableRecallCeiling() {
    return ratio(identifiable.subsetTruePairs(), identifiable.truePairs());
  }

  /** The most overall recall can reach without luck: joinable pairs over all true pairs. */
  @JsonProperty
  public double overallRecallCeiling() {
    return ratio(identifiable.subsetTruePairs(), overall.truePairs());
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }
}
