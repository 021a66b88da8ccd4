package io.opencdp.resolve.eval;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.match.CandidatePairs;
import io.opencdp.resolve.match.InMemoryMatcher;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.ScoredPair;
import io.opencdp.resolve.match.TermFrequencies;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the Febrl tasks with one frozen setting: deduplication of {@code dataset1} and {@code
 * dataset2}, linkage of {@code dataset4a} to {@code dataset4b}. Each task trains its own model
 * without labels (as a user would on their data) and is then scored against the record ids.
 */
public final class FebrlEvaluation {
  private final MatchSettings settings;
  private final Path modelDir;

  /**
   * @param modelDir where each task's trained model is written ({@code <task>-model.json}), or null
   */
  public FebrlEvaluation(MatchSettings settings, Path modelDir) {
    this.settings = requireNonNull(settings, "settings is null");
    this.modelDir = modelDir;
  }

  /** The three tasks, from the directory holding the Febrl files. */
  public List<FebrlResult> runAll(Path directory) {
    List<FebrlResult> results = new ArrayList<>();
    results.add(dedup("dataset1", directory.resolve("dataset1.csv")));
    results.add(dedup("dataset2", directory.resolve("dataset2.csv")));
    results.add(
        link(
            "dataset4a-4b",
            directory.resolve("dataset4a.csv"),
            directory.resolve("dataset4b.csv")));
    return results;
  }

  /** Deduplicates one file. */
  public FebrlResult dedup(String task, Path file) {
    return run(task, FebrlRecords.read(file, null));
  }

  /** Links two files: only pairs across them are candidates. */
  public FebrlResult link(String task, Path left, Path right) {
    List<MatchRecord> records = new ArrayList<>(FebrlRecords.read(left, "a"));
    records.addAll(FebrlRecords.read(right, "b"));
    return run(task, records);
  }

  private FebrlResult run(String task, List<MatchRecord> records) {
    long start = System.nanoTime();
    InMemoryMatcher matcher = new InMemoryMatcher(settings);
    CandidatePairs candidates = matcher.candidates(records);
    MatchModel model = matcher.train(records, candidates, Instant.now());
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(records, settings.comparisons()));
    List<ScoredPair> scored = matcher.score(records, candidates, scorer);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (modelDir != null) {
      model.save(modelDir.resolve(task + "-model.json"));
    }

    Set<String> truePairs = truePairs(records);
    long trueInCandidates = 0;
    long linked = 0;
    long correct = 0;
    for (ScoredPair pair : scored) {
      boolean isTrue = truePairs.contains(key(pair.left(), pair.right()));
      if (isTrue) {
        trueInCandidates++;
      }
      if (pair.score().probability() >= settings.linkThreshold()) {
        linked++;
        if (isTrue) {
          correct++;
        }
      }
    }
    return new FebrlResult(
        task,
        records.size(),
        possiblePairs(records),
        candidates.size(),
        truePairs.size(),
        trueInCandidates,
        linked,
        correct,
        seconds);
  }

  /** Pairs of records of one entity that a task may pair (different groups). */
  static Set<String> truePairs(List<MatchRecord> records) {
    Map<String, List<MatchRecord>> byEntity = new HashMap<>();
    for (MatchRecord r : records) {
      byEntity.computeIfAbsent(FebrlRecords.entityOf(r.id()), e -> new ArrayList<>()).add(r);
    }
    Set<String> pairs = new HashSet<>();
    for (List<MatchRecord> group : byEntity.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          if (!group.get(i).group().equals(group.get(j).group())) {
            pairs.add(key(group.get(i).id(), group.get(j).id()));
          }
        }
      }
    }
    return pairs;
  }

  private static long possiblePairs(List<MatchRecord> records) {
    Map<String, Long> perGroup = new HashMap<>();
    records.forEach(r -> perGroup.merge(r.group(), 1L, Long::sum));
    long n = records.size();
    long all = n * (n - 1) / 2;
    for (long size : perGroup.values()) {
      all -= size * (size - 1) / 2;
    }
    return all;
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
