package io.opencdp.ingest.connector;

import static io.opencdp.ingest.connector.Lines.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PosCsvConnectorTest extends AbstractConnectorConformanceTest {
  static final String HEADER =
      "transaction_id,line_number,store_id,register_id,transaction_ts,loyalty_id,card_last4,"
          + "first_name,last_name,phone,zip,sku,description,quantity,unit_price,currency";

  static final String LINE =
      "S003-01-20261015-12345678,2,S003,R01,2026-10-15 09:30:00,L555,1234,Ann,Lee,+12125550147,"
          + "90012,SKU-1,\"Tee, \"\"White\"\"\",2,19.90,USD";

  @Override
  String sourceName() {
    return "pos";
  }

  @Override
  String header() {
    return HEADER;
  }

  @Override
  String validRecord() {
    return LINE;
  }

  @Override
  String expectedSourceKey() {
    return "S003-01-20261015-12345678#2";
  }

  @Override
  void assertMapsEveryField(TouchpointEvent e) {
    assertThat(e.eventType()).isEqualTo(EventTypes.ORDER_LINE);
    // S003 is in Los Angeles: 09:30 PDT is 16:30 UTC
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-15T16:30:00Z"));
    assertThat(e.receivedAt()).isEqualTo(INGESTED_AT);
    assertThat(e.identifiers())
        .extracting(i -> i.type() + "=" + i.normalized())
        .containsExactlyInAnyOrder("LOYALTY_ID=L555", "PHONE=+12125550147");
    var order = e.properties().order();
    assertThat(order.orderId()).isEqualTo("S003-01-20261015-12345678");
    assertThat(order.lineNumber()).isEqualTo(2);
    assertThat(order.storeId()).isEqualTo("S003");
    assertThat(order.isReturn()).isFalse();
    assertThat(order.total()).isEqualTo(Money.of("39.80", "USD"));
    assertThat(order.items())
        .containsExactly(new LineItem("SKU-1", "Tee, \"White\"", 2, Money.of("19.90", "USD")));
    assertThat(e.person().firstName()).isEqualTo("Ann");
    assertThat(e.person().lastName()).isEqualTo("Lee");
    assertThat(e.person().phone()).isEqualTo("+12125550147");
    assertThat(e.person().address()).isEqualTo(new PostalAddress(null, null, null, "90012", null));
    assertThat(e.custom())
        .containsOnly(Map.entry("register_id", "R01"), Map.entry("card_last4", "1234"));
  }

  @Override
  String messyContactRecord() {
    return replace(replace(LINE, ",Ann,", ",  Ann  ,"), "+12125550147", "212.555.0147");
  }

  @Override
  String expectedEmail() {
    return null;
  }

  @Override
  String expectedPhone() {
    return "+12125550147";
  }

  @Override
  String expectedFirstName() {
    return "Ann";
  }

  @Override
  String redeliveryOfValidRecord() {
    return replace(LINE, ",R01,", ",R02,");
  }

  @Override
  String recordWithInvalidContact() {
    return replace(LINE, "+12125550147", "n/a");
  }

  @Override
  IdentifierType invalidContactType() {
    return IdentifierType.PHONE;
  }

  @Override
  String recordWithinFutureTolerance() {
    // 17:05 PDT on Oct 31 is 00:05 UTC on Nov 1: five minutes after the run
    return replace(LINE, "2026-10-15 09:30:00", "2026-10-31 17:05:00");
  }

  @Override
  Optional<String> anonymousRecord() {
    return Optional.of(replace(replace(LINE, ",L555,", ",,"), "+12125550147", ""));
  }

  @Override
  Map<BadRecord, BadCase> badRecords() {
    return Map.of(
        BadRecord.TRUNCATED,
        new BadCase(
            LINE.substring(0, LINE.lastIndexOf(",19.90")),
            ReasonCodes.CSV_COLUMN_COUNT,
            "14 columns"),
        BadRecord.TOO_MANY_COLUMNS,
        new BadCase(LINE + ",extra", ReasonCodes.CSV_COLUMN_COUNT, "17 columns"),
        BadRecord.WRONG_TYPE,
        new BadCase(replace(LINE, ",2,19.90,", ",two,19.90,"), ReasonCodes.WRONG_TYPE, "quantity"),
        BadRecord.TIMESTAMP_INVALID,
        new BadCase(
            replace(LINE, "2026-10-15 09:30:00", "10/15/2026 9:30 AM"),
            ReasonCodes.TIMESTAMP_INVALID,
            "transaction_ts"),
        BadRecord.IMPOSSIBLE_DATE,
        new BadCase(
            replace(LINE, "2026-10-15 09:30:00", "2026-02-30 09:30:00"),
            ReasonCodes.DATE_IMPOSSIBLE,
            "transaction_ts"),
        BadRecord.FUTURE_TIMESTAMP,
        new BadCase(
            replace(LINE, "2026-10-15 09:30:00", "2026-10-31 17:30:00"),
            ReasonCodes.TIMESTAMP_IN_FUTURE,
            "transaction_ts"),
        BadRecord.MISSING_NATURAL_KEY,
        new BadCase(
            replace(LINE, "S003-01-20261015-12345678,", ","),
            ReasonCodes.MISSING_FIELD,
            "transaction_id"));
  }

  @Override
  Map<BadRecord, String> notApplicable() {
    return Map.of(
        BadRecord.UNKNOWN_EVENT_TYPE, "a POS row has no type: every row is a line item",
        BadRecord.MISSING_IDENTIFIER, "a walk-in sale with no loyalty id or phone is still a sale");
  }

  @Test
  void aNegativeQuantityIsAReturnLine() {
    TouchpointEvent e = event(replace(LINE, ",2,19.90,", ",-1,19.90,"));

    assertThat(e.eventType()).isEqualTo(EventTypes.RETURN_LINE);
    assertThat(e.properties().order().isReturn()).isTrue();
    assertThat(e.properties().order().total()).isEqualTo(Money.of("-19.90", "USD"));
    assertThat(e.properties().order().items().get(0).quantity()).isEqualTo(-1);
  }

  @Test
  void aStoreWithoutAConfiguredZoneUsesTheDefaultZone() {
    TouchpointEvent e = event(replace(LINE, ",S003,", ",S999,"));

    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-10-15T13:30:00Z"));
  }

  @Test
  void aHeaderWithoutAMappedColumnDeadLettersEveryRow() {
    Connector.FileParser parser =
        connector().open(FILE, HEADER.replace("transaction_ts", "ts"), INGESTED_AT);

    ParseResult result = parser.parse(new RawRecord(FILE, 2, 100, LINE));

    DeadLetter dead = ((ParseResult.Rejected) result).deadLetter();
    assertThat(dead.reasonCode()).isEqualTo(ReasonCodes.CSV_HEADER_MISMATCH);
    assertThat(dead.message()).contains("'transaction_ts'").contains("csv_mapping.occurred_at");
  }

  @Test
  void aFullCardNumberIsDeadLetteredAndMasked() {
    DeadLetter dead = deadLetter(replace(LINE, ",1234,", ",4111111111111111,"));

    assertThat(dead.reasonCode()).isEqualTo(ReasonCodes.CARD_NUMBER_IN_RECORD);
    assertThat(dead.rawText()).doesNotContain("4111111111111111").contains("************1111");
    assertThat(dead.message()).doesNotContain("4111");
  }

  @Test
  void anUnterminatedQuoteIsMalformed() {
    DeadLetter dead = deadLetter(replace(LINE, "\"Tee, \"\"White\"\"\"", "\"Tee"));

    assertThat(dead.reasonCode()).isEqualTo(ReasonCodes.CSV_MALFORMED);
  }

  @Test
  void parsesQuotedDelimitersAndEscapedQuotes() {
    assertThat(CsvLineParser.parse("a,\"b,c\",\"d\"\"e\",,\"\"", ','))
        .containsExactly("a", "b,c", "d\"e", "", "");
    assertThat(CsvLineParser.parse("x;y", ';')).containsExactly("x", "y");
    assertThat(CsvLineParser.parse("", ',')).containsExactly("");
    assertThat(CsvLineParser.parse("a,", ',')).isEqualTo(List.of("a", ""));
  }
}
