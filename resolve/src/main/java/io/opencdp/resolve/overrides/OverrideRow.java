package io.opencdp.resolve.overrides;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.schemas.event.IdentifierType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * One row of Delta {@code identity_overrides} (docs/data-model.md): the one shape of an operator's
 * identity decision, whether {@code cdp identity never-link|split} records it or {@code cdp
 * resolve} copies it from the API's queue ({@code cdp-<ws>-overrides}, whose documents carry these
 * fields under the same names, see {@link #fromDocument}).
 *
 * @param workspaceId the workspace
 * @param overrideId {@code ovr-<epoch ms>-<8 hex>}
 * @param kind {@link #NEVER_LINK} or {@link #FORCE_SPLIT}
 * @param left never_link: one identifier; null for force_split
 * @param right never_link: the other; null for force_split
 * @param profileId force_split: the profile split; null for never_link
 * @param moved force_split: the identifiers taken out; empty for never_link
 * @param kept force_split: the profile's other identifiers when the split was recorded; empty for
 *     never_link
 * @param reason why; may be null (the command line does not require one)
 * @param createdBy who: the OS user ({@code cdp identity}) or the API key id (the API)
 * @param createdAt when it was recorded
 * @param active false once withdrawn
 */
public record OverrideRow(
    String workspaceId,
    String overrideId,
    String kind,
    IdentifierKey left,
    IdentifierKey right,
    String profileId,
    List<IdentifierKey> moved,
    List<IdentifierKey> kept,
    String reason,
    String createdBy,
    Instant createdAt,
    boolean active) {
  public static final String NEVER_LINK = "never_link";
  public static final String FORCE_SPLIT = "force_split";

  public OverrideRow {
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(overrideId, "overrideId is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(createdAt, "createdAt is null");
    moved = List.copyOf(requireNonNull(moved, "moved is null"));
    kept = List.copyOf(requireNonNull(kept, "kept is null"));
    if (NEVER_LINK.equals(kind)) {
      if (left == null || right == null) {
        throw new IllegalArgumentException(
            "override " + overrideId + ": a never_link override names both identifiers");
      }
      if (left.equals(right)) {
        throw new IllegalArgumentException(
            "override " + overrideId + ": left and right are the same identifier (" + left + ")");
      }
      if (profileId != null || !moved.isEmpty() || !kept.isEmpty()) {
        throw new IllegalArgumentException(
            "override " + overrideId + ": a never_link override has no profile, moved or kept");
      }
    } else if (FORCE_SPLIT.equals(kind)) {
      if (profileId == null || moved.isEmpty() || kept.isEmpty()) {
        throw new IllegalArgumentException(
            "override "
                + overrideId
                + ": a force_split override names its profile, what moved and what stayed");
      }
      if (left != null || right != null) {
        throw new IllegalArgumentException(
            "override " + overrideId + ": a force_split override has no left or right");
      }
      if (!java.util.Collections.disjoint(new HashSet<>(moved), kept)) {
        throw new IllegalArgumentException(
            "override " + overrideId + ": an identifier cannot both move and stay");
      }
    } else {
      throw new IllegalArgumentException(
          "override "
              + overrideId
              + ": kind must be never_link or force_split, got '"
              + kind
              + "'");
    }
  }

  /** A new never_link decision recorded now. */
  public static OverrideRow neverLink(
      String workspaceId,
      IdentifierKey left,
      IdentifierKey right,
      String reason,
      String createdBy) {
    Instant now = Instant.now();
    return new OverrideRow(
        workspaceId,
        newId(now),
        NEVER_LINK,
        left,
        right,
        null,
        List.of(),
        List.of(),
        reason,
        createdBy,
        now,
        true);
  }

  /** A new force_split decision recorded now. */
  public static OverrideRow forceSplit(
      String workspaceId,
      String profileId,
      List<IdentifierKey> moved,
      List<IdentifierKey> kept,
      String reason,
      String createdBy) {
    Instant now = Instant.now();
    return new OverrideRow(
        workspaceId,
        newId(now),
        FORCE_SPLIT,
        null,
        null,
        profileId,
        moved,
        kept,
        reason,
        createdBy,
        now,
        true);
  }

  /**
   * The row a queue document holds: its fields are this row's columns, by the same names ({@code
   * left_type}, {@code moved: [{type, value}]}, {@code created_at} ISO-8601); the queue-only fields
   * ({@code status}, {@code applied_at}, {@code applied_run_id}) are not part of the row.
   *
   * @throws IllegalArgumentException naming the document and the field when it is not a valid row
   */
  public static OverrideRow fromDocument(JsonNode doc) {
    String id = text(doc, "override_id", "?");
    try {
      return new OverrideRow(
          text(doc, "workspace_id", id),
          text(doc, "override_id", id),
          text(doc, "kind", id),
          key(doc, "left", id),
          key(doc, "right", id),
          optional(doc, "profile_id"),
          keys(doc.path("moved"), "moved", id),
          keys(doc.path("kept"), "kept", id),
          optional(doc, "reason"),
          optional(doc, "created_by"),
          Instant.parse(text(doc, "created_at", id)),
          !doc.has("active") || doc.get("active").asBoolean(true));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "override " + id + ": created_at is not an ISO-8601 instant: " + e.getParsedString(), e);
    }
  }

  /** {@code ovr-<epoch ms>-<8 hex>}. */
  public static String newId(Instant at) {
    return "ovr-" + at.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String text(JsonNode doc, String field, String id) {
    String value = optional(doc, field);
    if (value == null) {
      throw new IllegalArgumentException("override " + id + ": field '" + field + "' is missing");
    }
    return value;
  }

  private static String optional(JsonNode doc, String field) {
    JsonNode node = doc.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static IdentifierKey key(JsonNode doc, String side, String id) {
    String type = optional(doc, side + "_type");
    String value = optional(doc, side + "_value");
    if (type == null && value == null) {
      return null;
    }
    return identifier(type, value, side, id);
  }

  private static List<IdentifierKey> keys(JsonNode array, String field, String id) {
    List<IdentifierKey> keys = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      keys.add(
          identifier(optional(item, "type"), optional(item, "value"), field + "[" + i + "]", id));
    }
    return keys;
  }

  private static IdentifierKey identifier(String type, String value, String field, String id) {
    if (type == null || value == null) {
      throw new IllegalArgumentException(
          "override " + id + ": field '" + field + "' needs both a type and a value");
    }
    try {
      return IdentifierKey.of(IdentifierType.fromWireName(type), value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "override " + id + ": field '" + field + "': " + e.getMessage(), e);
    }
  }
}
