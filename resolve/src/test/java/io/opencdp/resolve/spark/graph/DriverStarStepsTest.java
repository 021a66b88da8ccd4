package io.opencdp.resolve.spark.graph;

import static io.opencdp.resolve.spark.graph.Graphs.collect;
import static io.opencdp.resolve.spark.graph.Graphs.dataset;
import static io.opencdp.resolve.spark.graph.Graphs.expectedComponents;
import static io.opencdp.resolve.spark.graph.Graphs.pairs;
import static io.opencdp.resolve.spark.graph.Graphs.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DriverStarStepsTest {

  @Test
  void labelsEveryVertexWithTheSmallestOfItsComponent() {
    for (long seed = 1; seed <= 20; seed++) {
      List<long[]> edges = random(seed, 60, 50);
      assertThat(DriverStarSteps.run(edges, 100).components()).isEqualTo(expectedComponents(edges));
    }
  }

  @Test
  void takesTheSameRoundsAndLabelsAsTheDistributedRun() {
    ConnectedComponentsOptions options =
        ConnectedComponentsOptions.defaults(SharedSpark.newTableDir("cc-driver").toString());
    for (List<long[]> edges :
        List.of(random(7, 40, 36), pairs(9, 8, 8, 7, 7, 6, 6, 5, 3, 3, 1, 2, 2, 1))) {
      Dataset<Row> input = dataset(edges);
      try (ConnectedComponentsResult distributed = ConnectedComponents.run(input, options);
          ConnectedComponentsResult onDriver = ConnectedComponents.run(input, options, 1_000)) {
        assertThat(onDriver.rounds()).isEqualTo(distributed.rounds());
        assertThat(onDriver.edgesPerRound()).isEqualTo(distributed.edgesPerRound());
        assertThat(collect(onDriver.components())).isEqualTo(collect(distributed.components()));
      }
    }
  }

  @Test
  void aGraphOverTheLimitTakesTheDistributedRun() {
    ConnectedComponentsOptions options =
        ConnectedComponentsOptions.defaults(SharedSpark.newTableDir("cc-driver").toString());
    List<long[]> edges = pairs(1, 2, 2, 3, 4, 5);
    try (ConnectedComponentsResult result = ConnectedComponents.run(dataset(edges), options, 2)) {
      assertThat(collect(result.components())).isEqualTo(expectedComponents(edges));
    }
  }
}
