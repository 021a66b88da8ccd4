package io.opencdp.resolve.spark;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.ids.Assignment;
import io.opencdp.resolve.ids.NewComponent;
import io.opencdp.resolve.ids.Overlap;
import io.opencdp.resolve.ids.PreviousId;
import io.opencdp.resolve.ids.ProfileIdAssigner;
import io.opencdp.resolve.ids.ProfileIdRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The Spark id assignment gives exactly what the plain-Java reference gives, on random histories.
 */
class ProfileIdAssignmentTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final StructType MEMBERS =
      new StructType()
          .add("type", StringType)
          .add("value", StringType)
          .add("cluster_key", StringType);
  private static final StructType SEEN =
      new StructType().add("cluster_key", StringType).add("component_first_seen", TimestampType);
  private static final StructType PREVIOUS =
      new StructType()
          .add("type", StringType)
          .add("value", StringType)
          .add("previous_id", StringType);
  private static final StructType FIRST_SEEN =
      new StructType().add("previous_id", StringType).add("previous_first_seen", TimestampType);
  private static final StructType USED = new StructType().add("profile_id", StringType);

  private final SparkSession spark = SharedSpark.session();

  @Test
  void sparkAssignmentEqualsTheReferenceOnRandomMergesAndSplits() {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      int identifiers = 60;
      // previous: identifiers in groups of 1-4, ids p_<n>; some identifiers were not seen before
      Map<Integer, String> previousOf = new HashMap<>();
      Map<String, Instant> firstSeen = new TreeMap<>();
      for (int i = 0; i < identifiers; ) {
        String id = "p_" + (100 + i);
        int size = 1 + random.nextInt(4);
        for (int k = 0; k < size && i < identifiers; k++, i++) {
          if (random.nextInt(10) > 0) {
            previousOf.put(i, id);
          }
        }
        firstSeen.put(id, random.nextInt(5) == 0 ? null : T0.plusSeconds(random.nextInt(5)));
      }
      // now: identifiers regrouped in runs of 1-6 (merges and splits), keyed by their first one
      Map<Integer, String> clusterOf = new HashMap<>();
      Map<String, Instant> componentSeen = new TreeMap<>();
      for (int i = 0; i < identifiers; ) {
        String key = "email:" + i;
        int size = 1 + random.nextInt(6);
        for (int k = 0; k < size && i < identifiers; k++, i++) {
          clusterOf.put(i, key);
        }
        componentSeen.put(key, T0.plusSeconds(random.nextInt(3)));
      }
      // a few new keys' derived ids were used before
      Set<String> used = new TreeSet<>(firstSeen.keySet());
      for (String key : componentSeen.keySet()) {
        if (random.nextInt(4) == 0) {
          used.add(ProfileIdRules.mint(key, 0));
        }
      }

      Assignment expected = reference(previousOf, firstSeen, clusterOf, componentSeen, used);
      ProfileIdAssignment.Result actual =
          spark(previousOf, firstSeen, clusterOf, componentSeen, used);

      Map<String, String> ids = new TreeMap<>();
      Set<String> created = new TreeSet<>();
      for (Row r : actual.components().collectAsList()) {
        ids.put(r.getAs("cluster_key"), r.getAs("profile_id"));
        if (r.<Boolean>getAs("created")) {
          created.add(r.getAs("profile_id"));
        }
      }
      Map<String, String> merged = new TreeMap<>();
      actual.merges().collectAsList().forEach(r -> merged.put(r.getString(0), r.getString(1)));
      Set<String> retired = new TreeSet<>();
      actual.retired().collectAsList().forEach(r -> retired.add(r.getString(0)));

      assertThat(ids).as("seed %d ids", seed).isEqualTo(new TreeMap<>(expected.profileIds()));
      assertThat(created).as("seed %d created", seed).isEqualTo(expected.created());
      assertThat(merged).as("seed %d merged", seed).isEqualTo(new TreeMap<>(expected.merged()));
      assertThat(retired).as("seed %d retired", seed).isEqualTo(expected.retired());
      assertThat(merged).as("seed %d has merges", seed).isNotEmpty();
    }
  }

  private static Assignment reference(
      Map<Integer, String> previousOf,
      Map<String, Instant> firstSeen,
      Map<Integer, String> clusterOf,
      Map<String, Instant> componentSeen,
      Set<String> used) {
    Map<List<String>, Long> counts = new HashMap<>();
    previousOf.forEach((i, p) -> counts.merge(List.of(clusterOf.get(i), p), 1L, Long::sum));
    List<Overlap> overlaps = new ArrayList<>();
    counts.forEach(
        (k, n) ->
            overlaps.add(
                new Overlap(
                    k.get(0), componentSeen.get(k.get(0)), k.get(1), firstSeen.get(k.get(1)), n)));
    List<NewComponent> components = new ArrayList<>();
    componentSeen.forEach((k, t) -> components.add(new NewComponent(k, t)));
    List<PreviousId> previous = new ArrayList<>();
    new HashSet<>(previousOf.values())
        .forEach(p -> previous.add(new PreviousId(p, firstSeen.get(p))));
    return ProfileIdAssigner.assign(components, overlaps, previous, used::contains);
  }

  private ProfileIdAssignment.Result spark(
      Map<Integer, String> previousOf,
      Map<String, Instant> firstSeen,
      Map<Integer, String> clusterOf,
      Map<String, Instant> componentSeen,
      Set<String> used) {
    List<Row> members = new ArrayList<>();
    clusterOf.forEach((i, key) -> members.add(RowFactory.create("email", "v" + i, key)));
    List<Row> seen = new ArrayList<>();
    componentSeen.forEach((k, t) -> seen.add(RowFactory.create(k, t)));
    List<Row> previous = new ArrayList<>();
    previousOf.forEach((i, p) -> previous.add(RowFactory.create("email", "v" + i, p)));
    List<Row> first = new ArrayList<>();
    firstSeen.forEach((p, t) -> first.add(RowFactory.create(p, t)));
    List<Row> usedRows = used.stream().map(u -> RowFactory.create(u)).toList();
    PreviousProfiles prev =
        new PreviousProfiles(
            frame(previous, PREVIOUS),
            frame(first, FIRST_SEEN),
            frame(usedRows, USED),
            true,
            frame(List.of(), USED));
    return ProfileIdAssignment.assign(frame(members, MEMBERS), frame(seen, SEEN), prev);
  }

  private Dataset<Row> frame(List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema);
  }
}
