package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opencdp.api.export.ExportRequest;
import io.opencdp.api.export.ExportStatus;
import io.opencdp.api.export.Exports;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Audience exports of a segment (docs/segments.md, "Audience exports"): {@code POST
 * /v1/segments/{id}/exports} records and queues one (202), {@code GET
 * /v1/segments/{id}/exports/{export_id}} answers its record, {@code .../files/{kind}} its file.
 * {@code csv} (unhashed personal data) is for admins only.
 */
final class ExportsController {
  static final Pattern EXPORT_ID = Pattern.compile("exp-[0-9]{1,20}-[0-9a-f]{6}");
  static final Set<String> KINDS = Set.of("members", "adds", "removes");
  static final int MAX_FIELDS = 100;

  private final Exports exports;
  private final SegmentCatalog catalog;

  ExportsController(Exports exports, SegmentCatalog catalog) {
    this.exports = requireNonNull(exports, "exports is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** {@code POST /v1/segments/{id}/exports}: 202 with the export id and where to poll. */
  void create(Context ctx) {
    String id = catalog.existing(SegmentCatalog.id(ctx)).id();
    JsonNode body = OverrideBody.object(ctx);
    OverrideBody.fieldsOnly(body, "", Set.of("format", "destination", "since_last", "fields"));
    JsonNode formatNode = body.get("format");
    if (formatNode == null || !formatNode.isTextual()) {
      throw bad("format", "field 'format' is required: google, meta or csv");
    }
    AudienceFormat format = AudienceFormat.parse(formatNode.asText(), "format");
    ApiConfig.ApiKey caller = AccessController.caller(ctx);
    if (format == AudienceFormat.CSV && caller.role() != ApiConfig.Role.ADMIN) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "format 'csv' writes unhashed personal data and is for admin keys only; key '"
              + caller.id()
              + "' has role "
              + caller.role().wireName(),
          "format");
    }
    JsonNode destination = body.get("destination");
    if (destination != null && !destination.isNull() && !destination.isTextual()) {
      throw bad("destination", "field 'destination' must be a string");
    }
    JsonNode sinceLast = body.get("since_last");
    if (sinceLast != null && !sinceLast.isNull() && !sinceLast.isBoolean()) {
      throw bad("since_last", "field 'since_last' must be true or false");
    }
    ExportRequest request =
        new ExportRequest(
            id,
            format,
            destination == null || destination.isNull() ? null : destination.asText(),
            sinceLast != null && sinceLast.asBoolean(),
            fields(body.get("fields")),
            null,
            caller.id());
    ObjectNode record = exports.submit(request);
    String exportId = record.path("export_id").asText();
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("export_id", exportId);
    answer.put("status", ExportStatus.QUEUED.id());
    answer.put("status_url", "/v1/segments/" + id + "/exports/" + exportId);
    ctx.status(HttpStatus.ACCEPTED)
        .header("Location", answer.get("status_url").asText())
        .json(answer);
  }

  /** {@code GET /v1/segments/{id}/exports/{export_id}}: the record. */
  void get(Context ctx) {
    ctx.json(view(record(ctx)));
  }

  /** {@code GET /v1/segments/{id}/exports/{export_id}/files/{kind}}: the file, {@code text/csv}. */
  void file(Context ctx) {
    String kind =
        ctx.pathParamAsClass("kind", String.class)
            .check(KINDS::contains, "must be members, adds or removes")
            .get();
    ObjectNode record = record(ctx);
    String exportId = record.path("export_id").asText();
    if (!ExportStatus.SUCCEEDED.id().equals(record.path("status").asText())) {
      throw new ApiException(
          ErrorCode.CONFLICT,
          "export '"
              + exportId
              + "' is "
              + record.path("status").asText()
              + "; its files are there once it has succeeded",
          "export_id");
    }
    for (JsonNode file : record.path("files")) {
      if (kind.equals(file.path("kind").asText())) {
        Path path = Path.of(file.path("path").asText());
        if (!Files.isRegularFile(path)) {
          throw new ApiException(
              ErrorCode.NOT_FOUND,
              "the " + kind + " file of export '" + exportId + "' is no longer there",
              "kind");
        }
        try {
          ctx.contentType("text/csv; charset=utf-8")
              .header(
                  "Content-Disposition",
                  "attachment; filename=\"" + exportId + "-" + kind + ".csv\"")
              .result(Files.newInputStream(path));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return;
      }
    }
    throw new ApiException(
        ErrorCode.NOT_FOUND,
        "export '"
            + exportId
            + "' has no "
            + kind
            + " file ("
            + (record.path("since_last").asBoolean() ? "adds and removes" : "members")
            + " only)",
        "kind");
  }

  private ObjectNode record(Context ctx) {
    String id = catalog.existing(SegmentCatalog.id(ctx)).id();
    String exportId =
        ctx.pathParamAsClass("export_id", String.class)
            .check(e -> EXPORT_ID.matcher(e).matches(), "must be 'exp-<epoch ms>-<6 hex>'")
            .get();
    return exports
        .get(exportId)
        .filter(r -> id.equals(r.path("segment_id").asText()))
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "no export '" + exportId + "' of segment '" + id + "'",
                    "export_id"));
  }

  private static ObjectNode view(ObjectNode record) {
    ObjectNode view = record.deepCopy();
    view.remove("workspace_id");
    return view;
  }

  private static List<String> fields(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > MAX_FIELDS) {
      throw bad("fields", "field 'fields' must be an array of at most " + MAX_FIELDS + " names");
    }
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw bad("fields[" + i + "]", "field 'fields[" + i + "]' must be a string");
      }
      fields.add(node.get(i).asText());
    }
    return fields;
  }

  private static ApiException bad(String field, String detail) {
    return new ApiException(ErrorCode.BAD_ARGUMENT, detail, field);
  }
}
