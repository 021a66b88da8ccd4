package io.opencdp.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.ApiRoute.Parameter;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The route table: every route the API serves, its roles and its documentation. */
final class ApiRoutes {
  private static final Set<ApiRole> PUBLIC = Set.of(ApiRole.ANYONE);
  private static final Set<ApiRole> ANY_KEY =
      Set.of(ApiRole.AGENT, ApiRole.MARKETER, ApiRole.ADMIN);
  private static final Set<ApiRole> AGENT_OR_ADMIN = Set.of(ApiRole.AGENT, ApiRole.ADMIN);
  private static final Set<ApiRole> ADMIN = Set.of(ApiRole.ADMIN);
  private static final Set<ApiRole> MARKETER_OR_ADMIN = Set.of(ApiRole.MARKETER, ApiRole.ADMIN);

  private ApiRoutes() {}

  static List<ApiRoute> table(
      HealthController health,
      MetricsController metrics,
      OpenApiController openApi,
      ProfilesController profiles,
      TimelineController timeline,
      IdentityController identity,
      SegmentsController segments,
      AudienceController audience,
      ExportsController exports,
      SuppressionsController suppressions,
      ErasuresController erasures,
      ConsentController consent,
      AccessExportController accessExport) {
    List<ApiRoute> routes = new ArrayList<>();
    routes.add(
        new ApiRoute(
            GET,
            "/healthz",
            PUBLIC,
            "Liveness: 200 while the process serves",
            List.of(),
            List.of(),
            health::healthz));
    routes.add(
        new ApiRoute(
            GET,
            "/readyz",
            PUBLIC,
            "Readiness: 200 when Elasticsearch answers, 503 otherwise",
            List.of(),
            List.of(503),
            health::readyz));
    routes.add(
        new ApiRoute(
            GET,
            "/metrics",
            ADMIN,
            "Request counts and latency histograms in the Prometheus text format",
            List.of(),
            List.of(),
            metrics::scrape));
    routes.add(
        new ApiRoute(
            GET,
            "/openapi.json",
            ANY_KEY,
            "This OpenAPI document",
            List.of(),
            List.of(),
            openApi::document));
    Parameter id =
        new Parameter(
            "id",
            "path",
            true,
            "profile id (1-128 letters, digits, '_', '.', ':' or '-'); an id merged into another"
                + " profile answers the surviving profile");
    Parameter limit =
        new Parameter("limit", "query", false, "items per page, 1..api.max_page_size (default 20)");
    Parameter cursor =
        new Parameter(
            "cursor", "query", false, "next_cursor of the previous page; leave out for the first");
    // before /v1/profiles/{id}: Javalin matches in the order routes are added
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/search",
            ANY_KEY,
            "Ranked fuzzy search on name, email, phone and city, paged",
            List.of(
                new Parameter(
                    "q",
                    "query",
                    true,
                    "what to look for (1-200 characters); accents and case do not matter; an email"
                        + " address or phone number also matches exactly"),
                limit,
                cursor),
            List.of(400, 503),
            profiles::search));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/{id}",
            ANY_KEY,
            "A golden profile by id; an alias id answers the surviving profile (merged_from)",
            List.of(id),
            List.of(400, 404, 503),
            profiles::get));
    List<Parameter> identifiers = new ArrayList<>();
    for (String name : IdentifierQuery.PARAMETERS) {
      identifiers.add(
          new Parameter(
              name,
              "query",
              false,
              name.equals(IdentifierQuery.ORDER_ID)
                  ? "an order id: the profiles whose events carry this order"
                  : name
                      + " to look up, normalized as ingest normalizes it; give exactly one"
                      + " identifier"));
    }
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles",
            ANY_KEY,
            "The profiles holding one identifier or order, each with matched_on (type, value,"
                + " shared)",
            identifiers,
            List.of(400, 503),
            profiles::lookup));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/{id}/events",
            ANY_KEY,
            "The profile's timeline, newest first, paged",
            List.of(
                id,
                new Parameter("type", "query", false, "only events of this event type"),
                new Parameter(
                    "channel",
                    "query",
                    false,
                    "only events of this channel: web, app, store, email, call_center, crm"),
                new Parameter(
                    "from",
                    "query",
                    false,
                    "only events that occurred at or after this ISO-8601 instant"),
                new Parameter(
                    "to", "query", false, "only events that occurred before this ISO-8601 instant"),
                limit,
                cursor),
            List.of(400, 404, 503),
            timeline::events));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/{id}/identity",
            AGENT_OR_ADMIN,
            "Why these identifiers are one profile: identifiers, links and the events that made"
                + " them, dropped links, merges, overrides (applied and pending)",
            List.of(id),
            List.of(400, 404, 503),
            identity::identity));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/{id}/consent",
            ANY_KEY,
            "Every named consent purpose (privacy.purposes) granted or not, with the change that"
                + " decided it, and the profile's latest consent rows",
            List.of(
                id,
                new Parameter(
                    ConsentController.PURPOSE,
                    "query",
                    false,
                    "only this named purpose (one of privacy.purposes, e.g. marketing_email)")),
            List.of(400, 404, 503),
            consent::consent));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/{id}/export",
            ADMIN,
            "Access export (data-subject access request): everything held on the person as one"
                + " JSON document: profile, identifiers, merges, segments, every event, consent",
            List.of(id),
            List.of(400, 404, 503),
            accessExport::export));
    routes.add(
        new ApiRoute(
            POST,
            "/v1/profiles/{id}/split",
            ADMIN,
            "Record a force_split override: the identifiers leave the profile at the next cdp"
                + " resolve run",
            List.of(id),
            List.of(400, 404, 503),
            new ApiRoute.Body(
                "the identifiers to move out (the profile's own, not all of them) and why",
                object(
                    "identifiers",
                    array(identifierSchema()),
                    "reason",
                    string("why (kept with the override)"))),
            201,
            identity::split));
    routes.add(
        new ApiRoute(
            POST,
            "/v1/identity/never-link",
            ADMIN,
            "Record a never_link override: the two identifiers are never in one profile from the"
                + " next cdp resolve run",
            List.of(),
            List.of(400, 503),
            new ApiRoute.Body(
                "the two identifiers and why",
                object(
                    "left",
                    identifierSchema(),
                    "right",
                    identifierSchema(),
                    "reason",
                    string("why (kept with the override)"))),
            201,
            identity::neverLink));
    segmentRoutes(routes, segments, audience, limit, cursor);
    exportRoutes(routes, exports);
    suppressionRoutes(routes, suppressions, limit, cursor);
    erasureRoutes(routes, erasures, id, limit, cursor);
    return List.copyOf(routes);
  }

  private static void erasureRoutes(
      List<ApiRoute> routes,
      ErasuresController erasures,
      Parameter profileId,
      Parameter limit,
      Parameter cursor) {
    routes.add(
        new ApiRoute(
            DELETE,
            "/v1/profiles/{id}",
            ADMIN,
            "Erase the person of a profile everywhere (docs/privacy.md): 202 with the queued erasure"
                + " request and its Location; cdp privacy erase --queued carries it out",
            List.of(profileId),
            List.of(400, 404, 503),
            null,
            202,
            erasures::eraseProfile));
    routes.add(
        new ApiRoute(
            POST,
            "/v1/privacy/erasures",
            ADMIN,
            "Erase whoever holds an identifier, everywhere (docs/privacy.md): 202 with the queued"
                + " request and its Location",
            List.of(),
            List.of(400, 503),
            new ApiRoute.Body(
                "the identifier",
                object(
                    ErasuresController.TYPE,
                    identifierTypeSchema(),
                    ErasuresController.VALUE,
                    string("the value; normalized as ingest normalizes it"))),
            202,
            erasures::request));
    Parameter requestId =
        new Parameter(ErasuresController.REQUEST_ID, "path", true, "the erasure request's id");
    routes.add(
        new ApiRoute(
            GET,
            "/v1/privacy/erasures/{request_id}",
            ADMIN,
            "An erasure request: its status (received, deleting, pending_physical_delete, done,"
                + " rejected) and, once carried out, what was removed where",
            List.of(requestId),
            List.of(404, 503),
            erasures::get));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/privacy/erasures",
            ADMIN,
            "Every erasure request, newest first, paged",
            List.of(limit, cursor),
            List.of(400, 503),
            erasures::list));
  }

  /** {@code table} and the audit log's route, {@code GET /v1/audit} (admins). */
  static List<ApiRoute> withAudit(List<ApiRoute> table, AuditController audit) {
    List<ApiRoute> routes = new ArrayList<>(table);
    routes.add(
        new ApiRoute(
            GET,
            "/v1/audit",
            ADMIN,
            "The audit log: privacy operations and profile reads by keys that see personal data,"
                + " newest first, paged",
            List.of(
                new Parameter("profile_id", "query", false, "only entries about this profile"),
                new Parameter("actor", "query", false, "only entries of this API key id"),
                new Parameter(
                    "action",
                    "query",
                    false,
                    "only this action: profile_read, erasure_requested, access_export,"
                        + " consent_read, suppression_added, ..."),
                new Parameter("from", "query", false, "only entries at or after this instant"),
                new Parameter("to", "query", false, "only entries before this instant"),
                new Parameter(
                    "limit", "query", false, "items per page, 1..api.max_page_size (default 20)"),
                new Parameter(
                    "cursor",
                    "query",
                    false,
                    "next_cursor of the previous page; leave out for the first")),
            List.of(400, 503),
            audit::list));
    return List.copyOf(routes);
  }

  private static void suppressionRoutes(
      List<ApiRoute> routes,
      SuppressionsController suppressions,
      Parameter limit,
      Parameter cursor) {
    ObjectNode reason = string("why: " + String.join(", ", reasons()));
    reasons().forEach(reason.putArray("enum")::add);
    ObjectNode body =
        object(
            SuppressionsController.TYPE,
            identifierTypeSchema(),
            SuppressionsController.VALUE,
            string("the value; normalized as ingest normalizes it, then only its hash is kept"),
            "reason",
            reason);
    ((ObjectNode) body.get("properties"))
        .set("source", string("where it came from (default api)").put("maxLength", 200));
    routes.add(
        new ApiRoute(
            POST,
            "/v1/suppressions",
            ADMIN,
            "Suppress an identifier: no export sends a profile holding it; 200 with the entry when"
                + " it is suppressed already",
            List.of(),
            List.of(400, 503),
            new ApiRoute.Body("the identifier and why", body),
            201,
            suppressions::add));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/suppressions",
            ADMIN,
            "The suppression list (identifier type and value hash, never the value), oldest first,"
                + " paged",
            List.of(limit, cursor),
            List.of(400, 503),
            suppressions::list));
    routes.add(
        new ApiRoute(
            DELETE,
            "/v1/suppressions/{identifier_type}/{value}",
            ADMIN,
            "Lift the suppression of an identifier; 404 when it is not suppressed",
            List.of(
                new Parameter(SuppressionsController.TYPE, "path", true, "identifier type"),
                new Parameter(
                    SuppressionsController.VALUE,
                    "path",
                    true,
                    "the value (URL-encoded), normalized as ingest normalizes it")),
            List.of(400, 404, 503),
            null,
            204,
            suppressions::remove));
  }

  private static List<String> reasons() {
    return Arrays.stream(SuppressionList.Reason.values())
        .map(SuppressionList.Reason::wireName)
        .toList();
  }

  private static void segmentRoutes(
      List<ApiRoute> routes,
      SegmentsController segments,
      AudienceController audience,
      Parameter limit,
      Parameter cursor) {
    Parameter id =
        new Parameter("id", "path", true, "segment id ('seg-' and lowercase letters, digits, '-')");
    ApiRoute.Body definition =
        new ApiRoute.Body(
            "a segment definition: name, optional description and language_version, condition"
                + " (docs/segments.md); refused with 400 naming the JSON path of the first bad"
                + " member",
            definitionSchema());
    routes.add(
        new ApiRoute(
            POST,
            "/v1/segments",
            MARKETER_OR_ADMIN,
            "Save a segment definition; answers it with segment_id, version 1 and Location",
            List.of(),
            List.of(400, 503),
            definition,
            201,
            segments::create));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/segments",
            MARKETER_OR_ADMIN,
            "The saved segments, oldest first, paged",
            List.of(limit, cursor),
            List.of(400, 503),
            segments::list));
    // before /v1/segments/{id}: Javalin matches in the order routes are added
    routes.add(
        new ApiRoute(
            POST,
            "/v1/segments/preview",
            MARKETER_OR_ADMIN,
            "Count a definition's members and show 10 of them, without saving it",
            List.of(),
            List.of(400, 503),
            definition,
            200,
            audience::preview));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/segments/{id}",
            MARKETER_OR_ADMIN,
            "A saved segment",
            List.of(id),
            List.of(400, 404, 503),
            segments::get));
    routes.add(
        new ApiRoute(
            PUT,
            "/v1/segments/{id}",
            MARKETER_OR_ADMIN,
            "Replace a segment's definition; its version goes up by one",
            List.of(id),
            List.of(400, 404, 409, 503),
            definition,
            200,
            segments::replace));
    routes.add(
        new ApiRoute(
            DELETE,
            "/v1/segments/{id}",
            MARKETER_OR_ADMIN,
            "Delete a segment; 409 naming the segments that use it",
            List.of(id),
            List.of(400, 404, 409, 503),
            null,
            204,
            segments::delete));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/segments/{id}/count",
            MARKETER_OR_ADMIN,
            "The exact number of members now",
            List.of(id),
            List.of(400, 404, 503),
            audience::count));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/segments/{id}/members",
            MARKETER_OR_ADMIN,
            "The members by profile id, paged in a point in time (stable deep paging)",
            List.of(id, limit, cursor),
            List.of(400, 404, 503),
            audience::members));
  }

  private static void exportRoutes(List<ApiRoute> routes, ExportsController exports) {
    Parameter id =
        new Parameter("id", "path", true, "segment id ('seg-' and lowercase letters, digits, '-')");
    Parameter exportId =
        new Parameter("export_id", "path", true, "export id ('exp-<epoch ms>-<6 hex>')");
    ObjectNode format = string("google, meta (hashed) or csv (unhashed; admin keys only)");
    format.putArray("enum").add("google").add("meta").add("csv");
    ObjectNode body = Json.mapper().createObjectNode().put("type", "object");
    ObjectNode properties = body.putObject("properties");
    properties.set("format", format);
    properties.set(
        "destination",
        string("where the rows go, [a-z0-9_-]{1,64}; default the format's id")
            .put("pattern", "^[a-z0-9_-]{1,64}$"));
    properties
        .putObject("since_last")
        .put("type", "boolean")
        .put(
            "description",
            "write the adds and removes since the previous export to this destination (default"
                + " false: every member)");
    ObjectNode fields = array(string("a profile field")).put("minItems", 0);
    fields.put("description", "csv only: the columns after profile_id (default set when left out)");
    properties.set("fields", fields);
    body.putArray("required").add("format");
    body.put("additionalProperties", false);
    routes.add(
        new ApiRoute(
            POST,
            "/v1/segments/{id}/exports",
            MARKETER_OR_ADMIN,
            "Export the segment's members to a CSV file for an ad platform (or, for admins, an"
                + " internal list); 202 with the export id, run in the background",
            List.of(id),
            List.of(400, 403, 404, 503),
            new ApiRoute.Body("the format, destination and options of the export", body),
            202,
            exports::create));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/segments/{id}/exports/{export_id}",
            MARKETER_OR_ADMIN,
            "An export's record: status, match-readiness counts, files, error",
            List.of(id, exportId),
            List.of(400, 404, 503),
            exports::get));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/segments/{id}/exports/{export_id}/files/{kind}",
            MARKETER_OR_ADMIN,
            "A file of a succeeded export (text/csv): members, or adds and removes",
            List.of(id, exportId, new Parameter("kind", "path", true, "members, adds or removes")),
            List.of(400, 404, 409, 503),
            exports::file));
  }

  private static ObjectNode definitionSchema() {
    ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.set("name", string("1-200 characters").put("minLength", 1).put("maxLength", 200));
    properties.set(
        "description",
        string("up to 2,000 characters").put("maxLength", 2000).put("nullable", true));
    ObjectNode version =
        properties
            .putObject("language_version")
            .put("type", "integer")
            .put("description", "the condition language's version; 1, the default");
    version.putArray("enum").add(1);
    properties
        .putObject("condition")
        .put("type", "object")
        .put("description", "who is a member: one condition of docs/segments.md, \"Conditions\"");
    schema.putArray("required").add("name").add("condition");
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode identifierSchema() {
    return object(
        "type",
        identifierTypeSchema(),
        "value",
        string("the value; normalized as ingest normalizes it"));
  }

  private static ObjectNode identifierTypeSchema() {
    ObjectNode type = string("identifier type");
    Arrays.stream(IdentifierType.values())
        .map(IdentifierType::wireName)
        .forEach(type.putArray("enum")::add);
    return type;
  }

  /** An object schema whose every property (name, schema pairs) is required. */
  private static ObjectNode object(Object... namesAndSchemas) {
    ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    var required = schema.putArray("required");
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.set((String) namesAndSchemas[i], (ObjectNode) namesAndSchemas[i + 1]);
      required.add((String) namesAndSchemas[i]);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode array(ObjectNode items) {
    ObjectNode schema = Json.mapper().createObjectNode().put("type", "array").put("minItems", 1);
    schema.set("items", items);
    return schema;
  }

  private static ObjectNode string(String description) {
    return Json.mapper().createObjectNode().put("type", "string").put("description", description);
  }
}
