package io.opencdp.resolve.spark.graph;

import io.opencdp.ingest.testing.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Test graphs as edge lists, and their components computed on the driver by union-find. */
final class Graphs {
  static final StructType EDGES =
      new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);

  private Graphs() {}

  /** Edges from pairs: {@code edges(1, 2, 2, 3)} is 1–2 and 2–3. */
  static List<long[]> pairs(long... ends) {
    List<long[]> edges = new ArrayList<>();
    for (int i = 0; i < ends.length; i += 2) {
      edges.add(new long[] {ends[i], ends[i + 1]});
    }
    return edges;
  }

  /** {@code edges} random edges between {@code vertices} vertices, ids spread over ±10^12. */
  static List<long[]> random(long seed, int vertices, int edges) {
    Random random = new Random(seed);
    long[] ids = new long[vertices];
    for (int i = 0; i < vertices; i++) {
      ids[i] = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
    }
    List<long[]> result = new ArrayList<>(edges);
    for (int i = 0; i < edges; i++) {
      result.add(new long[] {ids[random.nextInt(vertices)], ids[random.nextInt(vertices)]});
    }
    return result;
  }

  static Dataset<Row> dataset(List<long[]> edges) {
    List<Row> rows = new ArrayList<>(edges.size());
    for (long[] edge : edges) {
      rows.add(RowFactory.create(edge[0], edge[1]));
    }
    // from an RDD, not a local list: a local relation's rows end up in every plan string
    SparkSession spark = SharedSpark.session();
    return spark.createDataFrame(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2), EDGES);
  }

  /** Vertex → smallest vertex of its component. */
  static Map<Long, Long> expectedComponents(List<long[]> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] edge : edges) {
      long a = find(parent, edge[0]);
      long b = find(parent, edge[1]);
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b)); // the root stays the minimum
      }
    }
    Map<Long, Long> components = new HashMap<>();
    for (Long vertex : parent.keySet()) {
      components.put(vertex, find(parent, vertex));
    }
    return components;
  }

  private static long find(Map<Long, Long> parent, long vertex) {
    long root = vertex;
    Long next;
    while ((next = parent.putIfAbsent(root, root)) != null && next != root) {
      root = next;
    }
    long walk = vertex;
    while (walk != root) {
      long up = parent.get(walk);
      parent.put(walk, root);
      walk = up;
    }
    return root;
  }

  /** An {@code (id, component)} result as a map. */
  static Map<Long, Long> collect(Dataset<Row> components) {
    Map<Long, Long> result = new HashMap<>();
    for (Row row : components.collectAsList()) {
      Long previous = result.put(row.getLong(0), row.getLong(1));
      if (previous != null) {
        throw new AssertionError("vertex " + row.getLong(0) + " appears twice");
      }
    }
    return result;
  }
}
