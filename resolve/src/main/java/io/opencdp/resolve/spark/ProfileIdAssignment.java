package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.opencdp.resolve.ids.Overlap;
import io.opencdp.resolve.ids.ProfileIdAssigner;
import io.opencdp.resolve.ids.ProfileIdRules;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark side of {@link ProfileIdAssigner}: the same steps over datasets, each decision made by
 * {@link ProfileIdRules} on the rows of one component or one previous id.
 */
final class ProfileIdAssignment {
  private static final int MAX_MINT_ROUNDS = 32;

  private static final StructType MINTED =
      new StructType()
          .add("cluster_key", StringType, false)
          .add("component_first_seen", TimestampType)
          .add("attempt", IntegerType, false)
          .add("profile_id", StringType, false);

  private static final StructType MERGE =
      new StructType()
          .add("alias_profile_id", StringType, false)
          .add("surviving_profile_id", StringType, false);

  private ProfileIdAssignment() {}

  /**
   * The ids of one run.
   *
   * @param components cluster_key, profile_id, id_first_seen (null when unknown),
   *     component_first_seen, created
   * @param merges alias_profile_id, surviving_profile_id
   * @param retired profile_id: previous ids none of whose identifiers remain in a profile
   */
  record Result(Dataset<Row> components, Dataset<Row> merges, Dataset<Row> retired) {}

  /**
   * @param members type, value, cluster_key of every usable identifier
   * @param componentSeen cluster_key, component_first_seen
   */
  static Result assign(
      Dataset<Row> members, Dataset<Row> componentSeen, PreviousProfiles previous) {
    Dataset<Row> overlaps =
        members
            .join(previous.members(), new String[] {"type", "value"})
            .groupBy("cluster_key", "previous_id")
            .agg(count(lit(1)).as("shared"))
            .join(componentSeen, "cluster_key")
            .join(previous.firstSeen(), new String[] {"previous_id"}, "left")
            .select(
                col("cluster_key").as("component"),
                col("component_first_seen"),
                col("previous_id"),
                col("previous_first_seen"),
                col("shared"))
            .persist(StorageLevel.MEMORY_AND_DISK());

    // each component's choice, then each id's winner among the components that chose it
    Dataset<Row> choices =
        overlaps
            .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
            .mapGroups(
                (MapGroupsFunction<String, Row, Row>)
                    (component, rows) -> row(ProfileIdRules.choice(overlaps(rows)).orElseThrow()),
                Encoders.row(ResolveTables.OVERLAP));
    Dataset<Row> kept =
        choices
            .groupByKey((MapFunction<Row, String>) r -> r.getString(2), Encoders.STRING())
            .mapGroups(
                (MapGroupsFunction<String, Row, Row>)
                    (id, rows) -> row(ProfileIdRules.winner(overlaps(rows)).orElseThrow()),
                Encoders.row(ResolveTables.OVERLAP))
            .select(
                col("component").as("cluster_key"),
                col("previous_id").as("profile_id"),
                col("previous_first_seen").as("id_first_seen"),
                col("component_first_seen"))
            .localCheckpoint();

    Dataset<Row> minted =
        mint(componentSeen.join(kept, new String[] {"cluster_key"}, "left_anti"), previous.used());
    Dataset<Row> components =
        kept.withColumn("created", lit(false))
            .unionByName(
                minted.select(
                    col("cluster_key"),
                    col("profile_id"),
                    col("component_first_seen").as("id_first_seen"),
                    col("component_first_seen"),
                    lit(true).as("created")))
            .localCheckpoint();

    // previous ids no component kept: aliases of the profile holding most of their identifiers
    Dataset<Row> untaken =
        previous
            .members()
            .select("previous_id")
            .distinct()
            .join(kept, col("previous_id").equalTo(kept.col("profile_id")), "left_anti");
    Dataset<Row> merges =
        overlaps
            .join(untaken, "previous_id")
            .join(components, col("component").equalTo(components.col("cluster_key")))
            .select(col("previous_id"), col("profile_id"), col("id_first_seen"), col("shared"))
            .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
            .mapGroups(
                (MapGroupsFunction<String, Row, Row>) ProfileIdAssignment::survivor,
                Encoders.row(MERGE))
            .localCheckpoint();
    Dataset<Row> retired =
        untaken
            .join(merges, col("previous_id").equalTo(merges.col("alias_profile_id")), "left_anti")
            .select(col("previous_id").as("profile_id"))
            .localCheckpoint();
    overlaps.unpersist();
    return new Result(components, merges, retired);
  }

  /**
   * New ids for {@code fresh} components (cluster_key, component_first_seen): {@link
   * ProfileIdRules#mint} attempt 0, then the next attempt for any id that was used before or that
   * two components drew (the smaller cluster key keeps it).
   */
  private static Dataset<Row> mint(Dataset<Row> fresh, Dataset<Row> used) {
    Dataset<Row> pending =
        fresh.select(col("cluster_key"), col("component_first_seen"), lit(0).as("attempt"));
    Dataset<Row> accepted = null;
    for (int round = 0; round < MAX_MINT_ROUNDS; round++) {
      Dataset<Row> candidates =
          pending
              .map(
                  (MapFunction<Row, Row>)
                      r ->
                          RowFactory.create(
                              r.getString(0),
                              r.get(1),
                              r.getInt(2),
                              ProfileIdRules.mint(r.getString(0), r.getInt(2))),
                  Encoders.row(MINTED))
              .localCheckpoint();
      Dataset<Row> taken = accepted == null ? used : used.union(accepted.select("profile_id"));
      Dataset<Row> ok =
          candidates
              .withColumn(
                  "_n", row_number().over(Window.partitionBy("profile_id").orderBy("cluster_key")))
              .where(col("_n").equalTo(1))
              .drop("_n")
              .join(taken, new String[] {"profile_id"}, "left_anti")
              .select("cluster_key", "component_first_seen", "attempt", "profile_id");
      accepted = (accepted == null ? ok : accepted.unionByName(ok)).localCheckpoint();
      Dataset<Row> bumped = candidates.join(accepted, new String[] {"cluster_key"}, "left_anti");
      if (bumped.isEmpty()) {
        return accepted;
      }
      pending =
          bumped.select(
              col("cluster_key"),
              col("component_first_seen"),
              col("attempt").plus(1).as("attempt"));
    }
    throw new IllegalStateException(
        "could not mint unused profile ids in " + MAX_MINT_ROUNDS + " attempts");
  }

  private static Row survivor(String alias, Iterator<Row> rows) {
    // previous_id, profile_id, id_first_seen, shared
    List<ProfileIdRules.Holder> holders = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      holders.add(new ProfileIdRules.Holder(r.getString(1), instant(r.get(2)), r.getLong(3)));
    }
    return RowFactory.create(alias, ProfileIdRules.survivor(holders).orElseThrow().profileId());
  }

  private static List<Overlap> overlaps(Iterator<Row> rows) {
    List<Overlap> list = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      list.add(
          new Overlap(
              r.getString(0), instant(r.get(1)), r.getString(2), instant(r.get(3)), r.getLong(4)));
    }
    return list;
  }

  private static Row row(Overlap o) {
    return RowFactory.create(
        o.component(), o.componentFirstSeen(), o.previousId(), o.previousFirstSeen(), o.shared());
  }

  static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
  }
}
