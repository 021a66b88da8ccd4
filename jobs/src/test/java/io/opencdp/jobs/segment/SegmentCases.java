package io.opencdp.jobs.segment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditions {@link SegmentAgreementTest} evaluates on the sample, by name. Values are picked
 * from the sample so that each selects some of its profiles but not all.
 */
final class SegmentCases {
  static final String IN_US = field("country", "eq", "\"US\"");
  static final String BOUGHT = "{\"event\": {\"type\": \"order_completed\"}}";

  static final Map<String, String> ALL = cases();

  private SegmentCases() {}

  private static Map<String, String> cases() {
    Map<String, String> c = new LinkedHashMap<>();
    // text, exact
    c.put("text eq", IN_US);
    c.put("text neq", field("country", "neq", "\"US\""));
    c.put("text in", field("country", "in", "[\"CA\", \"GB\", \"DE\"]"));
    c.put("text prefix", field("postal_code", "prefix", "\"1\""));
    c.put("text contains", field("postal_code", "contains", "\"00\""));
    c.put("text exists", op("postal_code", "exists"));
    c.put("text missing", op("country", "missing"));
    c.put("text eq reason", field("traits.email_suppression_reason", "eq", "\"hard_bounce\""));
    c.put("text neq reason", field("traits.last_call_reason", "neq", "\"billing\""));
    // text, folded
    c.put("folded eq", field("first_name", "eq", "\"MARÍA\""));
    c.put("folded neq", field("last_name", "neq", "\"Smith\""));
    c.put("folded in", field("city", "in", "[\"Springfield\", \"PORTLAND\", \"salem\"]"));
    c.put("folded prefix", field("last_name", "prefix", "\"Mc\""));
    c.put("folded contains", field("first_name", "contains", "\"AN\""));
    c.put("folded exists", op("first_name", "exists"));
    c.put("folded missing", op("city", "missing"));
    // custom trait (text)
    c.put("custom eq", field("custom_traits.web_orders", "eq", "\"0\""));
    c.put("custom neq", field("custom_traits.web_orders", "neq", "\"0\""));
    c.put("custom in", field("custom_traits.web_orders", "in", "[\"1\", \"2\"]"));
    c.put("custom prefix", field("custom_traits.web_orders", "prefix", "\"1\""));
    c.put("custom contains", field("custom_traits.web_orders", "contains", "\"2\""));
    // every profile has the trait and the flag and uses a channel: exists and missing are checked
    // next to a condition that selects some, so answering all or none still shows
    c.put("custom exists", and(op("custom_traits.web_orders", "exists"), IN_US));
    c.put("custom missing", or(op("custom_traits.web_orders", "missing"), IN_US));
    // number, integer
    c.put("integer eq", field("traits.order_count", "eq", "1"));
    c.put("integer neq", field("traits.order_count", "neq", "1"));
    c.put("integer gt", field("traits.order_count", "gt", "2"));
    c.put("integer gte", field("traits.order_count", "gte", "2"));
    c.put("integer lt", field("traits.event_count", "lt", "10"));
    c.put("integer lte", field("traits.event_count", "lte", "10"));
    c.put("integer between", field("traits.event_count", "between", "[5, 15]"));
    c.put("integer in", field("traits.rfm.frequency", "in", "[2, 3]"));
    c.put("integer exists", op("traits.rfm.recency", "exists"));
    c.put("integer missing", op("traits.rfm.recency", "missing"));
    // number, decimal
    c.put("decimal eq", field("traits.total_spend", "eq", "0"));
    c.put("decimal neq", field("traits.total_spend", "neq", "0"));
    c.put("decimal gt", field("traits.total_spend", "gt", "250.5"));
    c.put("decimal gte", field("traits.average_order_value", "gte", "80.25"));
    c.put("decimal lt", field("traits.total_spend", "lt", "99.99"));
    c.put("decimal lte", field("traits.average_order_value", "lte", "40"));
    c.put("decimal between", field("traits.total_spend", "between", "[100, 500.5]"));
    c.put("decimal in", field("traits.returned_amount", "in", "[0, 10]"));
    c.put("decimal exists", op("traits.average_order_value", "exists"));
    c.put("decimal missing", op("traits.average_order_value", "missing"));
    // boolean
    c.put("boolean eq", field("traits.email_suppressed", "eq", "true"));
    c.put("boolean neq", field("traits.email_suppressed", "neq", "true"));
    c.put("boolean exists", and(op("traits.email_suppressed", "exists"), IN_US));
    c.put("boolean missing", or(op("traits.email_suppressed", "missing"), IN_US));
    // date
    c.put("date eq", field("birth_date", "eq", "\"1963-05-12\""));
    c.put("date neq", field("birth_date", "neq", "\"1963-05-12\""));
    c.put("date gt", field("birth_date", "gt", "\"1990-01-01\""));
    c.put("date gte", field("birth_date", "gte", "{\"days_ago\": 14610}"));
    c.put("date lt", field("birth_date", "lt", "\"1970-06-30\""));
    c.put("date lte", field("birth_date", "lte", "{\"days_ago\": 18262}"));
    c.put("date between", field("birth_date", "between", "[\"1980-01-01\", \"1989-12-31\"]"));
    c.put("date exists", op("birth_date", "exists"));
    c.put("date missing", op("birth_date", "missing"));
    // time
    c.put("time gt", field("traits.last_order_at", "gt", "\"2026-10-01\""));
    c.put("time gte", field("traits.last_seen_at", "gte", "{\"days_ago\": 30}"));
    c.put("time lt", field("traits.first_seen_at", "lt", "\"2026-06-01T12:30:00Z\""));
    c.put("time lte", field("traits.last_order_at", "lte", "\"2026-08-15T00:00:00+02:00\""));
    c.put(
        "time between",
        field("traits.last_call_at", "between", "[\"2026-07-01\", {\"days_ago\": 20}]"));
    c.put("time exists", op("traits.last_call_at", "exists"));
    c.put("time missing", op("traits.last_order_at", "missing"));
    // text list
    c.put("list contains", field("traits.channels", "contains", "\"store\""));
    c.put("list in", field("traits.channels", "in", "[\"call_center\", \"app\"]"));
    c.put("list exists", and(op("traits.channels", "exists"), IN_US));
    c.put("list missing", or(op("traits.channels", "missing"), IN_US));
    // identifiers and consent
    c.put("has email", "{\"has_identifier\": \"email\"}");
    c.put("has phone", "{\"has_identifier\": \"phone\"}");
    c.put("has customer_id", "{\"has_identifier\": \"customer_id\"}");
    c.put("has loyalty_id", "{\"has_identifier\": \"loyalty_id\"}");
    c.put("has device_id", "{\"has_identifier\": \"device_id\"}");
    c.put("has anonymous_id", "{\"has_identifier\": \"anonymous_id\"}");
    c.put(
        "consent on email", "{\"consent\": {\"purpose\": \"marketing\", \"channel\": \"email\"}}");
    c.put("consent on sms", "{\"consent\": {\"purpose\": \"marketing\", \"channel\": \"sms\"}}");
    c.put("consent as a whole", "{\"consent\": {\"purpose\": \"marketing\"}}");
    // the sample's web consent banner: channel-less only, so a channel is decided by it
    c.put("ad targeting consent", "{\"consent\": {\"purpose\": \"ad_targeting\"}}");
    c.put(
        "ad targeting consent on email",
        "{\"consent\": {\"purpose\": \"ad_targeting\", \"channel\": \"email\"}}");
    // named purposes of privacy.purposes: marketing on email, analytics as a whole
    c.put("named purpose marketing_email", "{\"consent\": {\"purpose\": \"marketing_email\"}}");
    c.put("named purpose analytics", "{\"consent\": {\"purpose\": \"analytics\"}}");
    // combinators and references
    c.put("and", and(IN_US, field("traits.order_count", "gte", "1")));
    c.put("or", or(field("country", "neq", "\"US\""), op("traits.last_call_at", "exists")));
    c.put("not", "{\"not\": " + IN_US + "}");
    c.put(
        "nested",
        and(
            or(field("first_name", "prefix", "\"a\""), field("last_name", "prefix", "\"b\"")),
            "{\"not\": " + or(op("birth_date", "missing"), BOUGHT) + "}"));
    c.put("in_segment", "{\"in_segment\": \"seg-us-buyers\"}");
    c.put("not in_segment", "{\"not\": {\"in_segment\": \"seg-us\"}}");
    // events
    c.put("event any", BOUGHT);
    c.put("event gte", event("\"order_completed\", \"count\": {\"gte\": 2}"));
    c.put("event lte", event("\"email_open\", \"count\": {\"lte\": 2}"));
    c.put("event gte and lte", event("\"email_delivered\", \"count\": {\"gte\": 2, \"lte\": 5}"));
    c.put("event did not", "{\"not\": " + event("\"email_open\"") + "}");
    c.put("event lte 0", event("\"email_open\", \"count\": {\"lte\": 0}"));
    c.put("event within", event("\"order_line\", \"within_last_days\": 30"));
    c.put(
        "event within count",
        event("\"email_delivered\", \"within_last_days\": 14, \"count\": {\"gte\": 2}"));
    c.put(
        "event between",
        event(
            "\"order_completed\", \"between\": {\"from\": \"2026-08-01\", \"to\": \"2026-08-31\"}"));
    c.put(
        "where number gte",
        event(
            "\"order_completed\", \"where\": [" + field("order.total.amount", "gte", "100") + "]"));
    c.put(
        "where number between",
        event(
            "\"order_line\", \"where\": ["
                + field("order.total.amount", "between", "[10, 49.99]")
                + "], \"count\": {\"gte\": 2}"));
    c.put(
        "where text",
        event(
            "\"order_line\", \"where\": ["
                + field("order.store_id", "in", "[\"S001\", \"S002\", \"S003\"]")
                + "]"));
    c.put(
        "where boolean",
        event("\"return_line\", \"where\": [" + field("order.is_return", "eq", "true") + "]"));
    c.put(
        "where list",
        event(
            "\"email_open\", \"where\": ["
                + op("email.categories", "exists")
                + ", "
                + field("email.categories", "contains", "\"weekly_newsletter\"")
                + "]"));
    c.put(
        "where list missing",
        event("\"order_line\", \"where\": [" + op("email.categories", "missing") + "]"));
    c.put(
        "where text neq",
        event("\"call_contact\", \"where\": [" + field("call.reason", "neq", "\"billing\"") + "]"));
    c.put(
        "where text missing",
        event("\"order_completed\", \"where\": [" + op("order.store_id", "missing") + "]"));
    c.put(
        "where text prefix",
        event(
            "\"page\", \"within_last_days\": 60, \"where\": ["
                + field("page.path", "prefix", "\"/product\"")
                + "]"));
    c.put(
        "where boolean exists",
        event("\"order_line\", \"where\": [" + op("order.is_return", "exists") + "]"));
    c.put(
        "where boolean missing",
        event(
            "\"email_open\", \"count\": {\"gte\": 3}, \"where\": ["
                + op("order.is_return", "missing")
                + "]"));
    return c;
  }

  static String field(String field, String op, String value) {
    return "{\"field\": \"%s\", \"op\": \"%s\", \"value\": %s}".formatted(field, op, value);
  }

  static String op(String field, String op) {
    return "{\"field\": \"%s\", \"op\": \"%s\"}".formatted(field, op);
  }

  static String and(String... conditions) {
    return "{\"and\": [" + String.join(", ", conditions) + "]}";
  }

  static String or(String... conditions) {
    return "{\"or\": [" + String.join(", ", conditions) + "]}";
  }

  static String event(String typeAndMore) {
    return "{\"event\": {\"type\": " + typeAndMore + "}}";
  }
}
