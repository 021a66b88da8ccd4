package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.api.segment.SegmentQueries;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;
import java.time.Clock;
import java.time.Instant;

/**
 * Who is in a segment, counted live in Elasticsearch: {@code POST /v1/segments/preview} (a
 * definition not saved: count and a sample), {@code GET /v1/segments/{id}/count} and {@code GET
 * /v1/segments/{id}/members} (paged in a point in time). Each request computes its windows once
 * ({@link SegmentWindows}); the pages of one members listing all use the first page's instant.
 * Profiles go through {@link ProfileRedactor} for the caller's role.
 */
final class AudienceController {
  static final int SAMPLE_SIZE = 10;

  private final SegmentCatalog catalog;
  private final SegmentAudience audience;
  private final SegmentsConfig config;
  private final Clock clock;
  private final int maxPageSize;

  AudienceController(
      SegmentCatalog catalog,
      SegmentAudience audience,
      SegmentsConfig config,
      Clock clock,
      int maxPageSize) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.audience = requireNonNull(audience, "audience is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxPageSize = maxPageSize;
  }

  /** {@code POST /v1/segments/preview}: the body is a definition, as for saving; nothing saved. */
  void preview(Context ctx) {
    SegmentLookup lookup = catalog.lookup();
    SegmentDefinition definition =
        SegmentDefinitions.parse(ctx.body(), SegmentContext.newSegment(catalog.fields(), lookup));
    SegmentWindows windows = SegmentWindows.of(config, clock);
    SegmentAudience.Members sample =
        audience.sample(
            SegmentQueries.compile(definition.condition(), windows, lookup), SAMPLE_SIZE);
    ProfileRedactor redactor = ProfilesController.redactor(ctx);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("count", sample.count());
    body.put("counted_at", windows.now().toString());
    ArrayNode profiles = body.putArray("sample");
    sample.profiles().forEach(p -> profiles.add(redactor.profile(p)));
    ctx.json(body);
  }

  /** {@code GET /v1/segments/{id}/count}: exact. */
  void count(Context ctx) {
    SegmentStore.Stored segment = catalog.existing(SegmentCatalog.id(ctx));
    SegmentWindows windows = SegmentWindows.of(config, clock);
    long count = audience.count(query(segment, windows));
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("segment_id", segment.id());
    body.put("version", segment.version());
    body.put("count", count);
    body.put("counted_at", windows.now().toString());
    ctx.json(body);
  }

  /** {@code GET /v1/segments/{id}/members?limit=&cursor=}: by profile id, in a point in time. */
  void members(Context ctx) {
    SegmentStore.Stored segment = catalog.existing(SegmentCatalog.id(ctx));
    int limit = Page.Request.limit(ctx, maxPageSize);
    String cursorText = ctx.queryParam(Cursor.PARAMETER);
    MembersCursor cursor =
        cursorText == null ? null : MembersCursor.decode(cursorText, segment.id());
    if (cursor != null && cursor.version() != segment.version()) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT,
          "parameter 'cursor' lists version "
              + cursor.version()
              + " of segment '"
              + segment.id()
              + "', which has changed since (now version "
              + segment.version()
              + "); start again without cursor",
          Cursor.PARAMETER);
    }
    SegmentWindows windows =
        cursor == null
            ? SegmentWindows.of(config, clock)
            : SegmentWindows.of(config, Clock.fixed(cursor.evaluatedAt(), config.timeZone()));
    Instant evaluatedAt = windows.now();
    String pitId = cursor == null ? audience.openPointInTime() : cursor.pitId();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("segment_id", segment.id());
    body.put("version", segment.version());
    body.put("evaluated_at", evaluatedAt.toString());
    ArrayNode list = body.putArray("members");
    if (pitId == null) {
      body.putNull("next_cursor");
      ctx.json(body);
      return;
    }
    SegmentAudience.Members page =
        audience.page(
            query(segment, windows), pitId, cursor == null ? null : cursor.after(), limit);
    ProfileRedactor redactor = ProfilesController.redactor(ctx);
    page.profiles().forEach(p -> list.add(redactor.profile(p)));
    body.put(
        "next_cursor",
        page.after() == null
            ? null
            : new MembersCursor(
                    segment.id(), segment.version(), evaluatedAt, page.pitId(), page.after())
                .encode());
    ctx.json(body);
  }

  private Query query(SegmentStore.Stored segment, SegmentWindows windows) {
    return SegmentQueries.compile(
        catalog.definition(segment).condition(), windows, catalog.lookup());
  }
}
