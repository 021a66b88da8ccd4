package io.opencdp.schemas.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TouchpointEventTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  @Test
  void roundTripsThroughJsonToAnEqualEvent() throws Exception {
    TouchpointEvent event = SampleEvents.fullyPopulated();

    String json = MAPPER.writeValueAsString(event);
    TouchpointEvent read = MAPPER.readValue(json, TouchpointEvent.class);

    assertThat(read).isEqualTo(event);
    assertThat(MAPPER.writeValueAsString(read)).isEqualTo(json);
  }

  @Test
  void minimalEventRoundTripsAndReadsAbsentListsAndObjectsAsEmpty() throws Exception {
    TouchpointEvent event = SampleEvents.minimal();

    TouchpointEvent read =
        MAPPER.readValue(MAPPER.writeValueAsString(event), TouchpointEvent.class);

    assertThat(read).isEqualTo(event);
    assertThat(read.identifiers()).isEmpty();
    assertThat(read.person()).isEqualTo(PersonAttributes.EMPTY);
    assertThat(read.properties()).isEqualTo(EventProperties.EMPTY);
    assertThat(read.custom()).isEmpty();
    assertThat(read.workspaceId()).isEqualTo("default");
    assertThat(read.schemaVersion()).isEqualTo(TouchpointEvent.CURRENT_SCHEMA_VERSION);
  }

  @Test
  void moneyAmountsKeepTheirScaleThroughJson() throws Exception {
    String json = MAPPER.writeValueAsString(SampleEvents.fullyPopulated());

    assertThat(json)
        .contains("\"total\":{\"amount\":19.90,\"currency\":\"USD\"}")
        .contains("\"unit_price\":{\"amount\":9.950,\"currency\":\"USD\"}");
    BigDecimal amount =
        MAPPER.readValue(json, TouchpointEvent.class).properties().order().total().amount();
    assertThat(amount.scale()).isEqualTo(2);
    assertThat(amount.toPlainString()).isEqualTo("19.90");
  }

  @Test
  void customFractionsAreReadAsDecimalsKeepingTheirScale() throws Exception {
    String json =
        MAPPER
            .writeValueAsString(SampleEvents.minimal())
            .replace("\"custom\":{}", "\"custom\":{\"revenue\":19.90,\"qty\":3,\"nested\":[1.50]}");

    TouchpointEvent read = MAPPER.readValue(json, TouchpointEvent.class);

    assertThat(read.custom().get("revenue")).isEqualTo(new BigDecimal("19.90"));
    assertThat(read.custom().get("qty")).isEqualTo(3L);
    assertThat(read.custom().get("nested")).isEqualTo(List.of(new BigDecimal("1.50")));
    assertThat(MAPPER.writeValueAsString(read)).contains("\"revenue\":19.90");
  }

  @Test
  void customMapKeepsInsertionOrderAndNullValues() {
    Map<String, Object> custom = SampleEvents.fullyPopulated().custom();

    assertThat(custom.keySet())
        .containsExactly("revenue", "coupon", "first_purchase", "loyalty", "tags");
    assertThat(custom).containsEntry("coupon", null);
  }

  @Test
  void customJavaNumbersAreNormalizedSoTheyEqualWhatJsonReadsBack() throws Exception {
    TouchpointEvent event =
        TouchpointEvent.builder()
            .channel(Channel.APP)
            .sourceSystem(SourceSystems.SEGMENT_APP)
            .sourceKey("m-2")
            .eventType(EventTypes.TRACK)
            .occurredAt(SampleEvents.OCCURRED_AT)
            .receivedAt(SampleEvents.RECEIVED_AT)
            .custom("int", 7)
            .custom("double", 19.9d)
            .build();

    assertThat(event.custom())
        .containsEntry("int", 7L)
        .containsEntry("double", new BigDecimal("19.9"));
    assertThat(MAPPER.readValue(MAPPER.writeValueAsString(event), TouchpointEvent.class))
        .isEqualTo(event);
  }

  @Test
  void customValueOfANonJsonTypeIsRejectedByItsPath() {
    assertThatThrownBy(
            () ->
                TouchpointEvent.builder()
                    .channel(Channel.WEB)
                    .sourceSystem(SourceSystems.SEGMENT_WEB)
                    .sourceKey("m-3")
                    .eventType(EventTypes.TRACK)
                    .occurredAt(SampleEvents.OCCURRED_AT)
                    .receivedAt(SampleEvents.RECEIVED_AT)
                    .custom("cart", Map.of("at", Instant.EPOCH))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("custom.cart.at")
        .hasMessageContaining("java.time.Instant");
  }

  @Test
  void birthDateIsWrittenAsAPlainDateAndReadBackAsALocalDate() throws Exception {
    JsonNode json = MAPPER.valueToTree(SampleEvents.fullyPopulated());

    assertThat(json.at("/person/birth_date").asText()).isEqualTo("1988-02-29");
    assertThat(MAPPER.treeToValue(json, TouchpointEvent.class).person().birthDate())
        .isEqualTo(LocalDate.of(1988, 2, 29));
  }

  @Test
  void instantsAreWrittenAsUtcIsoStrings() throws Exception {
    JsonNode json = MAPPER.valueToTree(SampleEvents.fullyPopulated());

    assertThat(json.get("occurred_at").asText()).isEqualTo("2024-05-01T09:30:00.123456Z");
    assertThat(json.get("received_at").asText()).isEqualTo("2024-05-01T09:30:02Z");
    assertThat(json.at("/properties/call/disconnect_at").asText())
        .isEqualTo("2024-05-01T09:35:12Z");
  }

  @Test
  void instantsWithAnOffsetAreReadAsTheSameUtcInstant() throws Exception {
    ObjectNode json = MAPPER.valueToTree(SampleEvents.minimal());
    json.put("occurred_at", "2024-05-01T11:30:00.123456+02:00");

    TouchpointEvent read = MAPPER.treeToValue(json, TouchpointEvent.class);

    assertThat(read.occurredAt()).isEqualTo(SampleEvents.OCCURRED_AT);
  }

  @Test
  void instantsAreCutToMicrosecondsLikeADeltaTimestamp() {
    TouchpointEvent event =
        TouchpointEvent.builder()
            .channel(Channel.WEB)
            .sourceSystem(SourceSystems.SEGMENT_WEB)
            .sourceKey("m-4")
            .eventType(EventTypes.PAGE)
            .occurredAt(Instant.parse("2024-05-01T09:30:00.123456789Z"))
            .receivedAt(SampleEvents.RECEIVED_AT)
            .build();

    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-05-01T09:30:00.123456Z"));
  }

  @Test
  void enumsAreWrittenInLowercaseSnakeCase() throws Exception {
    JsonNode json = MAPPER.valueToTree(SampleEvents.fullyPopulated());

    assertThat(json.get("channel").asText()).isEqualTo("call_center");
    assertThat(json.at("/identifiers/0/type").asText()).isEqualTo("phone");
    assertThat(MAPPER.writeValueAsString(IdentifierType.ANONYMOUS_ID))
        .isEqualTo("\"anonymous_id\"");
  }

  @Test
  void unknownChannelIsRejectedListingTheAcceptedOnes() {
    ObjectNode json = MAPPER.valueToTree(SampleEvents.minimal());
    json.put("channel", "CALL_CENTER");

    assertThatThrownBy(() -> MAPPER.treeToValue(json, TouchpointEvent.class))
        .hasMessageContaining("channel must be one of web, app, store, email, call_center, crm")
        .hasMessageContaining("'CALL_CENTER'");
  }

  @Test
  void unknownJsonFieldIsRejected() {
    ObjectNode json = MAPPER.valueToTree(SampleEvents.minimal());
    json.put("event_timestamp", "2024-05-01T09:30:00Z");

    assertThatThrownBy(() -> MAPPER.treeToValue(json, TouchpointEvent.class))
        .hasMessageContaining("event_timestamp");
  }

  @Test
  void constructionWithoutEventIdIsRejectedNamingTheField() {
    assertThatThrownBy(() -> copyOfMinimal(null, Channel.WEB, SampleEvents.OCCURRED_AT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("event_id is null");
    assertThatThrownBy(() -> copyOfMinimal(" ", Channel.WEB, SampleEvents.OCCURRED_AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event_id is blank");
  }

  @Test
  void constructionWithoutChannelIsRejectedNamingTheField() {
    assertThatThrownBy(() -> copyOfMinimal("e-1", null, SampleEvents.OCCURRED_AT))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("channel is null");
  }

  @Test
  void constructionWithoutOccurredAtIsRejectedNamingTheField() {
    assertThatThrownBy(() -> copyOfMinimal("e-1", Channel.WEB, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("occurred_at is null");
  }

  @Test
  void jsonWithoutARequiredFieldIsRejectedNamingTheField() {
    for (String field : List.of("event_id", "channel", "occurred_at", "workspace_id")) {
      ObjectNode json = MAPPER.valueToTree(SampleEvents.minimal());
      json.remove(field);

      assertThatThrownBy(() -> MAPPER.treeToValue(json, TouchpointEvent.class))
          .as(field)
          .hasMessageContaining(field + " is null");
    }
  }

  @Test
  void unknownSchemaVersionIsRejected() {
    ObjectNode json = MAPPER.valueToTree(SampleEvents.minimal());
    json.put("schema_version", 2);

    assertThatThrownBy(() -> MAPPER.treeToValue(json, TouchpointEvent.class))
        .hasMessageContaining("schema_version must be between 1 and 1, got 2");
  }

  @Test
  void workspaceIdMustMatchTheWorkspacePattern() {
    assertThatThrownBy(() -> TouchpointEvent.builder().workspaceId("Brand A").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workspace_id must be 1-64 lowercase letters")
        .hasMessageContaining("'Brand A'");
  }

  @Test
  void eventTypeMustBeALowercaseName() {
    assertThatThrownBy(
            () ->
                TouchpointEvent.builder()
                    .channel(Channel.WEB)
                    .sourceSystem(SourceSystems.SEGMENT_WEB)
                    .sourceKey("m-5")
                    .eventType("Order Completed")
                    .occurredAt(SampleEvents.OCCURRED_AT)
                    .receivedAt(SampleEvents.RECEIVED_AT)
                    .build())
        .hasMessageContaining("event_type must match")
        .hasMessageContaining("'Order Completed'");
  }

  @Test
  void nullListElementIsRejectedByItsIndex() {
    List<Identifier> identifiers = new ArrayList<>();
    identifiers.add(Identifier.valid(IdentifierType.EMAIL, "a@b.co", "a@b.co"));
    identifiers.add(null);

    assertThatThrownBy(() -> withIdentifiers(identifiers))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("identifiers[1] is null");
  }

  @Test
  void collectionsAreCopiedSoLaterChangesDoNotLeakIn() {
    List<Identifier> identifiers = new ArrayList<>();
    identifiers.add(Identifier.valid(IdentifierType.EMAIL, "a@b.co", "a@b.co"));
    TouchpointEvent event = withIdentifiers(identifiers);

    identifiers.add(Identifier.invalid(IdentifierType.PHONE, "123"));

    assertThat(event.identifiers()).hasSize(1);
    assertThatThrownBy(() -> event.identifiers().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void customMapIsDeeplyCopiedAndUnmodifiable() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("tier", "gold");
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("loyalty", inner);
    TouchpointEvent event =
        TouchpointEvent.builder()
            .channel(Channel.CRM)
            .sourceSystem(SourceSystems.CRM)
            .sourceKey("C-1")
            .eventType(EventTypes.CUSTOMER_RECORD)
            .occurredAt(SampleEvents.OCCURRED_AT)
            .receivedAt(SampleEvents.RECEIVED_AT)
            .custom(custom)
            .build();

    inner.put("tier", "silver");

    @SuppressWarnings("unchecked")
    Map<String, Object> loyalty = (Map<String, Object>) event.custom().get("loyalty");
    assertThat(loyalty).containsEntry("tier", "gold");
    assertThatThrownBy(() -> loyalty.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderDerivesTheEventIdFromTheNaturalKey() {
    TouchpointEvent event = SampleEvents.minimal();

    assertThat(event.eventId())
        .isEqualTo(EventIds.derive("default", SourceSystems.SEGMENT_WEB, "ajs-msg-1"));
  }

  private static TouchpointEvent copyOfMinimal(
      String eventId, Channel channel, Instant occurredAt) {
    TouchpointEvent m = SampleEvents.minimal();
    return new TouchpointEvent(
        m.schemaVersion(),
        m.workspaceId(),
        eventId,
        channel,
        m.sourceSystem(),
        m.sourceKey(),
        m.sourceVersion(),
        m.eventType(),
        m.eventName(),
        occurredAt,
        m.receivedAt(),
        m.identifiers(),
        m.person(),
        m.properties(),
        m.consent(),
        m.custom(),
        m.sourceRef());
  }

  private static TouchpointEvent withIdentifiers(List<Identifier> identifiers) {
    TouchpointEvent m = SampleEvents.minimal();
    return new TouchpointEvent(
        m.schemaVersion(),
        m.workspaceId(),
        m.eventId(),
        m.channel(),
        m.sourceSystem(),
        m.sourceKey(),
        m.sourceVersion(),
        m.eventType(),
        m.eventName(),
        m.occurredAt(),
        m.receivedAt(),
        identifiers,
        m.person(),
        m.properties(),
        m.consent(),
        m.custom(),
        m.sourceRef());
  }
}
