package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the API's extensions {@code
 * code} (stable, lowercase) and {@code parameter} (the offending parameter, null when the request
 * as a whole is at fault). Every member is always present, so clients see one shape.
 */
record Problem(int status, String title, String detail, String code, String parameter) {
  static final String CONTENT_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://opencdp.io/problems/api/";

  Problem {
    requireNonNull(title, "title is null");
    requireNonNull(detail, "detail is null");
    requireNonNull(code, "code is null");
  }

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
    body.put("parameter", parameter);
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
