package io.opencdp.api.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.EventFields;
import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.FieldType;
import io.opencdp.schemas.segment.ProfileFields;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The segment catalogs and the profile mapping cannot drift: every field has its mapped field. */
class DocumentFieldsTest {
  private static final JsonNode MAPPING = mapping();

  @Test
  void everyProfileCatalogFieldHasAMappedDocumentFieldOfItsType() {
    for (Field field : ProfileFields.withCustomTraits(List.of("favourite_store")).all()) {
      String path = ProfileDocFields.path(field);
      if (field.isCustomTrait()) {
        assertThat(leaf("custom_traits").path("dynamic").asBoolean()).isTrue();
        assertThat(MAPPING.path("dynamic_templates").toString())
            .contains("\"path_match\":\"custom_traits.*\"", "\"type\":\"keyword\"");
        continue;
      }
      assertThat(esTypes(field.type()))
          .as("%s at %s", field.name(), path)
          .contains(leaf(path).path("type").asText());
    }
  }

  @Test
  void everyEventCatalogFieldHasAnActivityFieldOfItsType() {
    assertThat(ActivityFields.docFields().keySet())
        .containsExactlyElementsOf(EventFields.ALL.stream().map(Field::name).toList());
    assertThat(leaf(ActivityFields.PATH).path("type").asText()).isEqualTo("nested");
    for (Field field : EventFields.ALL) {
      assertThat(esTypes(field.type()))
          .as(field.name())
          .contains(leaf(ActivityFields.path(field)).path("type").asText());
    }
    assertThat(leaf(ActivityFields.path(ActivityFields.EVENT_TYPE)).path("type").asText())
        .isEqualTo("keyword");
    assertThat(leaf(ActivityFields.path(ActivityFields.OCCURRED_AT)).path("type").asText())
        .isEqualTo("date");
  }

  @Test
  void eventFieldsAreReadFromTheEventOrItsProperties() {
    assertThat(ActivityFields.eventColumn("channel")).isEqualTo("channel");
    assertThat(ActivityFields.eventColumn("order.total.amount"))
        .isEqualTo("properties.order.total.amount");
    assertThat(ActivityFields.docFields()).containsEntry("order.items.sku", "order_items_sku");
  }

  private static Set<String> esTypes(FieldType type) {
    return switch (type) {
      case TEXT, TEXT_LIST -> Set.of("keyword");
      case NUMBER -> Set.of("long", "integer", "double");
      case BOOLEAN -> Set.of("boolean");
      case DATE, TIME -> Set.of("date");
    };
  }

  /** The mapping of a dotted path, through objects, nested objects and multi-fields. */
  private static JsonNode leaf(String path) {
    JsonNode node = MAPPING;
    for (String part : path.split("\\.")) {
      JsonNode next = node.path("properties").path(part);
      if (next.isMissingNode()) {
        next = node.path("fields").path(part);
      }
      assertThat(next.isMissingNode()).as("%s is mapped", path).isFalse();
      node = next;
    }
    return node;
  }

  private static JsonNode mapping() {
    try (InputStream in =
        ActivityFields.class.getResourceAsStream("/io/opencdp/api/store/profiles-mapping.json")) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
