package io.opencdp.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.error.CdpException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableReplicasTest {
  private static final StructType EVENT_PROFILES =
      new StructType()
          .add("workspace_id", DataTypes.StringType)
          .add("event_id", DataTypes.StringType)
          .add("profile_id", DataTypes.StringType);

  @Test
  void copiesProfileTablesWithSuffixedIdsAndEventsOnce() {
    SparkSession spark = SharedSpark.session();
    TableLocations from =
        new TableLocations(SharedSpark.newTableDir("replicas-from").toUri().toString());
    TableLocations to =
        new TableLocations(SharedSpark.newTableDir("replicas-to").toUri().toString());
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(RowFactory.create("ws", "e1", "p1"), RowFactory.create("ws", "e2", "p1")),
            EVENT_PROFILES);
    rows.write().format("delta").save(from.table("event_profiles"));
    rows.write().format("delta").partitionBy("workspace_id").save(from.table("events"));

    TableReplicas.write(spark, from, to, 3);

    List<String> replicated =
        spark.read().format("delta").load(to.table("event_profiles")).collectAsList().stream()
            .map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2))
            .toList();
    assertThat(replicated)
        .containsExactlyInAnyOrder(
            "ws/e1/p1",
            "ws/e2/p1",
            "ws/e1-r1/p1-r1",
            "ws/e2-r1/p1-r1",
            "ws/e1-r2/p1-r2",
            "ws/e2-r2/p1-r2");
    assertThat(spark.read().format("delta").load(to.table("events")).count()).isEqualTo(2);
  }

  @Test
  void scalesAbove100kAreWholeCopiesOfThe100kRun() {
    assertThat(IndexBenchmark.replicas(10_000)).isEqualTo(1);
    assertThat(IndexBenchmark.replicas(100_000)).isEqualTo(1);
    assertThat(IndexBenchmark.replicas(1_000_000)).isEqualTo(10);
    assertThatThrownBy(() -> IndexBenchmark.replicas(150_000))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("multiple of 100k");
  }
}
