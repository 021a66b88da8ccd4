package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.schemas.json.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code GET /v1/profiles/{id}/events}: a profile's timeline, newest first, paged. */
final class TimelineController {
  private final ProfileStore profiles;
  private final EventStore events;
  private final int maxPageSize;

  TimelineController(ProfileStore profiles, EventStore events, int maxPageSize) {
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.events = requireNonNull(events, "events is null");
    this.maxPageSize = maxPageSize;
  }

  void events(Context ctx) {
    String id = ProfilesController.id(ctx);
    TimelineFilter filter = TimelineFilter.from(ctx);
    Page.Request request = Page.Request.from(ctx, maxPageSize, Cursor.Shape.TIME_THEN_ID);
    ObjectNode profile = ProfilesController.existing(profiles, id);
    String survivor = profile.path("profile_id").asText();
    Set<String> ids = new LinkedHashSet<>();
    ids.add(survivor);
    profile.path(ProfileStore.MERGED_FROM).forEach(alias -> ids.add(alias.asText()));
    Page page = events.timeline(ids, filter, request);
    ProfileRedactor redactor = ProfilesController.redactor(ctx);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("profile_id", survivor);
    ArrayNode list = body.putArray("events");
    page.items().forEach(e -> list.add(redactor.event(e)));
    body.put("next_cursor", page.nextCursor());
    ctx.json(body);
  }
}
