package io.opencdp.resolve.profile;

import static io.opencdp.resolve.profile.Events.call;
import static io.opencdp.resolve.profile.Events.daysAgo;
import static io.opencdp.resolve.profile.Events.onlineOrder;
import static io.opencdp.resolve.profile.Events.posLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.TraitAggregation;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.SourceSystems;
import io.opencdp.schemas.event.TouchpointEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomTraitsTest {
  private static List<TouchpointEvent> timeline() {
    List<TouchpointEvent> events = new ArrayList<>();
    events.add(onlineOrder("W1", daysAgo(120), "100.00", "EUR")); // 117.00 USD (after July 1)
    events.add(onlineOrder("W2", daysAgo(20), "40.00", "USD"));
    events.add(onlineOrder("W3", daysAgo(5), "12.50", "USD"));
    events.add(posLine("T1", 1, daysAgo(60), 1, "19.99"));
    events.add(posLine("T2", 1, daysAgo(10), 1, "19.99"));
    events.add(call("k1", daysAgo(40), "billing"));
    events.add(call("k2", daysAgo(30), "delivery"));
    events.add(call("k3", daysAgo(9), "billing"));
    events.add(call("k4", daysAgo(2), "returns"));
    events.add(
        Events.event("m1", SourceSystems.SEGMENT_WEB, EventTypes.TRACK, daysAgo(3))
            .eventName("Product Viewed")
            .custom("properties", Map.of("sku", "SKU-1", "delivery_method", "express"))
            .build());
    return events;
  }

  @Test
  void countFiltersByEventTypeAndPropertyAndWindow() {
    Map<String, String> traits =
        traits(
            trait(
                "orders", TraitAggregation.COUNT, List.of("order_completed"), null, Map.of(), null),
            trait(
                "web_orders_30d",
                TraitAggregation.COUNT,
                List.of(),
                null,
                Map.of("channel", "web", "event_type", "order_completed"),
                30),
            trait("events", TraitAggregation.COUNT, List.of(), null, Map.of(), null),
            trait(
                "billing_calls",
                TraitAggregation.COUNT,
                List.of("call_contact"),
                null,
                Map.of("properties.call.reason", "billing"),
                null));

    assertThat(traits)
        .containsEntry("orders", "3")
        .containsEntry("web_orders_30d", "2")
        .containsEntry("events", "10")
        .containsEntry("billing_calls", "2");
  }

  @Test
  void sumConvertsMoneyIntoTheReportingCurrency() {
    Map<String, String> traits =
        traits(
            trait(
                "spend", TraitAggregation.SUM, List.of(), "properties.order.total", Map.of(), null),
            trait(
                "spend_30d",
                TraitAggregation.SUM,
                List.of(),
                "properties.order.total",
                Map.of(),
                30),
            trait(
                "call_seconds",
                TraitAggregation.SUM,
                List.of(),
                "properties.call.duration_seconds",
                Map.of(),
                null),
            trait(
                "nothing", TraitAggregation.SUM, List.of("email_open"), "channel", Map.of(), null));

    assertThat(traits)
        .containsEntry("spend", "209.48") // 117.00 + 40.00 + 12.50 + 19.99 + 19.99
        .containsEntry("spend_30d", "72.49")
        .containsEntry("call_seconds", "240")
        .containsEntry("nothing", "0");
  }

  @Test
  void minAndMaxCompareNumbersByValueAndTimesByTime() {
    Map<String, String> traits =
        traits(
            trait(
                "smallest",
                TraitAggregation.MIN,
                List.of(),
                "properties.order.total",
                Map.of(),
                null),
            trait(
                "largest",
                TraitAggregation.MAX,
                List.of(),
                "properties.order.total",
                Map.of(),
                null),
            trait(
                "first_call",
                TraitAggregation.MIN,
                List.of("call_contact"),
                "occurred_at",
                Map.of(),
                null),
            trait(
                "no_value",
                TraitAggregation.MAX,
                List.of(),
                "properties.page.url",
                Map.of(),
                null));

    assertThat(traits)
        .containsEntry("smallest", "12.5")
        .containsEntry("largest", "117")
        .containsEntry("first_call", daysAgo(40).toString())
        .doesNotContainKey("no_value");
  }

  @Test
  void firstAndLastTakeTheEarliestAndLatestMatchingEvent() {
    Map<String, String> traits =
        traits(
            trait(
                "first_reason",
                TraitAggregation.FIRST,
                List.of(),
                "properties.call.reason",
                Map.of(),
                null),
            trait(
                "last_reason",
                TraitAggregation.LAST,
                List.of(),
                "properties.call.reason",
                Map.of(),
                null),
            trait(
                "last_delivery",
                TraitAggregation.LAST,
                List.of(),
                "custom.properties.delivery_method",
                Map.of(),
                null));

    assertThat(traits)
        .containsEntry("first_reason", "billing")
        .containsEntry("last_reason", "returns")
        .containsEntry("last_delivery", "express");
  }

  @Test
  void mostFrequentAndDistinctCount() {
    Map<String, String> traits =
        traits(
            trait(
                "top_reason",
                TraitAggregation.MOST_FREQUENT,
                List.of(),
                "properties.call.reason",
                Map.of(),
                null),
            trait(
                "reasons",
                TraitAggregation.DISTINCT_COUNT,
                List.of(),
                "properties.call.reason",
                Map.of(),
                null),
            trait(
                "channels_30d",
                TraitAggregation.DISTINCT_COUNT,
                List.of(),
                "channel",
                Map.of(),
                30),
            trait(
                "top_reason_30d",
                TraitAggregation.MOST_FREQUENT,
                List.of(),
                "properties.call.reason",
                Map.of(),
                30));

    assertThat(traits)
        .containsEntry("top_reason", "billing")
        .containsEntry("reasons", "3")
        .containsEntry("channels_30d", "3")
        // billing (9 days ago) and returns (2 days ago) once each in the window: the latest wins
        .containsEntry("top_reason_30d", "returns");
  }

  @Test
  void aPathTheEventModelDoesNotHaveFailsNamingTheKey() {
    assertThatThrownBy(
            () ->
                traits(
                    trait(
                        "x",
                        TraitAggregation.SUM,
                        List.of(),
                        "properties.order.totl",
                        Map.of(),
                        null)))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("profiles.custom_traits[0].property")
        .hasMessageContaining("has no field 'totl'")
        .hasMessageContaining("total");
  }

  private static CustomTraitConfig trait(
      String name,
      TraitAggregation aggregation,
      List<String> types,
      String property,
      Map<String, String> where,
      Integer windowDays) {
    return new CustomTraitConfig(name, aggregation, types, property, where, windowDays);
  }

  private static Map<String, String> traits(CustomTraitConfig... traits) {
    ProfileRules rules = Events.rules(Events.defaults().withCustomTraits(List.of(traits)));
    return Events.build(rules, timeline()).customTraits();
  }
}
