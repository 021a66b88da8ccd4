package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Segments.assertConditionRefused;
import static io.opencdp.schemas.segment.Segments.strings;
import static io.opencdp.schemas.segment.Segments.where;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of docs/segments.md answers BAD_ARGUMENT naming the JSON path of the member. */
class SegmentValidationTest {
  private static final String LEAF = "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}";

  static Stream<Arguments> refusedConditions() {
    return Stream.of(
        // shapes
        refused("{}", "condition", "got an empty object"),
        refused("\"country\"", "condition", "must be a condition object"),
        refused("{\"and\": []}", "condition.and", "must hold 1 to 100 conditions, got 0"),
        refused("{\"and\": [" + LEAF + "], \"or\": [" + LEAF + "]}", "condition", "one condition"),
        refused("{\"not\": " + LEAF + ", \"field\": \"country\"}", "condition", "one condition"),
        refused("{\"not\": [" + LEAF + "]}", "condition.not", "must be a condition object"),
        refused("{\"nor\": [" + LEAF + "]}", "condition.nor", "not part of the condition language"),
        // field comparisons
        refused(
            "{\"field\": \"traits.favourite\", \"op\": \"eq\", \"value\": \"x\"}",
            "condition.field",
            "must be a profile field"),
        refused(
            "{\"field\": \"custom_traits.nope\", \"op\": \"eq\", \"value\": \"x\"}",
            "condition.field",
            "must name a custom trait of profiles.custom_traits (custom_traits.favourite_store)"),
        refused("{\"op\": \"eq\", \"value\": \"x\"}", "condition.field", "is required"),
        refused("{\"field\": \"country\", \"value\": \"x\"}", "condition.op", "is required"),
        refused(
            "{\"field\": \"country\", \"op\": \"gt\", \"value\": \"x\"}",
            "condition.op",
            "must be one of eq, neq, in, exists, missing, contains, prefix for text field"
                + " 'country', got 'gt'"),
        refused(
            "{\"field\": \"country\", \"op\": \"like\", \"value\": \"x\"}", "condition.op", "like"),
        refused(
            "{\"field\": \"traits.last_order_at\", \"op\": \"eq\", \"value\": \"2026-01-01\"}",
            "condition.op",
            "for time field"),
        refused(
            "{\"field\": \"traits.channels\", \"op\": \"eq\", \"value\": \"web\"}",
            "condition.op",
            "for text_list field"),
        refused(
            "{\"field\": \"country\", \"op\": \"exists\", \"value\": \"x\"}",
            "condition.value",
            "must be absent for op 'exists'"),
        refused("{\"field\": \"country\", \"op\": \"eq\"}", "condition.value", "is required"),
        refused(
            "{\"field\": \"country\", \"op\": \"eq\", \"value\": 1}", "condition.value", "string"),
        refused(
            "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"\"}",
            "condition.value",
            "1 to 256"),
        refused(
            "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"" + "x".repeat(257) + "\"}",
            "condition.value",
            "1 to 256 characters"),
        refused(
            "{\"field\": \"country\", \"op\": \"eq\", \"value\": null}", "condition.value", "null"),
        refused(
            "{\"field\": \"country\", \"op\": \"in\", \"value\": []}",
            "condition.value",
            "1 to 1000"),
        refused(
            "{\"field\": \"country\", \"op\": \"in\", \"value\": " + strings(1001) + "}",
            "condition.value",
            "must hold 1 to 1000 values, got 1001"),
        refused(
            "{\"field\": \"country\", \"op\": \"in\", \"value\": [\"US\", \"DE\", 3]}",
            "condition.value[2]",
            "string"),
        refused(
            "{\"field\": \"country\", \"op\": \"in\", \"value\": \"US\"}",
            "condition.value",
            "array"),
        refused(
            "{\"field\": \"traits.total_spend\", \"op\": \"between\", \"value\": [1, 2, 3]}",
            "condition.value",
            "[low, high]"),
        refused(
            "{\"field\": \"traits.total_spend\", \"op\": \"between\", \"value\": [5, 3]}",
            "condition.value",
            "low <= high"),
        refused(
            "{\"field\": \"traits.total_spend\", \"op\": \"between\", \"value\": [5, \"9\"]}",
            "condition.value[1]",
            "must be a number"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"between\", \"value\": [\"2000-01-02\", \"2000-01-01\"]}",
            "condition.value",
            "low <= high"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"between\", \"value\": [{\"days_ago\": 1}, {\"days_ago\": 2}]}",
            "condition.value",
            "low <= high"),
        refused(
            "{\"field\": \"traits.order_count\", \"op\": \"gt\", \"value\": 1.5}",
            "condition.value",
            "must be an integer"),
        refused(
            "{\"field\": \"traits.total_spend\", \"op\": \"gt\", \"value\": 1e20}",
            "condition.value",
            "at most 14 integer digits and 4 decimal places"),
        refused(
            "{\"field\": \"traits.total_spend\", \"op\": \"gt\", \"value\": 0.12345}",
            "condition.value",
            "4 decimal places"),
        refused(
            "{\"field\": \"traits.total_spend\", \"op\": \"gt\", \"value\": 1e999999999}",
            "condition.value",
            "14 integer digits"),
        refused(
            "{\"field\": \"traits.email_suppressed\", \"op\": \"eq\", \"value\": \"true\"}",
            "condition.value",
            "must be true or false"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"eq\", \"value\": \"2026-02-30\"}",
            "condition.value",
            "a date yyyy-MM-dd or {\"days_ago\": N}, got '2026-02-30'"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"eq\", \"value\": \"2026-11-01T00:00:00Z\"}",
            "condition.value",
            "a date yyyy-MM-dd"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": {\"days_ago\": -1}}",
            "condition.value.days_ago",
            "must be an integer between 0 and 36500, got -1"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": {\"days_ago\": 36501}}",
            "condition.value.days_ago",
            "36500"),
        refused(
            "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": {}}",
            "condition.value.days_ago",
            "is required"),
        refused(
            "{\"field\": \"traits.last_seen_at\", \"op\": \"gt\", \"value\": \"2026-11-01T09:30:00\"}",
            "condition.value",
            "ISO-8601 instant"),
        refused(
            "{\"field\": \"traits.last_seen_at\", \"op\": \"gt\", \"value\": \"2026-11-01T09:30:00.0001Z\"}",
            "condition.value",
            "to the millisecond"),
        refused(
            "{\"field\": \"traits.last_seen_at\", \"op\": \"between\", \"value\": [\"2026-11-02T00:00:00Z\", \"2026-11-01T00:00:00Z\"]}",
            "condition.value",
            "low <= high"),
        // has_identifier, consent, in_segment
        refused(
            "{\"has_identifier\": \"ssn\"}",
            "condition.has_identifier",
            "must be one of customer_id, loyalty_id, email"),
        refused("{\"has_identifier\": [\"email\"]}", "condition.has_identifier", "an array"),
        refused(
            "{\"consent\": {\"channel\": \"email\"}}", "condition.consent.purpose", "is required"),
        refused(
            "{\"consent\": {\"purpose\": \"Marketing!\"}}",
            "condition.consent.purpose",
            "a consent purpose"),
        refused(
            "{\"consent\": {\"purpose\": \"marketing\", \"channel\": \"e mail\"}}",
            "condition.consent.channel",
            "a contact channel"),
        refused(
            "{\"consent\": {\"purpose\": \"marketing\", \"granted\": false}}",
            "condition.consent.granted",
            "is not a member of a consent condition"),
        refused("{\"consent\": \"marketing\"}", "condition.consent", "{\"purpose\": P"),
        refused("{\"in_segment\": 7}", "condition.in_segment", "a segment id"),
        refused("{\"in_segment\": \" \"}", "condition.in_segment", "a segment id"),
        // event conditions
        refused("{\"event\": {}}", "condition.event.type", "is required"),
        refused(
            "{\"event\": {\"type\": \"order_refunded\"}}",
            "condition.event.type",
            "must be a canonical event type"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"within_last_day\": 7}}",
            "condition.event.within_last_day",
            "is not a member of an event condition"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"where\": " + where(21) + "}}",
            "condition.event.where",
            "must hold 0 to 20 comparisons, got 21"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"where\": [{\"field\": \"first_name\", \"op\": \"eq\", \"value\": \"x\"}]}}",
            "condition.event.where[0].field",
            "must be an event field"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"where\": ["
                + LEAF.replace("country", "channel")
                + ", {\"and\": []}]}}",
            "condition.event.where[1].and",
            "is not a member of a field comparison"),
        refused(
            "{\"event\": {\"type\": \"order_completed\", \"where\": [{\"field\": \"order.total.amount\", \"op\": \"prefix\", \"value\": \"5\"}]}}",
            "condition.event.where[0].op",
            "for number field 'order.total.amount'"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"count\": {}}}",
            "condition.event.count",
            "gte, lte or both"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"count\": {\"gte\": -1}}}",
            "condition.event.count.gte",
            "must be an integer between 0 and 1000000, got -1"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"count\": {\"lte\": 1000001}}}",
            "condition.event.count.lte",
            "between 0 and 1000000"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"count\": {\"gte\": 1.5}}}",
            "condition.event.count.gte",
            "must be an integer"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"count\": {\"gte\": 5, \"lte\": 2}}}",
            "condition.event.count.lte",
            "must not be less than gte (5), got 2"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"count\": {\"eq\": 2}}}",
            "condition.event.count.eq",
            "is not a member of a count"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"within_last_days\": 0}}",
            "condition.event.within_last_days",
            "between 1 and 3650, got 0"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"within_last_days\": 3651}}",
            "condition.event.within_last_days",
            "between 1 and 3650"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"within_last_days\": 7, \"between\": {\"from\": \"2026-01-01\", \"to\": \"2026-01-02\"}}}",
            "condition.event.between",
            "cannot be combined with within_last_days"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"between\": {\"from\": \"2026-01-02\", \"to\": \"2026-01-01\"}}}",
            "condition.event.between.to",
            "must not be before from (2026-01-02)"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"between\": {\"from\": \"2026-01-02\"}}}",
            "condition.event.between.to",
            "is required"),
        refused(
            "{\"event\": {\"type\": \"email_open\", \"between\": {\"from\": {\"days_ago\": 3}, \"to\": \"2026-01-01\"}}}",
            "condition.event.between.from",
            "must be a date yyyy-MM-dd"),
        // paths go all the way down
        refused(
            "{\"and\": ["
                + LEAF
                + ", {\"not\": {\"or\": ["
                + LEAF
                + ", {\"event\": {\"type\": \"email_open\", \"count\": {\"gte\": -1}}}]}}]}",
            "condition.and[1].not.or[1].event.count.gte",
            "must be an integer between 0 and 1000000, got -1"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("refusedConditions")
  void everyRuleAnswersBadArgumentWithThePathOfTheMember(
      String condition, String path, String message) {
    assertConditionRefused(condition, path)
        .hasMessageStartingWith("field '" + path + "' ")
        .hasMessageContaining(message);
  }

  private static Arguments refused(String json, String path, String message) {
    return Arguments.of(json, path, message);
  }
}
