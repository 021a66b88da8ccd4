package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.schemas.json.Json;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The profile ids the stream gave out, as the batch reads them (docs/streaming.md,
 * "Reconciliation"): one JSON line per identifier the stream placed in a profile, written by the
 * stream under {@link #directory} in files committed with its checkpoints, and read by {@code cdp
 * resolve} into the Delta table {@code stream_profile_ids}. The field names are the table's
 * columns.
 */
public final class StreamIdLog {
  public static final String WORKSPACE_ID = "workspace_id";
  public static final String PROFILE_ID = "profile_id";
  public static final String IDENTIFIER_TYPE = "identifier_type";
  public static final String IDENTIFIER_VALUE = "identifier_value";
  public static final String FIRST_SEEN_AT = "first_seen_at";

  private StreamIdLog() {}

  /** Where the stream writes the lines: {@code <work_dir>/stream/profile-ids}. */
  public static Path directory(Path workDir) {
    return workDir.resolve("stream").resolve("profile-ids").toAbsolutePath().normalize();
  }

  /** The line saying that {@code placement}'s identifier is in its profile, first seen then. */
  public static String line(
      String workspace, StitchOutcome.Placement placement, Instant profileFirstSeen) {
    requireNonNull(workspace, "workspace is null");
    requireNonNull(placement, "placement is null");
    IdentifierKey key = StreamingResolver.key(placement.identifier());
    ObjectNode line = Json.mapper().createObjectNode();
    line.put(WORKSPACE_ID, workspace);
    line.put(PROFILE_ID, placement.profileId());
    line.put(IDENTIFIER_TYPE, key.type().wireName());
    line.put(IDENTIFIER_VALUE, key.value());
    line.put(FIRST_SEEN_AT, profileFirstSeen == null ? null : profileFirstSeen.toString());
    return line.toString();
  }
}
