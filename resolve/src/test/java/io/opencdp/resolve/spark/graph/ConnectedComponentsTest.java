package io.opencdp.resolve.spark.graph;

import static io.opencdp.resolve.spark.graph.Graphs.collect;
import static io.opencdp.resolve.spark.graph.Graphs.dataset;
import static io.opencdp.resolve.spark.graph.Graphs.expectedComponents;
import static io.opencdp.resolve.spark.graph.Graphs.pairs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.error.CdpException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  private static Path checkpoints;

  @BeforeAll
  static void startSpark() {
    checkpoints = SharedSpark.newTableDir("cc-checkpoints");
  }

  private static ConnectedComponentsOptions options() {
    return ConnectedComponentsOptions.defaults(checkpoints.toString());
  }

  private static Map<Long, Long> components(List<long[]> edges) {
    try (ConnectedComponentsResult result = ConnectedComponents.run(dataset(edges), options())) {
      return collect(result.components());
    }
  }

  @Test
  void labelsAChainWithItsSmallestVertex() {
    List<long[]> chain = pairs(5, 4, 4, 3, 3, 2, 2, 1, 1, 6, 6, 7);

    assertThat(components(chain))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 1L, 5L, 1L, 6L, 1L, 7L, 1L));
  }

  @Test
  void labelsAStarWhoseCentreIsNotTheMinimum() {
    List<long[]> star = pairs(10, 3, 10, 20, 10, 30, 10, 40);

    assertThat(components(star))
        .containsExactlyInAnyOrderEntriesOf(Map.of(3L, 3L, 10L, 3L, 20L, 3L, 30L, 3L, 40L, 3L));
  }

  @Test
  void keepsSeparateComponentsApart() {
    List<long[]> two = pairs(1, 2, 2, 3, 100, 101, 102, 101);

    assertThat(components(two))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(1L, 1L, 2L, 1L, 3L, 1L, 100L, 100L, 101L, 100L, 102L, 100L));
  }

  @Test
  void ignoresSelfLoopsAndDuplicatesButKeepsTheirVertices() {
    List<long[]> edges = pairs(7, 7, 1, 2, 2, 1, 1, 2, 2, 2, 3, 2, -4, -4);

    assertThat(components(edges))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 7L, 7L, -4L, -4L));
  }

  @Test
  void reportsRoundsAndEdgesPerRound() {
    List<long[]> chain = new ArrayList<>();
    for (long i = 0; i < 64; i++) {
      chain.add(new long[] {i, i + 1});
    }

    try (ConnectedComponentsResult result = ConnectedComponents.run(dataset(chain), options())) {
      assertThat(result.rounds()).isBetween(2, 20);
      assertThat(result.edgesPerRound()).hasSize(result.rounds() + 1);
      assertThat(result.edgesPerRound().get(0)).isEqualTo(64L);
      // converged: a star over the 65 vertices
      assertThat(result.edgesPerRound().get(result.rounds())).isEqualTo(64L);
      assertThat(collect(result.components()))
          .hasSize(65)
          .containsValue(0L)
          .doesNotContainValue(1L);
    }
  }

  @Test
  void needsNoRoundForAGraphThatIsAlreadyMinRootedStars() {
    try (ConnectedComponentsResult result =
        ConnectedComponents.run(dataset(pairs(1, 2, 1, 3, 5, 6)), options())) {
      assertThat(result.rounds()).isZero();
      assertThat(result.edgesPerRound()).containsExactly(3L);
    }
  }

  @Test
  void handlesAnEmptyGraph() {
    try (ConnectedComponentsResult result =
        ConnectedComponents.run(dataset(List.of()), options())) {
      assertThat(result.components().collectAsList()).isEmpty();
      assertThat(result.rounds()).isZero();
    }
  }

  @Test
  void agreesWithGraphxOnSeededRandomGraphs() {
    for (long seed : new long[] {1, 2, 3}) {
      List<long[]> edges = Graphs.random(seed, 5_000, 7_000);
      Dataset<Row> input = dataset(edges);

      Map<Long, Long> ours;
      try (ConnectedComponentsResult result = ConnectedComponents.run(input, options())) {
        ours = collect(result.components());
      }
      Map<Long, Long> graphx = collect(GraphxBaseline.run(input));

      assertThat(ours).as("seed %d vs GraphX", seed).isEqualTo(graphx);
      assertThat(ours).as("seed %d vs union-find", seed).isEqualTo(expectedComponents(edges));
    }
  }

  @Test
  void convergesOnHubsOfBothSidesAmongManySmallComponents() {
    List<long[]> edges = new ArrayList<>();
    // a hub below its 20k leaves: large-star joins its 20k edges
    for (long leaf = 1; leaf <= 20_000; leaf++) {
      edges.add(new long[] {0, leaf});
    }
    // a hub above its 20k leaves: after large-star, small-star joins 20k edges of it
    long highHub = 1_000_000_000L;
    for (long leaf = 100_000; leaf < 120_000; leaf++) {
      edges.add(new long[] {leaf, highHub});
    }
    // the two hubs meet through a short chain
    edges.addAll(pairs(20_000, 500_000, 500_000, 119_999));
    // and 3,000 small components of three
    for (long c = 0; c < 3_000; c++) {
      long base = 10_000_000L + 10 * c;
      edges.addAll(pairs(base + 2, base + 1, base + 1, base));
    }

    try (ConnectedComponentsResult result =
        ConnectedComponents.run(dataset(edges), options().withHubDegreeThreshold(5_000))) {
      Map<Long, Long> components = collect(result.components());

      assertThat(components).isEqualTo(expectedComponents(edges));
      assertThat(components.get(highHub)).isZero();
      assertThat(result.rounds()).isLessThan(20);
    }
  }

  @Test
  void givesTheSameAnswerWithAndWithoutCheckpoints() {
    List<long[]> edges = Graphs.random(4, 2_000, 2_500);
    Map<Long, Long> expected = expectedComponents(edges);

    for (int interval : new int[] {0, 1}) {
      try (ConnectedComponentsResult result =
          ConnectedComponents.run(dataset(edges), options().withCheckpointInterval(interval))) {
        assertThat(collect(result.components())).as("interval %d", interval).isEqualTo(expected);
      }
    }
  }

  @Test
  void deletesItsCheckpointsWhenClosed() throws Exception {
    Path base = SharedSpark.newTableDir("cc-own-checkpoints");
    List<long[]> chain = new ArrayList<>();
    for (long i = 0; i < 16; i++) {
      chain.add(new long[] {i, i + 1});
    }

    ConnectedComponentsResult result =
        ConnectedComponents.run(
            dataset(chain),
            ConnectedComponentsOptions.defaults(base.toString()).withCheckpointInterval(1));
    try (Stream<Path> runs = Files.list(base)) {
      assertThat(runs.toList()).hasSize(1);
    }
    assertThat(collect(result.components())).hasSize(17);
    result.close();

    try (Stream<Path> runs = Files.list(base)) {
      assertThat(runs.toList()).isEmpty();
    }
  }

  @Test
  void acceptsIntegerIdsAndIgnoresNullEndpoints() {
    StructType schema =
        new StructType().add("src", DataTypes.IntegerType).add("dst", DataTypes.IntegerType);
    Dataset<Row> edges =
        SharedSpark.session()
            .createDataFrame(List.of(RowFactory.create(2, 1), RowFactory.create(3, null)), schema);

    try (ConnectedComponentsResult result = ConnectedComponents.run(edges, options())) {
      assertThat(collect(result.components()))
          .containsExactlyInAnyOrderEntriesOf(Map.of(1L, 1L, 2L, 1L));
    }
  }

  @Test
  void rejectsEdgesWithoutIntegralIds() {
    Dataset<Row> edges =
        SharedSpark.session().sql("SELECT 'email:a@example.com' AS src, 'phone:1' AS dst");

    assertThatThrownBy(() -> ConnectedComponents.run(edges, options()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("'src' is string")
        .hasMessageContaining("SurrogateKeys");
  }
}
