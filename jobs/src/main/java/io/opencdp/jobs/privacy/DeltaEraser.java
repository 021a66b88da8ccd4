package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.File;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes an {@link ErasedPerson}'s rows from every Delta table of {@link ErasureTables#PERSONAL}
 * (logically: the files stay readable by time travel until {@link PhysicalPurge}).
 */
final class DeltaEraser {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaEraser.class);

  private final SparkSession spark;
  private final TableLocations tables;
  private final String workspace;

  DeltaEraser(SparkSession spark, TableLocations tables, String workspace) {
    this.spark = spark;
    this.tables = tables;
    this.workspace = workspace;
  }

  /** The Delta tables under the workspace's directory (names). */
  List<String> existingTables() {
    File dir = new File(URI.create(tables.root()));
    String[] names = dir.list();
    if (names == null) {
      return List.of();
    }
    return Arrays.stream(names)
        .filter(name -> DeltaTables.exists(spark, tables.table(name)))
        .sorted()
        .toList();
  }

  /** Fails, before anything is deleted, when a table exists that erasure does not know. */
  void checkEveryTableIsKnown() {
    List<String> unknown = ErasureTables.unknown(existingTables().toArray(String[]::new));
    if (!unknown.isEmpty()) {
      throw new CdpException(
          ErrorCode.INTERNAL,
          "erasure does not know the Delta table(s) "
              + unknown
              + " under "
              + tables.root()
              + ": add them to io.opencdp.jobs.privacy.ErasureTables (how to find a person's rows,"
              + " or that they hold no personal data) before erasing");
    }
  }

  private static long latestVersion(DeltaTable table) {
    return table.history(1).first().getLong(0);
  }

  /** Deletes the person's rows; what was removed, per table with rows. */
  List<Removed> delete(ErasedPerson person) {
    PersonColumns columns = new PersonColumns(person);
    List<Removed> removed = new ArrayList<>();
    for (Map.Entry<String, BiFunction<PersonColumns, Set<String>, Column>> e :
        ErasureTables.PERSONAL.entrySet()) {
      String location = tables.table(e.getKey());
      if (!DeltaTables.exists(spark, location)) {
        continue;
      }
      DeltaTable table = DeltaTable.forPath(spark, location);
      Set<String> fields = Set.of(table.toDF().columns());
      Column mine = col("workspace_id").equalTo(workspace).and(e.getValue().apply(columns, fields));
      spark.sparkContext().setJobDescription("erasure: " + e.getKey());
      long before = latestVersion(table);
      table.delete(mine);
      // a DELETE that matched no row commits nothing
      Row commit = table.history(1).first();
      long version = commit.getLong(commit.fieldIndex("version"));
      if (version == before) {
        continue;
      }
      Map<String, String> metrics = commit.getJavaMap(commit.fieldIndex("operationMetrics"));
      long rows = Long.parseLong(metrics.getOrDefault("numDeletedRows", "0"));
      if (rows == 0) {
        continue;
      }
      LOG.info("erasure: deleted {} row(s) of {} (version {})", rows, e.getKey(), version);
      removed.add(new Removed("delta:" + e.getKey(), rows, version, Instant.now()));
    }
    spark.sparkContext().setJobDescription(null);
    return removed;
  }
}
