package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the collector's extensions
 * {@code code} (stable, see {@link ProblemCodes}) and {@code field} (the offending field's path,
 * omitted when the request as a whole is at fault).
 */
record Problem(int status, String title, String detail, String code, String field) {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://opencdp.io/problems/collector/";

  Problem {
    requireNonNull(title, "title is null");
    requireNonNull(detail, "detail is null");
    requireNonNull(code, "code is null");
  }

  /** The problem type URI: one per code. */
  String type() {
    return TYPE_BASE + code;
  }

  byte[] toJson() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", type());
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("code", code);
    if (field != null) {
      body.put("field", field);
    }
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
