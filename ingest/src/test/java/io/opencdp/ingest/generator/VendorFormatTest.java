package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.generator.GeneratedTree.Line;
import io.opencdp.schemas.config.NoiseRates;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorFormatTest {
  private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
  private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  @TempDir static Path dir;
  static GeneratedTree tree;

  @BeforeAll
  static void generate() throws Exception {
    tree = Generated.generate(Generated.defaults(), 600, 21, dir);
  }

  @Test
  void sendGridEventsCarryTheDocumentedWebhookFields() {
    List<JsonNode> events = tree.wellFormed("email").map(Line::json).toList();
    assertThat(events)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.path("email").isTextual()).isTrue();
              assertThat(e.path("timestamp").isIntegralNumber()).isTrue();
              assertThat(e.path("sg_event_id").asText()).isNotEmpty();
              assertThat(e.path("sg_message_id").asText()).isNotEmpty();
              assertThat(e.path("smtp-id").asText()).startsWith("<").endsWith(">");
              assertThat(e.path("category").isArray() || e.path("category").isTextual()).isTrue();
              assertThat(e.has("campaign_id")).isTrue();
              String event = e.path("event").asText();
              assertThat(event)
                  .isIn(
                      "processed",
                      "delivered",
                      "deferred",
                      "bounce",
                      "dropped",
                      "open",
                      "click",
                      "unsubscribe",
                      "spamreport",
                      "group_unsubscribe");
              if (event.equals("open") || event.equals("click")) {
                assertThat(e.has("useragent") && e.has("ip")).isTrue();
              }
              if (event.equals("click")) {
                assertThat(e.path("url").asText()).startsWith("https://");
              }
              if (event.equals("bounce")) {
                assertThat(e.path("type").asText()).isIn("bounce", "blocked");
                assertThat(e.has("reason") && e.has("status")).isTrue();
              }
              if (event.equals("group_unsubscribe")) {
                assertThat(e.path("asm_group_id").isInt()).isTrue();
              }
            });
    Set<String> kinds =
        events.stream().map(e -> e.path("event").asText()).collect(Collectors.toSet());
    assertThat(kinds)
        .contains("processed", "delivered", "open", "click", "bounce", "dropped", "deferred");
  }

  @Test
  void connectRecordsFollowTheContactRecordDataModel() {
    List<JsonNode> records = tree.wellFormed("callcenter").map(Line::json).toList();
    assertThat(records)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.path("AWSContactTraceRecordFormatVersion").asText())
                  .isEqualTo("2017-03-10");
              assertThat(c.path("AWSAccountId").asText()).matches("\\d{12}");
              assertThat(c.path("ContactId").asText()).matches("[0-9a-f-]{36}");
              assertThat(c.path("Channel").asText()).isIn("VOICE", "CHAT");
              assertThat(c.path("InitiationMethod").asText())
                  .isIn("INBOUND", "OUTBOUND", "CALLBACK", "TRANSFER");
              for (String ts :
                  List.of(
                      "InitiationTimestamp",
                      "ConnectedToSystemTimestamp",
                      "DisconnectTimestamp",
                      "LastUpdateTimestamp")) {
                assertThat(c.path(ts).asText()).matches(ISO_SECONDS);
              }
              assertThat(c.has("Agent")).isTrue();
              if (!c.path("Agent").isNull()) {
                assertThat(c.path("Agent").path("Username").asText()).isNotEmpty();
                assertThat(c.path("Agent").path("ARN").asText()).startsWith("arn:aws:connect:");
                assertThat(c.path("Agent").path("AgentInteractionDuration").isInt()).isTrue();
              }
              assertThat(c.path("Queue").path("Name").asText()).isNotEmpty();
              assertThat(c.path("Queue").path("Duration").isInt()).isTrue();
              if (c.path("Channel").asText().equals("VOICE")) {
                assertThat(c.path("CustomerEndpoint").path("Type").asText())
                    .isEqualTo("TELEPHONE_NUMBER");
                assertThat(c.path("CustomerEndpoint").path("Address").asText())
                    .matches("\\+\\d{11,13}");
                assertThat(c.path("SystemEndpoint").path("Type").asText())
                    .isEqualTo("TELEPHONE_NUMBER");
              }
              assertThat(c.path("Attributes").isObject()).isTrue();
              c.path("Attributes").forEach(v -> assertThat(v.isTextual()).isTrue());
            });
    assertThat(records)
        .anyMatch(c -> c.path("Agent").isNull())
        .anyMatch(c -> c.path("Channel").asText().equals("CHAT"));
    assertThat(records)
        .anyMatch(c -> c.path("Attributes").has("birth_date"))
        .anyMatch(c -> c.path("Attributes").has("loyalty_id"));
  }

  @Test
  void segmentMessagesFollowTheSpec() {
    List<Line> lines =
        tree.lines.stream()
            .filter(l -> l.channel().equals("web") || l.channel().equals("app"))
            .filter(l -> !l.malformedInTruth())
            .toList();
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(
            l -> {
              JsonNode m = l.json();
              String type = m.path("type").asText();
              assertThat(type).isIn("identify", "track", "page", "screen", "alias");
              assertThat(m.path("messageId").asText()).isNotEmpty();
              assertThat(m.path("anonymousId").asText()).isNotEmpty();
              for (String ts : List.of("timestamp", "originalTimestamp", "sentAt", "receivedAt")) {
                assertThat(m.path(ts).asText()).matches(ISO_MILLIS);
              }
              assertThat(m.path("version").asInt()).isEqualTo(2);
              assertThat(m.path("context").path("library").path("name").asText())
                  .startsWith("analytics");
              switch (type) {
                case "track" -> assertThat(m.path("event").asText()).isNotEmpty();
                case "identify" -> assertThat(m.path("traits").path("email").isTextual()).isTrue();
                case "page" ->
                    assertThat(m.path("properties").path("url").asText()).startsWith("https://");
                case "screen" -> assertThat(m.path("name").asText()).isNotEmpty();
                default ->
                    assertThat(m.path("previousId").asText())
                        .isEqualTo(m.path("anonymousId").asText());
              }
              if (l.channel().equals("app")) {
                JsonNode device = m.path("context").path("device");
                assertThat(device.path("id").asText()).isNotEmpty();
                assertThat(device.path("type").asText()).isIn("ios", "android");
                assertThat(device.has("manufacturer") && device.has("model")).isTrue();
              } else {
                assertThat(m.path("context").path("userAgent").asText()).startsWith("Mozilla/5.0");
              }
            });
    Set<String> events =
        lines.stream().map(l -> l.json().path("event").asText()).collect(Collectors.toSet());
    assertThat(events).contains("Product Viewed", "Product Added", "Order Completed", "Signed Up");
    assertThat(lines).anyMatch(l -> l.json().path("type").asText().equals("alias"));
    JsonNode order =
        lines.stream()
            .map(Line::json)
            .filter(m -> m.path("event").asText().equals("Order Completed"))
            .findFirst()
            .orElseThrow();
    assertThat(order.path("properties").path("products").isArray()).isTrue();
    assertThat(
            order.path("properties").has("order_id")
                && order.path("properties").has("total")
                && order.path("properties").has("currency"))
        .isTrue();
    assertThat(lines)
        .anyMatch(l -> l.json().path("traits").has("favorite_color"))
        .anyMatch(l -> l.json().path("traits").has("plan"));
    assertThat(lines).anyMatch(l -> l.json().path("traits").path("address").has("postalCode"));
  }

  @Test
  void posRowsAreLineItemsWithStoreLocalTimesAndReturns() {
    assertThat(tree.headers.get("pos")).isEqualTo(Observed.POS_HEADER);
    List<Line> rows = tree.wellFormed("pos").toList();
    assertThat(rows)
        .allSatisfy(
            l -> {
              assertThat(l.csv()).hasSize(16);
              assertThat(l.csv(Observed.POS_HEADER, "store_id")).matches("S\\d{3}");
              assertThat(l.csv(Observed.POS_HEADER, "transaction_ts"))
                  .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
              assertThat(l.csv(Observed.POS_HEADER, "currency")).isEqualTo("USD");
            });
    assertThat(rows).anyMatch(l -> Integer.parseInt(l.csv(Observed.POS_HEADER, "quantity")) < 0);
    assertThat(rows)
        .anyMatch(l -> l.csv(Observed.POS_HEADER, "loyalty_id").isEmpty())
        .anyMatch(l -> !l.csv(Observed.POS_HEADER, "loyalty_id").isEmpty());
    assertThat(rows).anyMatch(l -> l.text().contains("\"\""));
    assertThat(rows).anyMatch(l -> !l.csv(Observed.POS_HEADER, "line_number").equals("1"));
  }

  @Test
  void crmExportHasOneRowPerAccountIncludingSecondAccounts() {
    assertThat(tree.headers.get("crm")).isEqualTo(Observed.CRM_HEADER);
    assertThat(tree.wellFormed("crm")).allSatisfy(l -> assertThat(l.csv()).hasSize(13));
    assertThat(tree.lines("crm")).anyMatch(l -> l.kind().equals("duplicate_account"));
  }

  @Test
  void noiseRateOutsideZeroToOneIsRejectedByItsKey() {
    assertThatThrownBy(() -> new NoiseRates(1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generator.noise.name_typo");
    assertThatThrownBy(
            () -> new NoiseRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -0.1))
        .hasMessageContaining("generator.noise.malformed");
  }
}
