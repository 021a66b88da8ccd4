package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.ProblemJson;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the API's extensions {@code
 * code} (stable, lowercase) and {@code parameter} (the offending parameter, null when the request
 * as a whole is at fault). Every member is always present, so clients see one shape.
 */
record Problem(int status, String title, String detail, String code, String parameter) {
  static final String CONTENT_TYPE = ProblemJson.CONTENT_TYPE;
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
    ObjectNode body = ProblemJson.standardMembers(TYPE_BASE, status, title, detail, code);
    body.put("parameter", parameter);
    return ProblemJson.bytes(body);
  }
}
