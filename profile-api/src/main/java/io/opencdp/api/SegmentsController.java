package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.normalize.SearchText;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinition;
import io.opencdp.schemas.segment.SegmentDefinitions;
import io.opencdp.schemas.segment.SegmentLookup;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Saving segment definitions: {@code POST/GET/PUT/DELETE /v1/segments} (docs/segments.md, "API"). A
 * definition is checked completely from the request body's text ({@link SegmentDefinitions#parse}
 * sees members given twice), its references against the saved segments; a change re-checks the
 * segments that use it ({@link SegmentUsers}); a segment another one uses cannot be deleted (409).
 */
final class SegmentsController {
  static final int SLUG_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Users named in a 409: enough to act on, never a huge body. */
  private static final int USERS_NAMED = 20;

  private final String workspace;
  private final SegmentCatalog catalog;
  private final Clock clock;
  private final int maxPageSize;

  SegmentsController(String workspace, SegmentCatalog catalog, Clock clock, int maxPageSize) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.maxPageSize = maxPageSize;
  }

  /** {@code POST /v1/segments}: 201, {@code Location} and the saved segment. */
  void create(Context ctx) {
    ObjectNode doc =
        saveNew(
            catalog,
            workspace,
            ctx.body(),
            AccessController.caller(ctx).id(),
            clock.instant().toString());
    String id = doc.get("segment_id").asText();
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/v1/segments/" + id)
        .json(SegmentCatalog.view(doc));
  }

  /** {@code GET /v1/segments}: paged, oldest first. */
  void list(Context ctx) {
    Page page =
        catalog.store().list(Page.Request.from(ctx, maxPageSize, Cursor.Shape.TIME_THEN_ID));
    ObjectNode body = SegmentCatalog.EXACT.createObjectNode();
    ArrayNode list = body.putArray("segments");
    page.items().forEach(doc -> list.add(SegmentCatalog.view(doc)));
    body.put("next_cursor", page.nextCursor());
    ctx.json(body);
  }

  /** {@code GET /v1/segments/{id}}. */
  void get(Context ctx) {
    ctx.json(SegmentCatalog.view(catalog.existing(SegmentCatalog.id(ctx)).doc()));
  }

  /** {@code PUT /v1/segments/{id}}: the new definition, {@code version} + 1. */
  void replace(Context ctx) {
    String id = SegmentCatalog.id(ctx);
    SegmentStore.Stored previous = catalog.existing(id);
    String body = ctx.body();
    SegmentLookup lookup = catalog.lookup();
    SegmentDefinition definition =
        SegmentDefinitions.parse(
            body, SegmentContext.existingSegment(id, catalog.fields(), lookup));
    SegmentUsers.check(id, definition, catalog.store(), lookup);
    ObjectNode doc = document(workspace, id, previous.version() + 1, body, definition);
    doc.set("created_at", previous.doc().get("created_at"));
    doc.set("created_by", previous.doc().get("created_by"));
    doc.put("updated_at", clock.instant().toString());
    doc.put("updated_by", AccessController.caller(ctx).id());
    catalog.store().replace(previous, doc);
    ctx.json(SegmentCatalog.view(doc));
  }

  /** {@code DELETE /v1/segments/{id}}: 204; 409 naming the segments that use it. */
  void delete(Context ctx) {
    String id = SegmentCatalog.id(ctx);
    SegmentStore.Stored previous = catalog.existing(id);
    List<String> users = catalog.store().usedBy(id, USERS_NAMED + 1);
    if (!users.isEmpty()) {
      String named =
          String.join(", ", users.subList(0, Math.min(users.size(), USERS_NAMED)))
              + (users.size() > USERS_NAMED ? " and more" : "");
      throw new ApiException(
          ErrorCode.CONFLICT,
          "segment '"
              + id
              + "' is used by "
              + named
              + " (in_segment); change or delete "
              + (users.size() == 1 ? "it" : "them")
              + " first",
          "id");
    }
    catalog.store().delete(previous);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /**
   * Checks {@code body} as a new segment's definition (references against the saved segments) and
   * saves it under a new id, version 1; the saved document.
   */
  static ObjectNode saveNew(
      SegmentCatalog catalog, String workspace, String body, String caller, String now) {
    SegmentDefinition definition =
        SegmentDefinitions.parse(
            body, SegmentContext.newSegment(catalog.fields(), catalog.lookup()));
    ObjectNode doc;
    do {
      doc = document(workspace, newId(definition.name()), 1, body, definition);
      doc.put("created_at", now);
      doc.put("created_by", caller);
      doc.put("updated_at", now);
      doc.put("updated_by", caller);
    } while (!catalog.store().create(doc));
    return doc;
  }

  private static ObjectNode document(
      String workspace, String id, long version, String body, SegmentDefinition definition) {
    ObjectNode doc = SegmentCatalog.EXACT.createObjectNode();
    doc.put("workspace_id", workspace);
    doc.put("segment_id", id);
    doc.put("name", definition.name());
    doc.put("description", definition.description());
    doc.put("language_version", definition.languageVersion());
    doc.put("version", version);
    try {
      // compact, with the numbers exactly as sent
      doc.put("definition", SegmentCatalog.EXACT.writeValueAsString(SegmentCatalog.exact(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    ArrayNode references = doc.putArray(SegmentStore.REFERENCES);
    definition.references().forEach(references::add);
    return doc;
  }

  /**
   * {@code seg-}, the name folded to lowercase letters and digits joined by {@code -} (at most 32
   * characters), and 6 random hex digits: readable in an {@code in_segment} and unique.
   */
  static String newId(String name) {
    String slug = SearchText.fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > SLUG_LENGTH) {
      slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
    }
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    String suffix = HexFormat.of().formatHex(random);
    return "seg-" + (slug.isEmpty() ? "" : slug + "-") + suffix;
  }
}
