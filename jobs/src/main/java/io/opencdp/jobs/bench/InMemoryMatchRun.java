package io.opencdp.jobs.bench;

import io.opencdp.ingest.generator.DuplicatedPersons;
import io.opencdp.resolve.match.CandidatePairs;
import io.opencdp.resolve.match.InMemoryMatcher;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.ScoredPair;
import io.opencdp.resolve.match.TermFrequencies;
import java.time.Instant;
import java.util.List;

/**
 * The match benchmark's second baseline: the single-threaded in-memory matcher ({@link
 * InMemoryMatcher}, the reference the Spark matcher must agree with) on the same records, in the
 * same JVM, after the Spark phases. It holds every candidate pair and every scored pair, so when
 * the whole set would not fit half the heap it runs on the first {@value #SUBSAMPLE} records
 * instead: the records of the benchmark at that scale, since the records are generated in fixed
 * chunks.
 */
final class InMemoryMatchRun {
  static final long SUBSAMPLE = 100_000;

  /** What the in-memory matcher holds per candidate pair (pair set, scored pair) and per record. */
  private static final long BYTES_PER_PAIR = 300;

  private static final long BYTES_PER_RECORD = 1_000;

  private static final List<String> PHASES =
      List.of(
          "in_memory_blocking",
          "in_memory_term_frequencies",
          "in_memory_training",
          "in_memory_scoring");

  record Result(
      long records,
      long candidatePairs,
      long linked,
      long correct,
      long truePairs,
      List<String> notes) {
    Result {
      notes = List.copyOf(notes);
    }

    /** Blocking, term frequencies, training and scoring. */
    double matcherSeconds(PhaseMeter meter) {
      double seconds = 0;
      for (String phase : PHASES) {
        seconds += meter.phase(phase).seconds();
      }
      return seconds;
    }

    void figures(List<Figure> f, PhaseMeter meter) {
      f.add(new Figure("baseline_in_memory.records", records, "records"));
      f.add(new Figure("baseline_in_memory.candidate_pairs", candidatePairs, "pairs"));
      f.add(
          new Figure(
              "baseline_in_memory.scoring.pairs_per_s",
              candidatePairs / meter.phase("in_memory_scoring").seconds(),
              "pairs/s"));
      double seconds = matcherSeconds(meter);
      f.add(new Figure("baseline_in_memory.matcher.wall_time", seconds, "s"));
      f.add(
          new Figure(
              "baseline_in_memory.matcher.pairs_per_s", candidatePairs / seconds, "pairs/s"));
      f.add(new Figure("baseline_in_memory.linked_pairs", linked, "pairs"));
      MatchBenchmark.accuracyFigures(f, "baseline_in_memory.accuracy.", linked, correct, truePairs);
    }
  }

  private InMemoryMatchRun() {}

  /**
   * @param sparkCandidates the Spark run's candidate pairs, to judge whether every record fits
   */
  static Result run(
      PhaseMeter meter,
      MatchSettings settings,
      long records,
      long seed,
      double internationalShare,
      long sparkCandidates,
      long sparkRecords)
      throws Exception {
    long needed = sparkCandidates * BYTES_PER_PAIR + sparkRecords * BYTES_PER_RECORD;
    boolean fits = needed <= Runtime.getRuntime().maxMemory() / 2;
    long n = fits ? records : Math.min(records, SUBSAMPLE);
    List<MatchRecord> local =
        meter.measure(
            "in_memory_generate", () -> MatchBenchRecords.inMemory(n, seed, internationalShare));
    InMemoryMatcher matcher = new InMemoryMatcher(settings);
    CandidatePairs candidates =
        meter.measure("in_memory_blocking", () -> matcher.candidates(local));
    TermFrequencies frequencies =
        meter.measure(
            "in_memory_term_frequencies", () -> TermFrequencies.of(local, settings.comparisons()));
    MatchModel model =
        meter.measure("in_memory_training", () -> matcher.train(local, candidates, Instant.now()));
    PairScorer scorer = new PairScorer(model, frequencies);
    List<ScoredPair> scored =
        meter.measure("in_memory_scoring", () -> matcher.score(local, candidates, scorer));
    long linked = 0;
    long correct = 0;
    for (ScoredPair pair : scored) {
      if (pair.score().probability() >= settings.linkThreshold()) {
        linked++;
        if (DuplicatedPersons.personOf(pair.left()) == DuplicatedPersons.personOf(pair.right())) {
          correct++;
        }
      }
    }
    String note =
        n == records
            ? "baseline_in_memory: InMemoryMatcher, one thread, on the same "
                + n
                + " records (generated again in the driver, in id order)"
            : "baseline_in_memory: InMemoryMatcher, one thread, on the first "
                + n
                + " records only (the "
                + n
                + "-record benchmark's records): all "
                + records
                + " records with "
                + sparkCandidates
                + " candidate pairs would need ~"
                + needed / (1024 * 1024)
                + " MiB, over half the heap; its ratios compare per-pair throughput at"
                + " different scales";
    return new Result(
        n, candidates.size(), linked, correct, DuplicatedPersons.truePairs(n), List.of(note));
  }
}
