package io.opencdp.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.opencdp.schemas.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class TouchpointEventSchemaTest {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final JsonNode SCHEMA = JsonSchemas.document(JsonSchemas.TOUCHPOINT_EVENT);

  /** Fields Java reads as empty when null, though Jackson never writes them null. */
  private static final Set<String> EMPTY_WHEN_NULL =
      Set.of(
          "/identifiers",
          "/person",
          "/properties",
          "/consent",
          "/custom",
          "/properties/order/items",
          "/properties/email/categories");

  @Test
  void fullyPopulatedEventValidatesAgainstItsSchema() {
    JsonNode json = MAPPER.valueToTree(SampleEvents.fullyPopulated());

    assertThat(JsonSchemas.errors(JsonSchemas.TOUCHPOINT_EVENT, json)).isEmpty();
  }

  @Test
  void minimalEventValidatesAgainstItsSchema() {
    JsonNode json = MAPPER.valueToTree(SampleEvents.minimal());

    assertThat(JsonSchemas.errors(JsonSchemas.TOUCHPOINT_EVENT, json)).isEmpty();
  }

  @Test
  void schemaNamesExactlyTheFieldsJacksonWritesInTheSameOrder() {
    JsonNode json = MAPPER.valueToTree(SampleEvents.fullyPopulated());
    SoftAssertions softly = new SoftAssertions();

    assertSameFields(json, SCHEMA, "", softly);

    softly.assertAll();
  }

  @Test
  void schemaRequiresExactlyTheFieldsJavaCannotReadWithoutAndAllowsNullExactlyWhereJavaDoes() {
    ObjectNode json = MAPPER.valueToTree(SampleEvents.fullyPopulated());
    SoftAssertions softly = new SoftAssertions();

    checkEachField(json, "", SCHEMA, softly);

    softly.assertAll();
  }

  @Test
  void schemaEnumsMatchTheJavaEnums() {
    assertThat(strings(SCHEMA.at("/properties/channel/enum")))
        .containsExactlyElementsOf(Arrays.stream(Channel.values()).map(Channel::wireName).toList());
    assertThat(strings(SCHEMA.at("/$defs/identifier/properties/type/enum")))
        .containsExactlyElementsOf(
            Arrays.stream(IdentifierType.values()).map(IdentifierType::wireName).toList());
    assertThat(SCHEMA.at("/properties/schema_version/const").asInt())
        .isEqualTo(TouchpointEvent.CURRENT_SCHEMA_VERSION);
  }

  @Test
  void schemaListsEveryCanonicalEventType() {
    assertThat(strings(SCHEMA.at("/properties/event_type/examples")))
        .containsExactlyElementsOf(EventTypes.CANONICAL);
  }

  @Test
  void eventWithAnInstantThatIsNotUtcFailsTheSchema() {
    ObjectNode json = MAPPER.valueToTree(SampleEvents.minimal());
    json.put("occurred_at", "2024-05-01T11:30:00+02:00");

    assertThat(JsonSchemas.errors(JsonSchemas.TOUCHPOINT_EVENT, json).toString())
        .contains("occurred_at");
  }

  @Test
  void everySchemaIsAValidDraft202012Schema() {
    JsonSchema metaSchema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SchemaId.V202012));
    for (String name : JsonSchemas.ALL) {
      JsonNode document = JsonSchemas.document(name);
      assertThat(document.get("$schema").asText()).as(name).isEqualTo(SchemaId.V202012);
      assertThat(metaSchema.validate(document)).as(name).isEmpty();
    }
  }

  private static void assertSameFields(
      JsonNode json, JsonNode schemaNode, String path, SoftAssertions softly) {
    JsonNode schema = resolve(schemaNode);
    if (json.isArray()) {
      json.forEach(element -> assertSameFields(element, schema.get("items"), path + "/0", softly));
      return;
    }
    if (!json.isObject() || !schema.has("properties")) {
      return; // a value, or the open custom map
    }
    softly
        .assertThat(fieldNames(schema.get("properties")))
        .as("fields of %s", path.isEmpty() ? "/" : path)
        .containsExactlyElementsOf(fieldNames(json));
    softly
        .assertThat(schema.path("additionalProperties").asBoolean(true))
        .as("%s is closed", path)
        .isFalse();
    json.fields()
        .forEachRemaining(
            f ->
                assertSameFields(
                    f.getValue(),
                    schema.get("properties").get(f.getKey()),
                    path + "/" + f.getKey(),
                    softly));
  }

  /**
   * For each field of the object at {@code path}: without it, and set to null, Java rejects the
   * event exactly when the schema does (the schema's {@code required} and conditional {@code
   * if/then} included).
   */
  private static void checkEachField(
      ObjectNode root, String path, JsonNode schemaNode, SoftAssertions softly) {
    JsonNode schema = resolve(schemaNode);
    JsonNode node = root.at(path);
    if (!schema.has("properties")) {
      return;
    }
    Set<String> required = new HashSet<>(strings(schema.path("required")));
    for (String field : fieldNames(node)) {
      String fieldPath = path + "/" + field;

      ObjectNode without = root.deepCopy();
      ((ObjectNode) without.at(path)).remove(field);
      boolean schemaRejectsAbsent =
          !JsonSchemas.errors(JsonSchemas.TOUCHPOINT_EVENT, without).isEmpty();
      softly
          .assertThat(javaRejects(without))
          .as("Java rejects an event without %s", fieldPath)
          .isEqualTo(schemaRejectsAbsent);
      if (!schemaRejectsAbsent) {
        softly.assertThat(required).as("required of %s", path).doesNotContain(field);
      }

      ObjectNode withNull = root.deepCopy();
      ((ObjectNode) withNull.at(path)).putNull(field);
      boolean schemaRejectsNull =
          !JsonSchemas.errors(JsonSchemas.TOUCHPOINT_EVENT, withNull).isEmpty();
      boolean javaRejectsNull = javaRejects(withNull);
      if (EMPTY_WHEN_NULL.contains(fieldPath)) {
        softly.assertThat(javaRejectsNull).as("Java reads null %s as empty", fieldPath).isFalse();
        softly.assertThat(schemaRejectsNull).as("schema rejects null %s", fieldPath).isTrue();
      } else {
        softly
            .assertThat(javaRejectsNull)
            .as("Java rejects null %s", fieldPath)
            .isEqualTo(schemaRejectsNull);
      }

      JsonNode child = node.get(field);
      JsonNode childSchema = schema.get("properties").get(field);
      if (child.isObject()) {
        checkEachField(root, fieldPath, childSchema, softly);
      } else if (child.isArray() && child.size() > 0 && child.get(0).isObject()) {
        checkEachField(root, fieldPath + "/0", resolve(childSchema).get("items"), softly);
      }
    }
  }

  private static boolean javaRejects(JsonNode json) {
    try {
      MAPPER.treeToValue(json, TouchpointEvent.class);
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  /** Follows {@code $ref} and picks the non-null branch of {@code anyOf [X, null]}. */
  private static JsonNode resolve(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      assertThat(ref).startsWith("#");
      return resolve(SCHEMA.at(JsonPointer.compile(ref.substring(1))));
    }
    if (schema.has("anyOf")) {
      for (JsonNode branch : schema.get("anyOf")) {
        if (!"null".equals(branch.path("type").asText())) {
          return resolve(branch);
        }
      }
    }
    return schema;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    fields.forEachRemaining(f -> names.add(f.getKey()));
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
