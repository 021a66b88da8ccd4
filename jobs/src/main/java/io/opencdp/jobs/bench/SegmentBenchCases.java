package io.opencdp.jobs.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.segment.ConsentCondition;
import io.opencdp.schemas.segment.SegmentWindows;
import io.opencdp.schemas.segment.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The segments {@code cdp bench segments} counts: each as a real definition (parsed by {@code
 * SegmentDefinitions.parse} and compiled by {@code SegmentQueries.compile}) and as the same rule
 * written by hand in Java over a profile document, which the full-scan baseline evaluates and which
 * checks the counts.
 */
final class SegmentBenchCases {
  /** One segment: its name, its definition's JSON, and the Java rule over a profile document. */
  record Case(String name, String definitionJson, DocRule rule) {
    Case {
      requireNonNull(name, "name is null");
      requireNonNull(definitionJson, "definitionJson is null");
      requireNonNull(rule, "rule is null");
    }
  }

  /** A segment's condition over one profile document, at the instant {@code windows} was made. */
  @FunctionalInterface
  interface DocRule {
    boolean matches(JsonNode doc, SegmentWindows windows);
  }

  static final Set<String> TRAIT_COUNTRIES = Set.of("DE", "AT", "NL", "FR");

  private static final String COUNTRY_IN =
      "{\"field\": \"country\", \"op\": \"in\", \"value\": [\"DE\", \"AT\", \"NL\", \"FR\"]}";
  private static final String EMAIL_CONSENT =
      "{\"consent\": {\"purpose\": \"marketing\", \"channel\": \"email\"}}";

  static final Case TRAIT_ONLY =
      new Case(
          "trait_only",
          definition(
              "Repeat buyers in DACH, NL and FR with email consent",
              "{\"and\": ["
                  + COUNTRY_IN
                  + ", {\"field\": \"traits.order_count\", \"op\": \"gte\", \"value\": 2}, "
                  + EMAIL_CONSENT
                  + "]}"),
          (doc, windows) ->
              TRAIT_COUNTRIES.contains(doc.path("country").asText())
                  && doc.path("traits").path("order_count").asLong(0) >= 2
                  && emailConsent(doc));

  static final Case EVENT_WINDOW =
      new Case(
          "event_window",
          definition(
              "Two orders in 30 days",
              "{\"event\": {\"type\": \"order_completed\", \"count\": {\"gte\": 2},"
                  + " \"within_last_days\": 30}}"),
          (doc, windows) ->
              events(doc, EventTypes.ORDER_COMPLETED, window(windows, 30), entry -> true) >= 2);

  static final Case COMBINED =
      new Case(
          "combined",
          definition(
              "Consenting DACH/NL/FR buyers of 50+ in 90 days, opened an email this week, not big"
                  + " spenders",
              "{\"and\": ["
                  + COUNTRY_IN
                  + ", "
                  + EMAIL_CONSENT
                  + ", {\"event\": {\"type\": \"order_completed\", \"where\": [{\"field\":"
                  + " \"order.total.amount\", \"op\": \"gte\", \"value\": 50}],"
                  + " \"within_last_days\": 90}}"
                  + ", {\"event\": {\"type\": \"email_open\", \"within_last_days\": 7}}"
                  + ", {\"not\": {\"field\": \"traits.total_spend\", \"op\": \"gte\","
                  + " \"value\": 1000}}"
                  + "]}"),
          (doc, windows) ->
              TRAIT_COUNTRIES.contains(doc.path("country").asText())
                  && emailConsent(doc)
                  && events(
                          doc,
                          EventTypes.ORDER_COMPLETED,
                          window(windows, 90),
                          entry ->
                              entry.path("order_total_amount").isNumber()
                                  && entry.path("order_total_amount").asDouble() >= 50)
                      >= 1
                  && events(doc, EventTypes.EMAIL_OPEN, window(windows, 7), entry -> true) >= 1
                  && !(doc.path("traits").path("total_spend").path("amount").isNumber()
                      && doc.path("traits").path("total_spend").path("amount").asDouble() >= 1000));

  static final List<Case> ALL = List.of(TRAIT_ONLY, EVENT_WINDOW, COMBINED);

  private SegmentBenchCases() {}

  private static String definition(String name, String condition) {
    return "{\"name\": \"" + name + "\", \"condition\": " + condition + "}";
  }

  /**
   * Consent for marketing on email by the rule of docs/profiles.md: its own row granted, or no row
   * of its own and the channel-less row granted.
   */
  static boolean emailConsent(JsonNode doc) {
    Set<String> granted = new HashSet<>();
    doc.path("consent_granted").forEach(key -> granted.add(key.asText()));
    if (granted.contains(ConsentCondition.grantedKey("marketing", "email"))) {
      return true;
    }
    for (JsonNode row : doc.path("consent")) {
      if ("marketing".equals(row.path("purpose").asText())
          && "email".equals(row.path("channel").asText(null))) {
        return false;
      }
    }
    return granted.contains(ConsentCondition.grantedKey("marketing", null));
  }

  /** The window of {@code within_last_days: days}: {@code [start of the day days ago, now)}. */
  private static TimeRange window(SegmentWindows windows, int days) {
    LocalDate first = windows.daysAgo(days);
    return new TimeRange(windows.startOf(first), windows.now());
  }

  /** The {@code activity} entries of {@code type} in {@code window} that {@code where} accepts. */
  static int events(JsonNode doc, String type, TimeRange window, Predicate<JsonNode> where) {
    int count = 0;
    for (JsonNode entry : doc.path(ActivityFields.PATH)) {
      if (!type.equals(entry.path(ActivityFields.EVENT_TYPE).asText())) {
        continue;
      }
      Instant at = Instant.parse(entry.path(ActivityFields.OCCURRED_AT).asText());
      if (window.contains(at) && where.test(entry)) {
        count++;
      }
    }
    return count;
  }
}
