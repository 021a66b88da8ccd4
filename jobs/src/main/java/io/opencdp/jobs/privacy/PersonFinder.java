package io.opencdp.jobs.privacy;

import static org.apache.spark.sql.functions.col;

import io.opencdp.ingest.spark.DeadLettersTable;
import io.opencdp.ingest.spark.DeltaTables;
import io.opencdp.ingest.spark.EventsTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.spark.ResolveTables;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Finds an erasure request's person (docs/data-model.md, "Erasure: finding a person's rows"): the
 * identifier through {@code identity_map} to profile ids, {@code profile_merges} followed both
 * ways, every own (not shared) identifier of those profiles, their events (by identifier and by
 * {@code event_profiles}), the raw spellings the events carried, and the landing lines of their
 * events and dead letters.
 */
final class PersonFinder {
  /** The person and the landing lines (relative file to 1-based lines) that hold their records. */
  record Found(ErasedPerson person, Map<String, Set<Long>> landingLines, String refusal) {}

  private final SparkSession spark;
  private final TableLocations tables;
  private final String workspace;

  PersonFinder(SparkSession spark, TableLocations tables, String workspace) {
    this.spark = spark;
    this.tables = tables;
    this.workspace = workspace;
  }

  Found find(ErasureRequest request) {
    Set<String> profiles = new TreeSet<>();
    Set<String> identifiers = new TreeSet<>();
    if (request.identifierValue() != null) {
      identifiers.add(ErasedPerson.key(request.identifierType(), request.identifierValue()));
      Dataset<Row> map = table(ResolveTables.IDENTITY_MAP);
      if (map != null) {
        List<Row> rows =
            map.where(
                    col("identifier_type")
                        .equalTo(request.identifierType())
                        .and(col("identifier_value").equalTo(request.identifierValue())))
                .select("profile_id", "shared")
                .collectAsList();
        if (rows.stream().anyMatch(r -> r.getBoolean(1))) {
          return new Found(
              null,
              Map.of(),
              "the identifier is shared by "
                  + rows.size()
                  + " profiles (a household email, a shared device): name the person with"
                  + " --profile-id");
        }
        rows.forEach(r -> profiles.add(r.getString(0)));
      }
    } else {
      profiles.add(request.profileId());
    }
    followMerges(profiles);
    Dataset<Row> map = table(ResolveTables.IDENTITY_MAP);
    if (map != null && !profiles.isEmpty()) {
      map.where(col("profile_id").isin(profiles.toArray()).and(col("shared").equalTo(false)))
          .select("identifier_type", "identifier_value")
          .collectAsList()
          .forEach(r -> identifiers.add(ErasedPerson.key(r.getString(0), r.getString(1))));
    }
    Dataset<Row> stream = table(ResolveTables.STREAM_PROFILE_IDS);
    if (stream != null && !profiles.isEmpty()) {
      stream
          .where(col("profile_id").isin(profiles.toArray()))
          .select("identifier_type", "identifier_value")
          .collectAsList()
          .forEach(r -> identifiers.add(ErasedPerson.key(r.getString(0), r.getString(1))));
    }

    Set<String> events = new TreeSet<>();
    Dataset<Row> eventProfiles = table(ResolveTables.EVENT_PROFILES);
    if (eventProfiles != null && !profiles.isEmpty()) {
      eventProfiles
          .where(col("profile_id").isin(profiles.toArray()))
          .select("event_id")
          .collectAsList()
          .forEach(r -> events.add(r.getString(0)));
    }
    ErasedPerson byIds = new ErasedPerson(profiles, identifiers, events, Set.of(), Set.of());
    PersonColumns columns = new PersonColumns(byIds);
    Set<String> raw = new TreeSet<>();
    Set<String> records = new TreeSet<>();
    Map<String, Set<Long>> lines = new TreeMap<>();
    Dataset<Row> eventRows = table(EventsTable.NAME);
    if (eventRows != null) {
      Column mine =
          columns
              .anyIdentifier(col("identifiers"), "normalized")
              .or(col("event_id").isin(events.toArray()));
      for (Row r :
          eventRows
              .where(mine)
              .select(
                  col("event_id"),
                  col("source_file"),
                  col("source_line"),
                  col("identifiers"),
                  col("source_system"),
                  col("source_key"))
              .collectAsList()) {
        events.add(r.getString(0));
        records.add(SuppressedIdentifiers.recordKey(r.getString(4), r.getString(5)));
        addLine(lines, r.getString(1), r.isNullAt(2) ? null : r.getLong(2));
        for (Row id : r.<Row>getList(3)) {
          String type = id.getString(0);
          String normalized = id.getString(2);
          if (normalized != null && identifiers.contains(ErasedPerson.key(type, normalized))) {
            raw.add(id.getString(1));
          }
        }
      }
    }
    if (request.profileId() != null && identifiers.isEmpty() && events.isEmpty()) {
      return new Found(
          null, Map.of(), "no profile " + request.profileId() + " (no identifier, no event)");
    }
    ErasedPerson person = new ErasedPerson(profiles, identifiers, events, raw, records);
    Dataset<Row> dead = table(DeadLettersTable.NAME);
    if (dead != null) {
      PersonColumns all = new PersonColumns(person);
      for (Row r :
          dead.where(
                  all.anyIdentifier(col("identifiers"), "normalized").or(all.text(col("raw_text"))))
              .select("source_file", "source_line")
              .collectAsList()) {
        addLine(lines, r.getString(0), r.isNullAt(1) ? null : r.getLong(1));
      }
    }
    return new Found(person, lines, null);
  }

  /** Adds the aliases of the profiles and the survivors they were merged into, until stable. */
  private void followMerges(Set<String> profiles) {
    Dataset<Row> merges = table(ResolveTables.PROFILE_MERGES);
    if (merges == null || profiles.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    while (!seen.containsAll(profiles)) {
      Object[] ids = profiles.toArray();
      seen.addAll(profiles);
      for (Row r :
          merges
              .where(col("alias_profile_id").isin(ids).or(col("surviving_profile_id").isin(ids)))
              .select("alias_profile_id", "surviving_profile_id")
              .collectAsList()) {
        profiles.add(r.getString(0));
        profiles.add(r.getString(1));
      }
    }
  }

  private static void addLine(Map<String, Set<Long>> lines, String file, Long line) {
    if (file != null && line != null && line > 0) {
      lines.computeIfAbsent(file, f -> new TreeSet<>()).add(line);
    }
  }

  /** The workspace's rows of a table, or null when it does not exist. */
  private Dataset<Row> table(String name) {
    String location = tables.table(name);
    if (!DeltaTables.exists(spark, location)) {
      return null;
    }
    return spark
        .read()
        .format("delta")
        .load(location)
        .where(col("workspace_id").equalTo(workspace));
  }
}
