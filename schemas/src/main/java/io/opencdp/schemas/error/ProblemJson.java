package io.opencdp.schemas.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;

/**
 * The members every RFC 9457 problem body of the platform carries ({@code type}, {@code title},
 * {@code status}, {@code detail} and the stable {@code code}); each HTTP service (collector, API)
 * adds its own extension member and serializes with {@link #bytes}.
 */
public final class ProblemJson {
  public static final String CONTENT_TYPE = "application/problem+json";

  private ProblemJson() {}

  /** The standard members; the type URI is {@code typeBase + code}. */
  public static ObjectNode standardMembers(
      String typeBase, int status, String title, String detail, String code) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", typeBase + code);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("code", code);
    return body;
  }

  public static byte[] bytes(ObjectNode body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
