package io.opencdp.resolve.spark;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventRows;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EventIds;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A workspace of hand-built events in a temp directory, resolved by the real job: events are
 * appended to a real Delta {@code events} table, and the resolve tables are read back as maps.
 */
final class ResolveFixture {
  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  static final String SOURCE = "test";

  final SparkSession spark = SharedSpark.session();
  final Path dir;
  CdpConfig config;
  final TableLocations tables;

  ResolveFixture(String prefix) {
    dir = SharedSpark.newTableDir(prefix);
    config = CdpConfig.defaults().withWorkDir(dir);
    tables = TableLocations.of(config);
  }

  /** Uses the config of a cdp.yaml holding {@code yaml} (work_dir is set to this fixture's). */
  void configure(String yaml) {
    try {
      Path file = Files.writeString(dir.resolve("cdp.yaml"), yaml);
      config = ConfigLoader.load(file).withWorkDir(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void append(TouchpointEvent... events) {
    List<Row> rows = Arrays.stream(events).map(e -> EventRows.toRow(e, "test-run", T0)).toList();
    DeltaTables.createIfNotExists(
        spark, tables.events(), EventsTable.SCHEMA, EventsTable.PARTITION_COLUMNS);
    spark
        .createDataFrame(rows, EventsTable.SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .save(tables.events());
  }

  /** Replaces a stored event by a newer version of it (a MERGE update, as ingest does). */
  void replace(TouchpointEvent event) {
    Row row = EventRows.toRow(event, "test-run", T0);
    DeltaTable.forPath(spark, tables.events())
        .as("t")
        .merge(
            spark.createDataFrame(List.of(row), EventsTable.SCHEMA).as("s"),
            "t.event_id = s.event_id")
        .whenMatched()
        .updateAll()
        .execute();
  }

  /** Deletes a stored event (as erasure does). */
  void delete(String key) {
    DeltaTable.forPath(spark, tables.events()).delete(col("event_id").equalTo(eventId(key)));
  }

  ResolveReport run(ResolveMode mode) {
    return new ResolveJob(spark, config).run(mode);
  }

  Dataset<Row> table(String name) {
    return spark.read().format("delta").load(tables.table(name));
  }

  /** event id -> profile id. */
  Map<String, String> eventProfiles() {
    Map<String, String> result = new TreeMap<>();
    for (Row r : table(ResolveTables.EVENT_PROFILES).collectAsList()) {
      result.put(r.getAs("event_id"), r.getAs("profile_id"));
    }
    return result;
  }

  /** The profile of the event with source key {@code key}. */
  static String profile(Map<String, String> eventProfiles, String key) {
    return eventProfiles.get(eventId(key));
  }

  /** identity_map rows as sortable text, without updated_at. */
  List<String> identityMap() {
    return table(ResolveTables.IDENTITY_MAP).drop("updated_at").collectAsList().stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /** identity_link_audit rows as sortable text. */
  List<String> audit() {
    return table(ResolveTables.IDENTITY_LINK_AUDIT).collectAsList().stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  /** alias -> surviving id. */
  Map<String, String> aliases() {
    Map<String, String> result = new HashMap<>();
    if (DeltaTables.exists(spark, tables.table(ResolveTables.PROFILE_MERGES))) {
      for (Row r : table(ResolveTables.PROFILE_MERGES).collectAsList()) {
        result.put(r.getAs("alias_profile_id"), r.getAs("surviving_profile_id"));
      }
    }
    return result;
  }

  Row merge(String alias) {
    return table(ResolveTables.PROFILE_MERGES)
        .where(col("alias_profile_id").equalTo(alias))
        .collectAsList()
        .get(0);
  }

  static String eventId(String key) {
    return EventIds.derive("default", SOURCE, key);
  }

  static Identifier id(IdentifierType type, String value) {
    return new Identifier(type, value, value, true);
  }

  static Identifier customer(String v) {
    return id(IdentifierType.CUSTOMER_ID, v);
  }

  static Identifier email(String v) {
    return id(IdentifierType.EMAIL, v);
  }

  static Identifier phone(String v) {
    return id(IdentifierType.PHONE, v);
  }

  static Identifier device(String v) {
    return id(IdentifierType.DEVICE_ID, v);
  }

  static Identifier anonymous(String v) {
    return id(IdentifierType.ANONYMOUS_ID, v);
  }

  /** An identify event {@code minutes} after {@link #T0} (occurred and received). */
  static TouchpointEvent event(String key, int minutes, Identifier... ids) {
    return event(key, minutes, null, null, ids);
  }

  static TouchpointEvent event(
      String key, int minutes, String first, String last, Identifier... ids) {
    var builder =
        TouchpointEvent.builder()
            .channel(Channel.WEB)
            .sourceSystem(SOURCE)
            .sourceKey(key)
            .eventType("identify")
            .occurredAt(T0.plusSeconds(60L * minutes))
            .receivedAt(T0.plusSeconds(60L * minutes))
            .person(new PersonAttributes(first, last, null, null, null, null, null));
    for (Identifier id : ids) {
      builder.identifier(id);
    }
    return builder.build();
  }
}
