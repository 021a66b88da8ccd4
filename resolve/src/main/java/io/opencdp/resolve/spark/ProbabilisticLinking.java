package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.guardrail.GroupFacts;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.MatchLink;
import io.opencdp.resolve.guardrail.MatchLinkDecision;
import io.opencdp.resolve.guardrail.MatchLinkGuard;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.ids.ProfileIdRules;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.PairScorer;
import io.opencdp.resolve.spark.match.SparkCandidates;
import io.opencdp.resolve.spark.match.SparkMatcher;
import io.opencdp.schemas.event.IdentifierType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probabilistic step of a resolve run: match records of the profile candidates deterministic
 * stitching formed ({@link MatchInput}) are blocked, scored with the workspace's model (trained on
 * first use and kept in {@code <work_dir>/match/model.json}), and the pairs at or above the link
 * threshold join their candidates under {@link MatchLinkGuard}. Pairs in the review band are
 * written to {@code match_review} and join nothing; every link decision goes to {@code
 * match_links}.
 */
final class ProbabilisticLinking {
  private static final Logger LOG = LoggerFactory.getLogger(ProbabilisticLinking.class);

  static final String MATCH_LINKS = ResolveTables.MATCH_LINKS;
  static final String MATCH_REVIEW = ResolveTables.MATCH_REVIEW;

  /** The group of a named event no identifier placed: {@code event:<event id>}. */
  static final String UNPLACED_PREFIX = MatchLinkGuard.UNPLACED_PREFIX;

  private ProbabilisticLinking() {}

  /**
   * What the links changed.
   *
   * @param members the candidates' members with the keys of joined candidates replaced by the
   *     joined set's key: type, value, cluster_key
   * @param placedEvents events no identifier placed that a link put into a candidate: event_id,
   *     cluster_key (the joined set's key)
   * @param walkIns events of walk-in profiles (records no identifier placed, joined among
   *     themselves): event_id, profile_id ({@link ProfileIdRules#walkInId})
   * @param walkInProfiles how many walk-in profiles there are
   */
  record Linked(
      Dataset<Row> members, Dataset<Row> placedEvents, Dataset<Row> walkIns, long walkInProfiles) {}

