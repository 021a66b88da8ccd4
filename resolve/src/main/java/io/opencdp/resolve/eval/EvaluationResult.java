package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How well predicted profiles match the true persons. Serializes to JSON as is (snake case with
 * {@code io.opencdp.schemas.json.Json}).
 *
 * <p>Pairwise metrics look at every pair of records: a pair is <i>true</i> when both records belong
 * to one person and <i>predicted</i> when both are in one profile. Precision is the share of
 * predicted pairs that are true, recall the share of true pairs that are predicted. With no
 * predicted pairs (every record its own profile) precision is defined as 1.0 (nothing was merged
 * wrongly); with no true pairs recall is 1.0; F1 is 0.0 when precision and recall are both 0.
 *
 * @param records records evaluated
 * @param recordsWithoutTruth records skipped because they had no true person
 * @param recordsWithoutPrediction records without a profile, each counted as a profile of its own
 * @param truePersons distinct true persons
 * @param predictedProfiles distinct predicted profiles
 * @param truePairs pairs of records of one person: sum over persons of C(n, 2)
 * @param predictedPairs pairs of records in one profile: sum over profiles of C(n, 2)
 * @param truePositivePairs pairs that are both: sum over (person, profile) cells of C(n, 2)
 * @param falsePositivePairs predicted pairs that are not true (over-merging)
 * @param falseNegativePairs true pairs that were not predicted (splitting)
 * @param precision truePositivePairs / predictedPairs, 1.0 when there are none
 * @param recall truePositivePairs / truePairs, 1.0 when there are none
 * @param f1 the harmonic mean of precision and recall
 * @param splitPersons persons whose records are spread over more than one profile
 * @param overMergedProfiles profiles holding records of more than one person
 * @param exactPersons persons whose records form exactly one profile with nothing else in it
 * @param exactShare exactPersons / truePersons (1.0 with no persons)
 * @param subsetTruePairs true pairs in the evaluated subset (records of one person with one subset
 *     key); 0 when no subset keys were given
 * @param subsetTruePositivePairs of those, pairs in one profile
 * @param subsetRecall subsetTruePositivePairs / subsetTruePairs, 1.0 when there are none
 * @param largestProfiles the largest predicted profiles, largest first (ties by profile id)
 */
public record EvaluationResult(
    long records,
    long recordsWithoutTruth,
    long recordsWithoutPrediction,
    long truePersons,
    long predictedProfiles,
    long truePairs,
    long predictedPairs,
    long truePositivePairs,
    long falsePositivePairs,
    long falseNegativePairs,
    double precision,
    double recall,
    double f1,
    long splitPersons,
    long overMergedProfiles,
    long exactPersons,
    double exactShare,
    long subsetTruePairs,
    long subsetTruePositivePairs,
    double subsetRecall,
    List<ProfileComposition> largestProfiles) {
  public EvaluationResult {
    if (truePositivePairs > truePairs || truePositivePairs > predictedPairs) {
      throw new IllegalArgumentException(
          "truePositivePairs ("
              + truePositivePairs
              + ") exceeds truePairs ("
              + truePairs
              + ") or predictedPairs ("
              + predictedPairs
              + ")");
    }
    largestProfiles = List.copyOf(requireNonNull(largestProfiles, "largestProfiles is null"));
  }
}
