package io.opencdp.api.store;

import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The strict mappings of the store's indices, read from the resources next to this class. */
final class StoreMappings {
  static final String PROFILES = "profiles-mapping.json";
  static final String IDENTITY = "identity-mapping.json";
  static final String EVENTS = "events-mapping.json";

  private StoreMappings() {}

  static TypeMapping load(String resource) {
    try (InputStream in = StoreMappings.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TypeMapping.of(m -> m.withJson(new StringReader(json)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
