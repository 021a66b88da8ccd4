package io.opencdp.schemas.segment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/** Test helpers: definitions around a condition, and the shape of a refusal. */
final class Segments {
  static final ProfileFields FIELDS =
      ProfileFields.withCustomTraits(java.util.List.of("favourite_store"));

  private Segments() {}

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A definition with this condition, as JSON text. */
  static String definition(String condition) {
    return "{\"name\": \"test\", \"condition\": " + condition + "}";
  }

  static ObjectNode definition(JsonNode condition) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("name", "test");
    node.set("condition", condition);
    return node;
  }

  /** Parses a definition around {@code condition} against segments {@code seg-vip} and friends. */
  static Condition condition(String condition) {
    return parse(definition(condition)).condition();
  }

  static SegmentDefinition parse(String definition) {
    return SegmentDefinitions.parse(definition, context());
  }

  static SegmentContext context() {
    return SegmentContext.newSegment(FIELDS, SegmentLookup.of(Map.of("seg-vip", vip())));
  }

  static SegmentDefinition vip() {
    return SegmentDefinitions.parseStored(
        definition("{\"field\": \"traits.total_spend\", \"op\": \"gte\", \"value\": 1000}"),
        FIELDS);
  }

  /** Asserts a BAD_ARGUMENT refusal naming {@code path}; returns the message assertion. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Runnable parse, String path) {
    return assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            CdpException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.code())
                  .isEqualTo(ErrorCode.BAD_ARGUMENT);
              org.assertj.core.api.Assertions.assertThat(e.parameter()).isEqualTo(path);
            });
  }

  /** Asserts that the definition around {@code condition} is refused naming {@code path}. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertConditionRefused(
      String condition, String path) {
    return assertRefused(() -> parse(definition(condition)), path);
  }

  /** A JSON array of {@code n} distinct strings. */
  static String strings(int n) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : ",").append("\"v").append(i).append('"');
    }
    return out.append(']').toString();
  }

  /** An event {@code where} of {@code n} comparisons. */
  static String where(int n) {
    String comparison = "{\"field\": \"channel\", \"op\": \"eq\", \"value\": \"email\"}";
    return "[" + String.join(",", java.util.Collections.nCopies(n, comparison)) + "]";
  }
}
