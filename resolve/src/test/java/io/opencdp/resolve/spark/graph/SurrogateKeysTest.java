package io.opencdp.resolve.spark.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SurrogateKeysTest {
  private static final StructType KEY_EDGES =
      new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);

  private static Dataset<Row> keys(List<String> values, int partitions) {
    List<Row> rows = new ArrayList<>();
    values.forEach(v -> rows.add(RowFactory.create(v)));
    return SharedSpark.session()
        .createDataFrame(rows, new StructType().add("k", DataTypes.StringType))
        .repartition(partitions);
  }

  private static List<String> sampleKeys() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      keys.add("email:user" + i + "@example.com");
      keys.add("phone:+4470" + (1_000_000 + i));
    }
    keys.add("email:user1@example.com"); // a duplicate
    keys.add(null);
    return keys;
  }

  private static List<String> reversed(List<String> keys) {
    List<String> copy = new ArrayList<>(keys);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static Map<String, Long> mapping(SurrogateKeys keys) {
    Map<String, Long> result = new HashMap<>();
    for (Row row : keys.mapping().collectAsList()) {
      assertThat(result.put(row.getString(0), row.getLong(1))).isNull();
    }
    return result;
  }

  @Test
  void hashesKeysToDistinctIdsThatAreTheSameInEveryRun() {
    SurrogateKeys first = SurrogateKeys.assign(keys(sampleKeys(), 3), "k");
    SurrogateKeys second = SurrogateKeys.assign(keys(reversed(sampleKeys()), 1), "k");

    assertThat(first.strategy()).isEqualTo(SurrogateKeys.Strategy.HASH);
    Map<String, Long> ids = mapping(first);
    assertThat(ids).hasSize(4_000);
    assertThat(new HashSet<>(ids.values())).hasSize(4_000);
    assertThat(mapping(second)).isEqualTo(ids);
  }

  @Test
  void fallsBackToDenseIdsWhenTheHashCollides() {
    // every key of the same length collides under this "hash"
    SurrogateKeys keys =
        SurrogateKeys.assign(keys(sampleKeys(), 3), "k", key -> length(key).cast("long"));

    assertThat(keys.strategy()).isEqualTo(SurrogateKeys.Strategy.DENSE);
    Map<String, Long> ids = mapping(keys);
    assertThat(ids).hasSize(4_000);
    assertThat(new HashSet<>(ids.values())).hasSize(4_000);
    assertThat(ids.values()).allMatch(id -> id >= 0 && id < 4_000);
  }

  @Test
  void numbersDenselyAndTheSameWhateverTheInputPartitioning() {
    Map<String, Long> first = mapping(SurrogateKeys.assignDense(keys(sampleKeys(), 4), "k"));
    Map<String, Long> second =
        mapping(SurrogateKeys.assignDense(keys(reversed(sampleKeys()), 1), "k"));

    assertThat(new HashSet<>(first.values()))
        .isEqualTo(new HashSet<>(java.util.stream.LongStream.range(0, 4_000).boxed().toList()));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void roundTripsKeyedEdgesThroughIdsAndBack() {
    for (boolean dense : new boolean[] {false, true}) {
      Dataset<Row> keyEdges =
          SharedSpark.session()
              .createDataFrame(
                  List.of(
                      RowFactory.create("email:a@example.com", "phone:+441"),
                      RowFactory.create("phone:+441", "loyalty:77"),
                      RowFactory.create("email:b@example.com", null)),
                  KEY_EDGES);
      Dataset<Row> allKeys = keyEdges.select(col("a").as("k")).union(keyEdges.select("b"));
      SurrogateKeys keys =
          dense ? SurrogateKeys.assignDense(allKeys, "k") : SurrogateKeys.assign(allKeys, "k");

      Dataset<Row> ids = keys.withId(keys.withId(keyEdges, "a", "src"), "b", "dst");
      Dataset<Row> back =
          keys.withKey(keys.withKey(ids.select("src", "dst"), "src", "a2"), "dst", "b2");

      Set<List<String>> roundTripped = new HashSet<>();
      for (Row row : back.select("a2", "b2").collectAsList()) {
        roundTripped.add(java.util.Arrays.asList(row.getString(0), row.getString(1)));
      }
      assertThat(roundTripped)
          .as(dense ? "dense" : "hash")
          .containsExactlyInAnyOrder(
              java.util.Arrays.asList("email:a@example.com", "phone:+441"),
              java.util.Arrays.asList("phone:+441", "loyalty:77"),
              java.util.Arrays.asList("email:b@example.com", null));
      assertThat(ids.where(col("dst").isNull()).count()).isEqualTo(1);
    }
  }
}
