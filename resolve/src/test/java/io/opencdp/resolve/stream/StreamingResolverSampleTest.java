package io.opencdp.resolve.stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.eval.EvaluationResult;
import io.opencdp.resolve.eval.PairwiseEvaluator;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.match.MatchRecord;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PersonValues;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.resolve.spark.ResolvedSample;
import io.opencdp.schemas.event.TouchpointEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming resolver against the batch on the committed sample, fed in a shuffled order.
 * Deterministic only, every pair of events the stream puts together the batch puts together too,
 * and what it misses are the batch's probabilistic links; with the batch's model the stream makes
 * those links itself (issue 8's gate: pairwise F1 at least 0.999 against the batch's profiles).
 */
class StreamingResolverSampleTest {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingResolverSampleTest.class);
  private static List<TouchpointEvent> events;
  private static Map<String, String> batch;
  private static StreamingResolver resolver;
  private static StreamingResolver matching;
  private static StreamState matched;

  @BeforeAll
  static void readTheResolvedSample() {
    ResolvedSample sample = ResolvedSample.get();
    var spark = SharedSpark.session();
    events = new ArrayList<>();
    for (Row r :
        spark.read().format("delta").load(sample.tables.table(EventsTable.NAME)).collectAsList()) {
      events.add(EventRows.fromRow(r));
    }
    batch = new HashMap<>();
    for (Row r :
        spark
            .read()
            .format("delta")
            .load(sample.tables.table(ResolveTables.EVENT_PROFILES))
            .select(col("event_id"), col("profile_id"))
            .collectAsList()) {
      batch.put(r.getString(0), r.getString(1));
    }
    resolver =
        new StreamingResolver(
            LinkGuardrails.from(sample.config.resolve().guardrails()), NeverLinkRules.none());
    matching =
        new StreamingResolver(
            LinkGuardrails.from(sample.config.resolve().guardrails()),
            NeverLinkRules.none(),
            new StreamMatcher(
                new MatchModelStore(sample.config.workDir()).loadCurrent().orElseThrow(),
                MatchSettings.from(sample.config.resolve().match())));
  }

  private static synchronized StreamState matched() {
    if (matched == null) {
      matched = stream(42, matching);
    }
    return matched;
  }

  @Test
  void withTheBatchsModelTheStreamAgreesWithTheBatch() {
    StreamState state = matched();
    PairwiseEvaluator agreement = new PairwiseEvaluator();
    Map<String, List<String>> byStream = new HashMap<>();
    Map<String, List<String>> byBatch = new HashMap<>();
    for (TouchpointEvent e : events) {
      String ours = state.events().get(e.eventId()).profileId();
      String theirs = batch.get(e.eventId());
      agreement.add(
          theirs == null ? "none:" + e.eventId() : theirs,
          ours == null ? "none:" + e.eventId() : ours);
      if (ours != null) {
        byStream.computeIfAbsent(ours, k -> new ArrayList<>()).add(e.eventId());
      }
      if (theirs != null) {
        byBatch.computeIfAbsent(theirs, k -> new ArrayList<>()).add(e.eventId());
      }
    }
    EvaluationResult r = agreement.result();
    List<String> disagreements = new ArrayList<>();
    byStream.forEach(
        (ours, ids) -> {
          Map<String, Long> theirs = new java.util.TreeMap<>();
          ids.forEach(id -> theirs.merge(String.valueOf(batch.get(id)), 1L, Long::sum));
          if (theirs.size() > 1) {
            disagreements.add("stream profile " + ours + " spans batch profiles " + theirs);
          }
        });
    byBatch.forEach(
        (theirs, ids) -> {
          Map<String, Long> ours = new java.util.TreeMap<>();
          ids.forEach(
              id -> ours.merge(String.valueOf(state.events().get(id).profileId()), 1L, Long::sum));
          if (ours.size() > 1) {
            disagreements.add("batch profile " + theirs + " split by the stream into " + ours);
          }
        });
    disagreements.forEach(d -> LOG.info("disagreement: {}", d));
    LOG.info(
        "stream with matching vs batch on {} events: precision {} recall {} f1 {}; {}"
            + " disagreement(s)",
        r.records(),
        r.precision(),
        r.recall(),
        r.f1(),
        disagreements.size());
    // measured: precision 0.9999923, recall 0.9998765, F1 0.9999344; one person differs (two
    // lines above): five store lines of one customer whose links to two conflicting candidates are
    // 0.999504 and 0.999495 at the final term counts; the stream last decided that component when
    // the exact name was a larger share of the records seen, so the other link was the stronger
    // one then (term-frequency drift, docs/streaming.md)
    assertThat(r.f1()).isGreaterThanOrEqualTo(0.999);
  }

  @Test
  void theStreamNamesMatchRecordsAsTheBatchDoes() {
    // pairs are oriented by record id, which orders equally strong links under the guard
    Map<String, TouchpointEvent> byId = new HashMap<>();
    events.forEach(e -> byId.put(e.eventId(), e));
    List<Row> links =
        SharedSpark.session()
            .read()
            .format("delta")
            .load(ResolvedSample.get().tables.table(ResolveTables.MATCH_LINKS))
            .select(
                "left_group",
                "left_record",
                "left_event_id",
                "right_group",
                "right_record",
                "right_event_id")
            .collectAsList();
    assertThat(links).isNotEmpty();
    for (Row r : links) {
      for (int side = 0; side < 6; side += 3) {
        String[] values = PersonValues.of(byId.get(r.getString(side + 2))).values();
        assertThat(MatchRecord.idOf(r.getString(side), values)).isEqualTo(r.getString(side + 1));
      }
    }
  }

  @Test
  void withTheBatchsModelTwoArrivalOrdersGiveNearlyTheSameProfiles() {
    StreamState one = matched();
    StreamState two = stream(3, matching);
    PairwiseEvaluator agreement = new PairwiseEvaluator();
    for (TouchpointEvent e : events) {
      String a = one.events().get(e.eventId()).profileId();
      String b = two.events().get(e.eventId()).profileId();
      agreement.add(a == null ? "none:" + e.eventId() : a, b == null ? "none:" + e.eventId() : b);
    }
    EvaluationResult r = agreement.result();
    LOG.info(
        "two arrival orders with matching: precision {} recall {} f1 {}",
        r.precision(),
        r.recall(),
        r.f1());
    assertThat(r.f1()).isGreaterThanOrEqualTo(0.999);
  }

  @Test
  void theStreamAgreesWithTheBatchUpToItsProbabilisticLinks() {
    StreamState state = stream(42, resolver);
    PairwiseEvaluator agreement = new PairwiseEvaluator();
    long placedByBatchOnly = 0;
    for (TouchpointEvent e : events) {
      String ours = state.events().get(e.eventId()).profileId();
      String theirs = batch.get(e.eventId());
      if (ours == null && theirs != null) {
        placedByBatchOnly++;
      }
      agreement.add(
          theirs == null ? "none:" + e.eventId() : theirs,
          ours == null ? "none:" + e.eventId() : ours);
    }
    EvaluationResult r = agreement.result();
    LOG.info(
        "stream vs batch on {} events: precision {} recall {} f1 {}; {} event(s) only the batch"
            + " placed; {} stream profile(s) spanning two batch profiles",
        r.records(),
        r.precision(),
        r.recall(),
        r.f1(),
        placedByBatchOnly,
        r.overMergedProfiles());
    // measured: precision 1.0, recall 0.8945 (F1 0.9443), 1,419 events only the batch placed; the
    // recall it lacks is the batch's probabilistic links, which the stream does not compute yet
    assertThat(r.precision()).isGreaterThanOrEqualTo(0.9999);
    assertThat(r.overMergedProfiles()).isZero();
    assertThat(r.recall()).isGreaterThanOrEqualTo(0.88);
  }

  @Test
  void withTheBatchsMatchLinksTheStreamsClustersAreTheBatchsProfiles() {
    // the batch's deterministic clusters are the groups its match links join: joining the stream's
    // clusters (or unplaced events) by the accepted links must give the batch's profiles exactly
    StreamState state = stream(7, resolver);
    Map<String, String> parent = new HashMap<>();
    for (Row r :
        SharedSpark.session()
            .read()
            .format("delta")
            .load(ResolvedSample.get().tables.table(ResolveTables.MATCH_LINKS))
            .where(col("accepted"))
            .select(col("left_group"), col("right_group"))
            .collectAsList()) {
      String a = root(parent, r.getString(0));
      String b = root(parent, r.getString(1));
      if (!a.equals(b)) {
        parent.put(a, b);
      }
    }
    PairwiseEvaluator agreement = new PairwiseEvaluator();
    List<String> disagreements = new ArrayList<>();
    for (TouchpointEvent e : events) {
      String profile = state.events().get(e.eventId()).profileId();
      String group =
          profile == null ? "event:" + e.eventId() : state.profiles().get(profile).clusterKey();
      String theirs = batch.get(e.eventId());
      agreement.add(theirs == null ? "none:" + e.eventId() : theirs, root(parent, group));
    }
    EvaluationResult r = agreement.result();
    LOG.info(
        "stream clusters joined by the batch's match links vs batch: precision {} recall {} f1 {}",
        r.precision(),
        r.recall(),
        r.f1());
    assertThat(r.f1()).isEqualTo(1.0);
  }

  private static String root(Map<String, String> parent, String key) {
    String at = key;
    while (parent.containsKey(at)) {
      at = parent.get(at);
    }
    return at;
  }

  @Test
  void twoArrivalOrdersGiveTheSameProfiles() {
    StreamState one = stream(1, resolver);
    StreamState two = stream(2, resolver);
    for (TouchpointEvent e : events) {
      assertThat(members(two, e)).as(e.eventId()).isEqualTo(members(one, e));
    }
  }

  private static StreamState stream(long seed, StreamingResolver resolver) {
    List<TouchpointEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));
    StreamState state = StreamState.inMemory();
    long t0 = System.nanoTime();
    for (TouchpointEvent e : shuffled) {
      resolver.resolve(e, state);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(
        "streamed {} events (seed {}, matching {}) in {} ms: {} events/s",
        shuffled.size(),
        seed,
        resolver.matching(),
        millis,
        shuffled.size() * 1000L / Math.max(1, millis));
    return state;
  }

  private static List<String> members(StreamState state, TouchpointEvent e) {
    String profile = state.events().get(e.eventId()).profileId();
    return profile == null ? List.of() : state.profiles().get(profile).members();
  }
}
