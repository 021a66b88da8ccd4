package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.ProblemJson;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the collector's extensions
 * {@code code} (stable, see {@link ProblemCodes}) and {@code field} (the offending field's path,
 * omitted when the request as a whole is at fault).
 */
record Problem(int status, String title, String detail, String code, String field) {
  static final String CONTENT_TYPE = ProblemJson.CONTENT_TYPE;
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
    ObjectNode body = ProblemJson.standardMembers(TYPE_BASE, status, title, detail, code);
    if (field != null) {
      body.put("field", field);
    }
    return ProblemJson.bytes(body);
  }
}
