package io.opencdp.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityFieldsTest {
  private static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");

  @Test
  void readsEachCatalogFieldAtItsColumnPathInTheEventsJson() {
    JsonNode order =
        tree(
            order(
                new OrderProperties(
                    "o-1",
                    null,
                    Money.of("19.90", "USD"),
                    List.of(
                        new LineItem("sku-1", null, 1, null), new LineItem("sku-2", null, 2, null)),
                    null,
                    true)));

    assertThat(ActivityFields.eventValue(order, "channel").asText()).isEqualTo("web");
    assertThat(ActivityFields.eventValue(order, "order.order_id").asText()).isEqualTo("o-1");
    assertThat(ActivityFields.eventValue(order, "order.total.amount").decimalValue())
        .isEqualByComparingTo("19.9");
    assertThat(ActivityFields.eventValue(order, "order.is_return").booleanValue()).isTrue();
    // a field of a list of objects: every element's field, as a Spark column reads it
    assertThat(ActivityFields.eventValue(order, "order.items.sku").toString())
        .isEqualTo("[\"sku-1\",\"sku-2\"]");
    assertThat(ActivityFields.eventValue(order, "order.store_id")).isNull();
    assertThat(ActivityFields.eventValue(order, "email.campaign_id")).isNull();
    assertThat(ActivityFields.eventValue(order, "event_name")).isNull();
  }

  @Test
  void anOrderWithoutItemsHasAnEmptySkuList() {
    JsonNode order = tree(order(new OrderProperties("o-1", null, null, List.of(), null, false)));

    assertThat(ActivityFields.eventValue(order, "order.items.sku").isArray()).isTrue();
    assertThat(ActivityFields.eventValue(order, "order.items.sku")).isEmpty();
    assertThat(ActivityFields.eventValue(order, "order.total.amount")).isNull();
  }

  @Test
  void anUnknownFieldIsRefused() {
    JsonNode order = tree(order(null));
    assertThatThrownBy(() -> ActivityFields.eventValue(order, "order.nope"))
        .hasMessage("not an event field: order.nope");
  }

  private static TouchpointEvent order(OrderProperties order) {
    return TouchpointEvent.builder()
        .channel(Channel.WEB)
        .sourceSystem("segment-web")
        .sourceKey("k-1")
        .eventType("order_completed")
        .occurredAt(AT)
        .receivedAt(AT)
        .properties(order == null ? null : new EventProperties(order, null, null, null, null))
        .build();
  }

  private static JsonNode tree(TouchpointEvent event) {
    return Json.mapper().valueToTree(event);
  }
}
