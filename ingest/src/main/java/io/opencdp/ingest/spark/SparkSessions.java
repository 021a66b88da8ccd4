package io.opencdp.ingest.spark;

import io.opencdp.schemas.config.SparkConfig;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one way the platform builds a SparkSession: Delta Lake enabled, UTC session time zone, UI off
 * for local runs. Under {@code spark-submit} the master and resources come from the submit command,
 * not from config.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String appName, SparkConfig config, Path workDir) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true")
            // iterative jobs (connected components) build deep plans: cap their text, never the
            // driver's heap
            .config("spark.sql.maxPlanStringLength", "65536")
            .config("spark.sql.shuffle.partitions", config.shufflePartitions())
            .config(
                "spark.sql.warehouse.dir",
                workDir.resolve("spark-warehouse").toAbsolutePath().toString())
            .config(
                "spark.databricks.delta.snapshotPartitions",
                Math.max(1, config.shufflePartitions()));
    if (System.getProperty("spark.master") == null) {
      // launched locally, not by spark-submit
      builder
          .master(config.master())
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
