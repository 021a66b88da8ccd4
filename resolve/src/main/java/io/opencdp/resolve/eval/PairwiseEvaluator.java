package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Scores predicted profiles against true persons without enumerating pairs: it keeps counts per
 * person, per profile and per (person, profile) cell, and derives pair counts as sums of C(n, 2)
 * over them. Memory is O(distinct persons + distinct profiles + distinct cells), whatever the
 * number of records; {@link #add} is O(1). See {@link EvaluationResult} for the metrics.
 *
 * <p>Recall over a subset of the true pairs: records may carry a subset key ({@link #add(String,
 * String, String)}); the subset is then the pairs of records of one person with one key (for
 * example the cluster of a person's records that share a usable identifier, directly or through
 * other records), counted the same way. A subset that is not such a grouping can only be checked
 * pair by pair: {@link #recallOver}.
 *
 * <p>Not thread-safe: feed one instance from one thread (or merge results of partitions upstream).
 */
public final class PairwiseEvaluator {
  /** How many of the largest profiles a result lists unless told otherwise. */
  public static final int DEFAULT_LARGEST = 10;

  private final int largest;
  private final Map<String, Long> personSizes = new HashMap<>();
  private final Map<String, Long> profileSizes = new HashMap<>();
  private final Map<Cell, Long> cells = new HashMap<>();
  private final Map<Cell, Long> subsetSizes = new HashMap<>();
  private final Map<SubsetCell, Long> subsetCells = new HashMap<>();
  private long records;
  private long withoutTruth;
  private long withoutPrediction;

  private record Cell(String person, String profile) {}

  private record SubsetCell(String person, String subset, String profile) {}

  public PairwiseEvaluator() {
    this(DEFAULT_LARGEST);
  }

  /**
   * @param largest how many of the largest profiles {@link #result()} lists (0..1000)
   */
  public PairwiseEvaluator(int largest) {
    if (largest < 0 || largest > 1000) {
      throw new IllegalArgumentException("largest must be between 0 and 1000, got " + largest);
    }
    this.largest = largest;
  }

  /** Scores a predicted assignment: record id to true person, record id to predicted profile. */
  public static EvaluationResult evaluate(
      Map<String, String> truth, Map<String, String> predicted) {
    requireNonNull(truth, "truth is null");
    requireNonNull(predicted, "predicted is null");
    PairwiseEvaluator evaluator = new PairwiseEvaluator();
    truth.forEach((record, person) -> evaluator.addRecord(record, person, predicted.get(record)));
    evaluator.withoutTruth +=
        predicted.keySet().stream().filter(r -> !truth.containsKey(r)).count();
    return evaluator.result();
  }

  private void addRecord(String record, String person, String profile) {
    // a record without a profile is a profile of its own; the prefix keeps it apart from real ids
    add(person, profile != null ? profile : unpredicted(record));
    if (profile == null && person != null) {
      withoutPrediction++;
    }
  }

  private static String unpredicted(String record) {
    return "(no profile) " + record;
  }

  /**
   * Adds one record: its true person and its predicted profile. A null person skips the record
   * (counted in {@code recordsWithoutTruth}).
   */
  public PairwiseEvaluator add(String truePersonId, String predictedProfileId) {
    return add(truePersonId, predictedProfileId, null);
  }

  /**
   * Adds one record with a subset key: the record's pairs with records of the same person and the
   * same key form the subset {@code subsetRecall} is computed over. A null key leaves the record
   * out of the subset.
   */
  public PairwiseEvaluator add(String truePersonId, String predictedProfileId, String subsetKey) {
    requireNonNull(predictedProfileId, "predictedProfileId is null");
    if (truePersonId == null) {
      withoutTruth++;
      return this;
    }
    records++;
    personSizes.merge(truePersonId, 1L, Long::sum);
    profileSizes.merge(predictedProfileId, 1L, Long::sum);
    cells.merge(new Cell(truePersonId, predictedProfileId), 1L, Long::sum);
    if (subsetKey != null) {
      subsetSizes.merge(new Cell(truePersonId, subsetKey), 1L, Long::sum);
      subsetCells.merge(new SubsetCell(truePersonId, subsetKey, predictedProfileId), 1L, Long::sum);
    }
    return this;
  }

  /** The metrics of every record added so far. */
  public EvaluationResult result() {
    long truePairs = pairs(personSizes.values());
    long predictedPairs = pairs(profileSizes.values());
    long truePositives = pairs(cells.values());
    double precision = ratio(truePositives, predictedPairs);
    double recall = ratio(truePositives, truePairs);
    double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);

    Map<String, Long> profilesPerPerson = new HashMap<>();
    Map<String, Long> personsPerProfile = new HashMap<>();
    for (Cell cell : cells.keySet()) {
      profilesPerPerson.merge(cell.person(), 1L, Long::sum);
      personsPerProfile.merge(cell.profile(), 1L, Long::sum);
    }
    long split = profilesPerPerson.values().stream().filter(n -> n > 1).count();
    long overMerged = personsPerProfile.values().stream().filter(n -> n > 1).count();
    long exact =
        cells.keySet().stream()
            .filter(
                c ->
                    profilesPerPerson.get(c.person()) == 1
                        && personsPerProfile.get(c.profile()) == 1)
            .count();

    long subsetPairs = pairs(subsetSizes.values());
    long subsetPositives = pairs(subsetCells.values());
    return new EvaluationResult(
        records,
        withoutTruth,
        withoutPrediction,
        personSizes.size(),
        profileSizes.size(),
        truePairs,
        predictedPairs,
        truePositives,
        predictedPairs - truePositives,
        truePairs - truePositives,
        precision,
        recall,
        f1,
        split,
        overMerged,
        exact,
        ratio(exact, personSizes.size()),
        subsetPairs,
        subsetPositives,
        ratio(subsetPositives, subsetPairs),
        largestProfiles(personsPerProfile));
  }

  private List<ProfileComposition> largestProfiles(Map<String, Long> personsPerProfile) {
    Comparator<Map.Entry<String, Long>> smallestFirst =
        Map.Entry.<String, Long>comparingByValue()
            .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed());
    PriorityQueue<Map.Entry<String, Long>> top = new PriorityQueue<>(smallestFirst);
    for (Map.Entry<String, Long> profile : profileSizes.entrySet()) {
      top.add(profile);
      if (top.size() > largest) {
        top.poll();
      }
    }
    List<ProfileComposition> result = new ArrayList<>(top.size());
    while (!top.isEmpty()) {
      Map.Entry<String, Long> profile = top.poll();
      result.add(
          0,
          new ProfileComposition(
              profile.getKey(), profile.getValue(), personsPerProfile.get(profile.getKey())));
    }
    return result;
  }

  /**
   * Recall over an explicit set of true pairs: the share of them whose two records are in one
   * predicted profile. O(pairs); a record without a profile is alone. 1.0 for no pairs.
   */
  public static double recallOver(Collection<RecordPair> pairs, Map<String, String> predicted) {
    requireNonNull(pairs, "pairs is null");
    requireNonNull(predicted, "predicted is null");
    long together =
        pairs.stream()
            .filter(
                p -> {
                  String left = predicted.get(p.left());
                  return left != null && left.equals(predicted.get(p.right()));
                })
            .count();
    return ratio(together, pairs.size());
  }

  /** Sum of C(n, 2). */
  static long pairs(Collection<Long> sizes) {
    long sum = 0;
    for (long n : sizes) {
      // halve the even factor first so the product stays in range longer
      sum += n % 2 == 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
    }
    return sum;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }
}
