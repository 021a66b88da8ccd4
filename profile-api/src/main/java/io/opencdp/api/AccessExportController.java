package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.api.export.Exports;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.privacy.ConsentPurposes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/profiles/{id}/export} (admins): a data-subject access request answered as one JSON
 * document, read from Elasticsearch only (docs/privacy.md, "Access export"): the profile unmasked,
 * its identifiers, merges and identity evidence, segment memberships, the rows audience exports
 * last sent of it, every event, and consent (current per named purpose, the latest rows, and the
 * history of changes the events carried). Events are read {@value #EVENT_PAGE} at a time and
 * written as they come, so the answer is never truncated and never held whole in memory.
 */
final class AccessExportController {
  static final int EVENT_PAGE = 1_000;
  private static final List<String> IDENTITY_EVIDENCE =
      List.of(
          "links",
          "links_truncated",
          "dropped_links",
          "overrides",
          "probabilistic_links",
          "probabilistic_links_truncated");

  private final String workspace;
  private final ProfileStore profiles;
  private final EventStore events;
  private final SegmentStore segments;
  private final Exports exports;
  private final ConsentPurposes purposes;
  private final Clock clock;

  AccessExportController(
      String workspace,
      ProfileStore profiles,
      EventStore events,
      SegmentStore segments,
      Exports exports,
      ConsentPurposes purposes,
      Clock clock) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.events = requireNonNull(events, "events is null");
    this.segments = requireNonNull(segments, "segments is null");
    this.exports = requireNonNull(exports, "exports is null");
    this.purposes = requireNonNull(purposes, "purposes is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** {@code GET /v1/profiles/{id}/export}. */
  void export(Context ctx) throws IOException {
    String id = ProfilesController.id(ctx);
    // everything that can refuse (404, 503) is read before the first byte is written
    ObjectNode profile = ProfilesController.existing(profiles, id);
    String survivor = profile.path("profile_id").asText();
    AuditLog.read(ctx, survivor);
    ObjectNode identity =
        profiles.identity(survivor).orElseGet(() -> Json.mapper().createObjectNode());
    Set<String> ids = new LinkedHashSet<>();
    ids.add(survivor);
    profile.path(ProfileStore.MERGED_FROM).forEach(alias -> ids.add(alias.asText()));
    ArrayNode memberships = memberships(profile);
    List<ObjectNode> sent = exports.sentTo(ids);

    ctx.contentType("application/json");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"profile-" + survivor + "-export.json\"");
    JsonGenerator out = Json.mapper().getFactory().createGenerator(ctx.outputStream());
    out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    out.writeStartObject();
    out.writeStringField("workspace_id", workspace);
    out.writeStringField("profile_id", survivor);
    out.writeStringField("requested_id", id);
    out.writeStringField("generated_at", clock.instant().toString());
    out.writeObjectField("profile", ProfileRedactor.forRole(ApiConfig.Role.ADMIN).profile(profile));
    out.writeObjectField("identifiers", array(identity.get("identifiers")));
    ObjectNode merges = Json.mapper().createObjectNode();
    merges.set("merged_from", array(profile.get(ProfileStore.MERGED_FROM)));
    merges.set("records", array(identity.get("merges")));
    out.writeObjectField("merges", merges);
    ObjectNode evidence = Json.mapper().createObjectNode();
    IDENTITY_EVIDENCE.forEach(
        field -> {
          if (identity.has(field)) {
            evidence.set(field, identity.get(field));
          }
        });
    out.writeObjectField("identity", evidence);
    out.writeObjectField("segments", memberships);
    out.writeObjectField("audience_exports", sent);
    List<ObjectNode> history = new ArrayList<>();
    long[] count = {0};
    out.writeArrayFieldStart("events");
    events.forEachEvent(
        ids,
        EVENT_PAGE,
        event -> {
          write(out, event);
          count[0]++;
          history.addAll(consentChanges(event));
        });
    out.writeEndArray();
    out.writeNumberField("event_count", count[0]);
    history.sort(
        Comparator.comparing((ObjectNode c) -> c.path("changed_at").asText())
            .thenComparing(c -> c.path("event_id").asText()));
    ObjectNode consent = Json.mapper().createObjectNode();
    consent.set("purposes", ConsentController.current(profile, purposes, null));
    consent.set("records", ConsentController.records(profile));
    consent.set("history", Json.mapper().valueToTree(history));
    out.writeObjectField("consent", consent);
    out.writeEndObject();
    out.flush();
  }

  /** The profile's segments ({@code segments}), each with its name (null: no longer saved). */
  private ArrayNode memberships(ObjectNode profile) {
    ArrayNode list = Json.mapper().createArrayNode();
    for (JsonNode segmentId : profile.path("segments")) {
      ObjectNode entry = list.addObject();
      entry.put("segment_id", segmentId.asText());
      entry.put(
          "name",
          segments
              .get(segmentId.asText())
              .map(s -> s.doc().path("name").asText(null))
              .orElse(null));
    }
    return list;
  }

  /** The consent changes an event document's {@code event} carried, with its {@code event_id}. */
  static List<ObjectNode> consentChanges(ObjectNode event) {
    List<ObjectNode> changes = new ArrayList<>();
    for (JsonNode change : event.path("event").path("consent")) {
      ObjectNode entry = Json.mapper().createObjectNode();
      entry.put("purpose", change.path("purpose").asText(null));
      entry.put("channel", change.path("channel").asText(null));
      entry.put("granted", change.path("granted").asBoolean(false));
      entry.put("source", change.path("source").asText(null));
      entry.put("changed_at", change.path("changed_at").asText(null));
      entry.put("event_id", event.path("event_id").asText(null));
      changes.add(entry);
    }
    return changes;
  }

  private static ArrayNode array(JsonNode node) {
    return node instanceof ArrayNode a ? a : Json.mapper().createArrayNode();
  }

  private static void write(JsonGenerator out, ObjectNode event) {
    try {
      out.writeObject(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
