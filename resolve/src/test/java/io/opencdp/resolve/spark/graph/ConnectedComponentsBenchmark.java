package io.opencdp.resolve.spark.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.schemas.config.SparkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A by-hand timing, not a test: {@code ConnectedComponents} against GraphX on a seeded random
 * graph. Arguments: edges, vertices, shuffle partitions (defaults 1,000,000 / 700,000 / 8). Run
 * from the test class path with the add-opens flags of the parent POM.
 */
public final class ConnectedComponentsBenchmark {
  private ConnectedComponentsBenchmark() {}

  public static void main(String[] args) throws Exception {
    long edgeCount = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    long vertexCount = args.length > 1 ? Long.parseLong(args[1]) : 700_000;
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path work = Files.createTempDirectory("cc-bench");
    SparkSession spark =
        SparkSessions.create("cc-bench", new SparkConfig("local[2]", partitions), work);
    spark.sparkContext().setLogLevel("WARN");

    Dataset<Row> edges =
        spark
            .range(0, edgeCount, 1, partitions)
            .select(
                pmod(xxhash64(col("id"), lit(1)), lit(vertexCount)).as("src"),
                pmod(xxhash64(col("id"), lit(2)), lit(vertexCount)).as("dst"))
            .cache();
    System.out.printf("input: %d edges%n", edges.count());

    long started = System.nanoTime();
    Dataset<Row> ours;
    int rounds;
    try (ConnectedComponentsResult result =
        ConnectedComponents.run(
            edges, ConnectedComponentsOptions.defaults(work.resolve("cp").toString()))) {
      ours = result.components().cache();
      long vertices = ours.count();
      rounds = result.rounds();
      System.out.printf(
          "large/small-star: %d vertices, %d components, %d rounds, edges per round %s, %d ms%n",
          vertices,
          ours.select("component").distinct().count(),
          rounds,
          result.edgesPerRound(),
          (System.nanoTime() - started) / 1_000_000);
    }

    started = System.nanoTime();
    Dataset<Row> graphx = GraphxBaseline.run(edges).cache();
    long graphxVertices = graphx.count();
    System.out.printf(
        "GraphX: %d vertices, %d ms%n", graphxVertices, (System.nanoTime() - started) / 1_000_000);

    long disagreements =
        ours.join(graphx.withColumnRenamed("component", "graphx"), "id")
            .where(col("component").notEqual(col("graphx")))
            .count();
    System.out.printf("vertices labelled differently: %d%n", disagreements);
    spark.stop();
  }
}
