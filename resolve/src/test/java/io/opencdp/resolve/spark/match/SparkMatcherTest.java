package io.opencdp.resolve.spark.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.eval.FebrlFiles;
import io.opencdp.resolve.eval.FebrlRecords;
import io.opencdp.resolve.match.BlockRefinement;
import io.opencdp.resolve.match.BlockingKey;
import io.opencdp.resolve.match.CandidatePairs;
import io.opencdp.resolve.match.ComparisonWeights;
import io.opencdp.resolve.match.InMemoryMatcher;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.match.RuleStats;
import io.opencdp.resolve.match.ScoredPair;
import io.opencdp.resolve.match.TermFrequencies;
import io.opencdp.resolve.match.TrainingMethod;
import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark matcher against the in-memory reference on Febrl, with the default (frozen) settings:
 * the same candidates and rule figures, the same model, the same linked pairs. The in-memory
 * matcher gets the records sorted by id, the order the Spark sample is drawn in, so u is the same
 * to the bit; Spark gets them in file order.
 */
class SparkMatcherTest {
  private static final MatchSettings SETTINGS =
      MatchSettings.from(CdpConfig.defaults().resolve().match());
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  /** What one path produced for one task; scores by pair key. */
  private record Outcome(List<RuleStats> rules, MatchModel model, Map<String, Scored> scores) {
    Set<String> linked() {
      Set<String> linked = new HashSet<>();
      scores.forEach(
          (pair, score) -> {
            if (score.probability() >= SETTINGS.linkThreshold()) {
              linked.add(pair);
            }
          });
      return linked;
    }
  }

  private record Scored(List<Integer> levels, double probability) {}

  private record Task(String name, List<MatchRecord> records, Outcome inMemory, Outcome spark) {}

  private static Map<String, Task> tasks;

  @BeforeAll
  static void matchEachTaskBothWays() {
    Path dir = FebrlFiles.directory();
    List<MatchRecord> linkage =
        new ArrayList<>(FebrlRecords.read(dir.resolve("dataset4a.csv"), "a"));
    linkage.addAll(FebrlRecords.read(dir.resolve("dataset4b.csv"), "b"));
    tasks =
        Map.of(
            "dataset2", task("dataset2", FebrlRecords.read(dir.resolve("dataset2.csv"), null)),
            "dataset4a-4b", task("dataset4a-4b", linkage));
  }

  static Stream<String> taskNames() {
    return Stream.of("dataset2", "dataset4a-4b");
  }

  @ParameterizedTest
  @MethodSource("taskNames")
  void findsTheSameCandidatePairsAndRuleFiguresAsTheInMemoryMatcher(String name) {
    Task task = tasks.get(name);
    assertThat(task.spark().scores()).hasSameSizeAs(task.inMemory().scores());
    assertThat(task.spark().scores().keySet()).isEqualTo(task.inMemory().scores().keySet());
    assertThat(task.spark().rules()).isEqualTo(task.inMemory().rules());
  }

