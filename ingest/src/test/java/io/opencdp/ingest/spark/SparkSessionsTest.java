package io.opencdp.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.ingest.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void sessionWritesAndReadsDeltaTablesInUtc() {
    SparkSession spark = SharedSpark.session();
    Path table = SharedSpark.newTableDir("delta-smoke").resolve("t");

    spark
        .sql("select id, cast(id * 2 as int) as twice from range(5)")
        .write()
        .format("delta")
        .save(table.toString());
    Dataset<Row> back = spark.read().format("delta").load(table.toString());

    assertThat(back.count()).isEqualTo(5);
    assertThat(Files.isDirectory(table.resolve("_delta_log"))).isTrue();
    assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
    List<Row> rows = back.orderBy("id").collectAsList();
    assertThat(rows.get(4).getInt(1)).isEqualTo(8);
  }
}
