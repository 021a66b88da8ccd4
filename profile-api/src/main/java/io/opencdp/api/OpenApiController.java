package io.opencdp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.opencdp.schemas.json.Json;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code GET /openapi.json}: written once from the route table. */
final class OpenApiController {
  private volatile byte[] document;

  void publish(List<ApiRoute> routes) {
    try {
      document =
          Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(OpenApiDocument.of(routes));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  void document(Context ctx) {
    ctx.contentType("application/json").result(document);
  }
}