  @ParameterizedTest
  @MethodSource("taskNames")
  void trainsTheSamePriorAndMAndExactlyTheSameU(String name) {
    MatchModel expected = tasks.get(name).inMemory().model();
    MatchModel actual = tasks.get(name).spark().model();

    assertThat(actual.matchPrior()).isCloseTo(expected.matchPrior(), within(1e-9));
    assertThat(actual.training()).isEqualTo(expected.training());
    for (int k = 0; k < expected.comparisons().size(); k++) {
      ComparisonWeights want = expected.comparisons().get(k);
      ComparisonWeights got = actual.comparisons().get(k);
      assertThat(got.field()).isEqualTo(want.field());
      for (int l = 0; l < want.levels().size(); l++) {
        assertThat(got.levels().get(l).m())
            .as("m of %s level %s", want.field(), want.levels().get(l).level())
            .isCloseTo(want.levels().get(l).m(), within(1e-9));
        assertThat(got.levels().get(l).u())
            .as("u of %s level %s", want.field(), want.levels().get(l).level())
            .isEqualTo(want.levels().get(l).u());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("taskNames")
  void scoresEveryPairWithTheSameLevelsAndProbability(String name) {
    Task task = tasks.get(name);
    task.inMemory()
        .scores()
        .forEach(
            (pair, want) -> {
              Scored got = task.spark().scores().get(pair);
              assertThat(got.levels()).as(pair).isEqualTo(want.levels());
              assertThat(got.probability()).as(pair).isCloseTo(want.probability(), within(1e-9));
            });
  }

  @ParameterizedTest
  @MethodSource("taskNames")
  void linksTheSamePairsAsTheInMemoryMatcher(String name) {
    Task task = tasks.get(name);
    assertThat(task.inMemory().linked()).hasSizeGreaterThan(900);
    assertThat(task.spark().linked()).isEqualTo(task.inMemory().linked());
  }

  @Test
  void trainsTheSameModelBySessionsAsTheInMemoryMatcher() {
    MatchSettings sessions =
        SETTINGS.withMethod(TrainingMethod.SESSIONS, SETTINGS.deterministicRules(), 0.5, true);
    List<MatchRecord> byId = tasks.get("dataset2").records();
    InMemoryMatcher inMemory = new InMemoryMatcher(sessions);
    MatchModel expected = inMemory.train(byId, inMemory.candidates(byId), NOW);

    SparkMatcher matcher = new SparkMatcher(sessions);
    Dataset<Row> rows = MatchRows.toDataset(SharedSpark.session(), byId).cache();
    MatchModel actual;
    try (SparkCandidates candidates = matcher.candidates(rows)) {
      actual = matcher.train(rows, candidates, NOW);
    } finally {
      rows.unpersist();
    }

    // lambda: the deterministic rules' pairs over all 12.5M pairs, divided by their estimated
    // recall, lands near the truth: 1,934 true pairs among 12,497,500
    double trueLambda = 1_934 / 12_497_500.0;
    assertThat(expected.matchPrior() / trueLambda).isBetween(0.7, 1.4);
    assertThat(actual.matchPrior()).isEqualTo(expected.matchPrior());
    assertThat(actual.training()).isEqualTo(expected.training());
    for (int k = 0; k < expected.comparisons().size(); k++) {
      for (int l = 0; l < expected.comparisons().get(k).levels().size(); l++) {
        assertThat(actual.comparisons().get(k).levels().get(l).m())
            .isCloseTo(expected.comparisons().get(k).levels().get(l).m(), within(1e-9));
      }
    }
  }

  @Test
  void skipsTheSameOversizedBlocksAsTheInMemoryMatcher() {
    List<MatchRecord> records = tasks.get("dataset2").records();
    MatchSettings smallBlocks = capped(4);

    List<RuleStats> expected = new InMemoryMatcher(smallBlocks).candidates(records).rules();
    try (SparkCandidates actual =
        new SparkMatcher(smallBlocks)
            .candidates(MatchRows.toDataset(SharedSpark.session(), records))) {
      assertThat(actual.rules()).isEqualTo(expected);
      assertThat(actual.rules()).anySatisfy(rule -> assertThat(rule.skippedBlocks()).isPositive());
    }
  }

  @Test
  void refinesTheSameBlocksIntoTheSameCandidatesAsTheInMemoryMatcher() {
    // a fifth of dataset2 is plenty of blocks to split (the whole file costs minutes in Spark)
    List<MatchRecord> records = tasks.get("dataset2").records().subList(0, 1000);
    // a refine size far below the defaults, so that Febrl's blocks are split, some down to the
    // remainder and the third key, and the cap skips the sub-blocks of three or more left after it
    MatchSettings refined =
        capped(2)
            .withRefinement(
                new BlockRefinement(
                    2,
                    List.of(
                        BlockingKey.parse("postal_code:first_3"),
                        BlockingKey.parse("birth_date:first_4"),
                        BlockingKey.parse("city:metaphone"))));

    CandidatePairs expected = new InMemoryMatcher(refined).candidates(records);
    Set<String> expectedPairs = new HashSet<>();
    for (long pair : expected.pairs()) {
      expectedPairs.add(
          key(
              records.get(CandidatePairs.left(pair)).id(),
              records.get(CandidatePairs.right(pair)).id()));
    }
    try (SparkCandidates actual =
        new SparkMatcher(refined).candidates(MatchRows.toDataset(SharedSpark.session(), records))) {
      Set<String> actualPairs = new HashSet<>();
      for (Row row : actual.pairs().select("left_id", "right_id").collectAsList()) {
        actualPairs.add(key(row.getString(0), row.getString(1)));
      }
      assertThat(actualPairs).isEqualTo(expectedPairs);
      assertThat(actual.rules()).isEqualTo(expected.rules());
      assertThat(actual.rules()).anySatisfy(rule -> assertThat(rule.refinedBlocks()).isPositive());
      assertThat(actual.rules()).anySatisfy(rule -> assertThat(rule.skippedBlocks()).isPositive());
    }
    // with the defaults (refine size 50) no block of Febrl is refined
    for (Task task : tasks.values()) {
      assertThat(task.inMemory().rules())
          .as(task.name())
          .allSatisfy(rule -> assertThat(rule.refinedBlocks()).isZero());
    }
  }

  /** The default comparisons and rules, trained by EM, with blocks over {@code cap} skipped. */
  private static MatchSettings capped(int cap) {
    return new MatchSettings(
        SETTINGS.comparisons(),
        SETTINGS.blocking(),
        cap,
        SETTINGS.linkThreshold(),
        SETTINGS.reviewThreshold(),
        SETTINGS.randomPairs(),
        SETTINGS.seed(),
        SETTINGS.maxIterations());
  }

  private static Task task(String name, List<MatchRecord> fileOrder) {
    List<MatchRecord> byId = new ArrayList<>(fileOrder);
    byId.sort(Comparator.comparing(MatchRecord::id));
    return new Task(name, byId, inMemory(byId), spark(fileOrder));
  }

  private static Outcome inMemory(List<MatchRecord> records) {
    InMemoryMatcher matcher = new InMemoryMatcher(SETTINGS);
    CandidatePairs candidates = matcher.candidates(records);
    MatchModel model = matcher.train(records, candidates, NOW);
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(records, SETTINGS.comparisons()));
    Map<String, Scored> scores = new HashMap<>();
    for (ScoredPair pair : matcher.score(records, candidates, scorer)) {
      scores.put(
          key(pair.left(), pair.right()),
          new Scored(
              Arrays.stream(pair.score().levels()).boxed().toList(), pair.score().probability()));
    }
    return new Outcome(candidates.rules(), model, scores);
  }

  private static Outcome spark(List<MatchRecord> records) {
    SparkMatcher matcher = new SparkMatcher(SETTINGS);
    Dataset<Row> rows = MatchRows.toDataset(SharedSpark.session(), records).cache();
    try (SparkCandidates candidates = matcher.candidates(rows)) {
      MatchModel model = matcher.train(rows, candidates, NOW);
      PairScorer scorer = new PairScorer(model, matcher.termFrequencies(rows));
      Map<String, Scored> scores = new HashMap<>();
      for (Row row :
          matcher
              .score(rows, candidates, scorer)
              .select("left_id", "right_id", "levels", "probability")
              .collectAsList()) {
        scores.put(
            key(row.getString(0), row.getString(1)),
            new Scored(List.copyOf(row.<Integer>getList(2)), row.getDouble(3)));
      }
      return new Outcome(candidates.rules(), model, scores);
    } finally {
      rows.unpersist();
    }
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