  /** Applies probabilistic links to the candidates deterministic stitching formed. */
  static Linked apply(
      SparkSession spark,
      TableLocations tables,
      String workspace,
      Path workDir,
      MatchSettings settings,
      LinkGuardrails guardrails,
      NeverLinkRules neverLink,
      Dataset<Row> events,
      IdentityClustering.Clusters clusters,
      Dataset<Row> members,
      Instant now) {
    Dataset<Row> withEvents =
        MatchRecords.of(events, clusters, members).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> records = withEvents.select("id", "group", "values");
      SparkMatcher matcher = new SparkMatcher(settings);
      SparkCandidates candidates = matcher.candidates(records);
      MatchModel model = model(matcher, records, candidates, workDir, now);
      PairScorer scorer = new PairScorer(model, matcher.termFrequencies(records));
      Dataset<Row> scored =
          matcher.score(records, candidates, scorer).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        // the review band with the evidence a reviewer needs: both events and the labelled vector
        Dataset<Row> review =
            MatchRecords.withEventIds(
                    scored.where(
                        col("probability")
                            .geq(settings.reviewThreshold())
                            .and(col("probability").lt(settings.linkThreshold()))),
                    withEvents)
                .withColumn("comparisons", ComparisonLabels.of(scorer.comparisons(), col("levels")))
                .withColumn("workspace_id", lit(workspace));
        TableSync.sync(spark, tables.table(MATCH_REVIEW), review, null, now);
        List<MatchLink> links = new ArrayList<>();
        MatchLinkRows linkRows = new MatchLinkRows(workspace, scorer);
        Dataset<Row> linked = scored.where(col("probability").geq(settings.linkThreshold()));
        for (Row r : MatchRecords.withEventIds(linked, withEvents).collectAsList()) {
          links.add(linkRows.link(r));
        }
        MatchLinkGuard.Result result =
            new MatchLinkGuard(guardrails.limits(), neverLink)
                .apply(facts(spark, members, withEvents, links), links);
        List<Row> decisionRows = new ArrayList<>();
        long accepted = 0;
        for (MatchLinkDecision d : result.decisions()) {
          accepted += d.accepted() ? 1 : 0;
          decisionRows.add(linkRows.row(d));
        }
        TableSync.sync(
            spark,
            tables.table(MATCH_LINKS),
            spark.createDataFrame(decisionRows, ResolveTables.MATCH_LINKS_SCHEMA),
            null,
            now);
        LOG.info(
            "probabilistic matching: {} link(s) at or above {}: {} accepted, {} refused by the"
                + " guard; {} profile candidate(s) joined; review-band pairs in match_review",
            links.size(),
            settings.linkThreshold(),
            accepted,
            links.size() - accepted,
            result.rootOf().size());
        return new Linked(
            rekey(spark, members, result.rootOf()),
            placedEvents(spark, result.rootOf()),
            walkIns(spark, events, result.rootOf()),
            result.rootOf().values().stream().filter(MatchLinkGuard::isWalkIn).distinct().count());
      } finally {
        scored.unpersist();
        // the candidate pairs stay cached otherwise, re-planned on every later write of the tables
        // they read
        candidates.close();
      }
    } finally {
      withEvents.unpersist();
    }
  }

  private static MatchModel model(
      SparkMatcher matcher,
      Dataset<Row> records,
      SparkCandidates candidates,
      Path workDir,
      Instant now) {
    MatchModelStore store = new MatchModelStore(workDir);
    Optional<MatchModel> current = store.loadCurrent();
    if (current.isPresent()) {
      LOG.info("probabilistic matching: scoring with the model in {}", store.current());
      return current.get();
    }
    MatchModel model = matcher.train(records, candidates, now);
    store.save(model);
    LOG.info(
        "probabilistic matching: no model yet; trained one on this data (prior {}) and saved it"
            + " to {} (`cdp match train` retrains)",
        model.matchPrior(),
        store.current());
    return model;
  }

  /** Identifiers and birth dates of every candidate a link names. */
  private static List<GroupFacts> facts(
      SparkSession spark, Dataset<Row> members, Dataset<Row> records, List<MatchLink> links) {
    Set<String> groups = new HashSet<>();
    for (MatchLink l : links) {
      groups.add(l.leftGroup());
      groups.add(l.rightGroup());
    }
    Map<String, Set<IdentifierKey>> ids = new HashMap<>();
    Map<String, Set<String>> births = new HashMap<>();
    for (String g : groups) {
      ids.put(g, new HashSet<>());
      births.put(g, new HashSet<>());
    }
    if (!groups.isEmpty()) {
      Dataset<Row> linked =
          broadcast(spark.createDataset(List.copyOf(groups), Encoders.STRING()).toDF("linked_key"));
      for (Row r :
          members
              .join(linked, members.col("cluster_key").equalTo(linked.col("linked_key")))
              .select("cluster_key", "type", "value")
              .collectAsList()) {
        ids.get(r.<String>getAs("cluster_key"))
            .add(
                IdentifierKey.of(
                    IdentifierType.fromWireName(r.getAs("type")), r.<String>getAs("value")));
      }
      int birth = MatchField.BIRTH_DATE.ordinal();
      for (Row r :
          records
              .join(linked, records.col("group").equalTo(linked.col("linked_key")))
              .select(col("group"), col("values").getItem(birth).as("birth_date"))
              .where(col("birth_date").isNotNull())
              .collectAsList()) {
        births.get(r.<String>getAs("group")).add(r.getAs("birth_date"));
      }
    }
    List<GroupFacts> facts = new ArrayList<>();
    for (String g : groups) {
      facts.add(new GroupFacts(g, ids.get(g), births.get(g)));
    }
    return facts;
  }

  private static Dataset<Row> placedEvents(SparkSession spark, Map<String, String> rootOf) {
    List<Row> rows = new ArrayList<>();
    rootOf.forEach(
        (group, root) -> {
          if (group.startsWith(UNPLACED_PREFIX) && !MatchLinkGuard.isWalkIn(root)) {
            rows.add(RowFactory.create(group.substring(UNPLACED_PREFIX.length()), root));
          }
        });
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("event_id", DataTypes.StringType, false)
            .add("cluster_key", DataTypes.StringType, false));
  }

  /** Each walk-in profile's events with its id, minted from its earliest received event. */
  private static Dataset<Row> walkIns(
      SparkSession spark, Dataset<Row> events, Map<String, String> rootOf) {
    Map<String, String> walkInOf = new HashMap<>();
    rootOf.forEach(
        (group, root) -> {
          if (MatchLinkGuard.isWalkIn(root)) {
            walkInOf.put(group.substring(UNPLACED_PREFIX.length()), root);
          }
        });
    Map<String, Map<String, Instant>> receivedAt = new HashMap<>();
    if (!walkInOf.isEmpty()) {
      Dataset<Row> ids =
          broadcast(
              spark.createDataset(List.copyOf(walkInOf.keySet()), Encoders.STRING()).toDF("w_id"));
      for (Row r :
          events
              .join(ids, events.col("event_id").equalTo(ids.col("w_id")))
              .select(col("event_id"), col("received_at"))
              .collectAsList()) {
        Object at = r.get(1); // an Instant with the session's Java 8 time API, else a Timestamp
        receivedAt
            .computeIfAbsent(walkInOf.get(r.getString(0)), k -> new HashMap<>())
            .put(r.getString(0), at instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) at);
      }
    }
    List<Row> rows = new ArrayList<>();
    receivedAt.forEach(
        (root, ofEvents) -> {
          String profileId = ProfileIdRules.walkInId(ofEvents);
          ofEvents.keySet().forEach(eventId -> rows.add(RowFactory.create(eventId, profileId)));
        });
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("event_id", DataTypes.StringType, false)
            .add("profile_id", DataTypes.StringType, false));
  }

  private static Dataset<Row> rekey(
      SparkSession spark, Dataset<Row> members, Map<String, String> rootOf) {
    if (rootOf.isEmpty()) {
      return members;
    }
    List<Row> rows = new ArrayList<>();
    rootOf.forEach((group, root) -> rows.add(RowFactory.create(group, root)));
    Dataset<Row> roots =
        spark.createDataFrame(
            rows,
            new StructType()
                .add("joined_key", DataTypes.StringType, false)
                .add("root_key", DataTypes.StringType, false));
    return members
        .join(roots, members.col("cluster_key").equalTo(roots.col("joined_key")), "left")
        .select(
            col("type"),
            col("value"),
            coalesce(col("root_key"), col("cluster_key")).as("cluster_key"))
        .localCheckpoint();
  }
}
