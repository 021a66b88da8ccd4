package io.opencdp.resolve.spark.profile;

import io.opencdp.ingest.spark.EventRows;
import io.opencdp.resolve.profile.ProfileAccumulator;
import io.opencdp.resolve.profile.ProfileRules;
import io.opencdp.schemas.event.IdentifierType;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Row;

/**
 * Builds one profile's row from its events and its shared identifiers ({@code identity_map} rows
 * with {@code shared}), with the plain-Java {@link ProfileAccumulator}. A profile id with no events
 * gives no row.
 */
final class BuildProfiles implements CoGroupFunction<String, Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ProfileRules rules;
  private final String workspace;
  private final Instant updatedAt;

  BuildProfiles(ProfileRules rules, String workspace, Instant updatedAt) {
    this.rules = rules;
    this.workspace = workspace;
    this.updatedAt = updatedAt;
  }

  @Override
  public Iterator<Row> call(String profileId, Iterator<Row> events, Iterator<Row> shared) {
    if (!events.hasNext()) {
      return Collections.emptyIterator();
    }
    ProfileAccumulator profile = new ProfileAccumulator(rules, workspace, profileId);
    while (events.hasNext()) {
      profile.add(EventRows.fromRow(events.next()));
    }
    while (shared.hasNext()) {
      Row r = shared.next();
      profile.identifier(
          IdentifierType.fromWireName(r.getAs("identifier_type")),
          r.getAs("identifier_value"),
          true);
    }
    return List.of(ProfileRows.toRow(profile.build(updatedAt))).iterator();
  }
}
