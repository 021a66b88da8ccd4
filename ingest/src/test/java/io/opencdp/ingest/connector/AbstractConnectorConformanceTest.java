package io.opencdp.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.event.EventIds;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tests every connector passes (in the spirit of Trino's {@code BaseConnectorTest}): field
 * mapping, normalization, idempotence, and dead letters with stable reasons for bad records. A
 * subclass supplies its source's fixtures: a few hand-written lines.
 */
abstract class AbstractConnectorConformanceTest {
  /** The time of the test's ingest run; fixtures' event times are before it. */
  static final Instant INGESTED_AT = Instant.parse("2026-11-01T00:00:00Z");

  static final String FILE = "landing/test.data";
  static final IngestConfig INGEST = CdpConfig.defaults().ingest();

  /** The source's name in {@code ingest.sources} of cdp-defaults.yaml. */
  abstract String sourceName();

  /** The file's header line; null for sources without one. */
  String header() {
    return null;
  }

  /** A valid record with every mapped field set. */
  abstract String validRecord();

  /** The natural key of {@link #validRecord}. */
  abstract String expectedSourceKey();

  /** Checks that every field of {@link #validRecord} went to the right canonical field. */
  abstract void assertMapsEveryField(TouchpointEvent event);

  /** {@link #validRecord} with its email, phone and first name written in messy variants. */
  abstract String messyContactRecord();

  /** The normalized email of {@link #messyContactRecord}; null when the source has no email. */
  abstract String expectedEmail();

  /** The E.164 phone of {@link #messyContactRecord}; null when the source has no phone. */
  abstract String expectedPhone();

  /** The display first name of {@link #messyContactRecord}; null when the source has none. */
  abstract String expectedFirstName();

  /** Another delivery of {@link #validRecord}'s natural key, with different content. */
  abstract String redeliveryOfValidRecord();

  /** A record whose email or phone fails its syntax checks, and which of the two it is. */
  abstract String recordWithInvalidContact();

  abstract IdentifierType invalidContactType();

  /** A record whose event time is later than its received-at, but within the tolerance. */
  abstract String recordWithinFutureTolerance();

  /** The connector's bad records. */
  abstract Map<BadRecord, BadCase> badRecords();

  /** Kinds of bad record that cannot occur in this source's format, with the reason why. */
  abstract Map<BadRecord, String> notApplicable();

  /** A record with no identifier at all that the source allows (kept as an anonymous event). */
  Optional<String> anonymousRecord() {
    return Optional.empty();
  }

  final Connector connector() {
    return Connectors.create(sourceName(), INGEST, "default");
  }

  final ParseResult parse(String line) {
    return connector().open(FILE, header(), INGESTED_AT).parse(new RawRecord(FILE, 7, 1234, line));
  }

  final TouchpointEvent event(String line) {
    ParseResult result = parse(line);
    assertThat(result)
        .as("expected an event, got %s", result)
        .isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).event();
  }

  final DeadLetter deadLetter(String line) {
    ParseResult result = parse(line);
    assertThat(result)
        .as("expected a dead letter, got %s", result)
        .isInstanceOf(ParseResult.Rejected.class);
    return ((ParseResult.Rejected) result).deadLetter();
  }

  static Optional<Identifier> identifier(TouchpointEvent event, IdentifierType type) {
    return event.identifiers().stream().filter(i -> i.type() == type).findFirst();
  }

  // ---- mapping ------------------------------------------------------------------------------

  @Test
  void mapsEveryFieldOfAValidRecord() {
    assertMapsEveryField(event(validRecord()));
  }

  @Test
  void stampsChannelSourceSystemWorkspaceAndSourceRef() {
    TouchpointEvent event = event(validRecord());
    var source = INGEST.source(sourceName());

    assertThat(event.channel()).isEqualTo(source.channel());
    assertThat(event.sourceSystem()).isEqualTo(source.sourceSystem());
    assertThat(event.workspaceId()).isEqualTo("default");
    assertThat(event.sourceRef().file()).isEqualTo(FILE);
    assertThat(event.sourceRef().line()).isEqualTo(7);
    assertThat(event.sourceRef().offset()).isEqualTo(1234);
  }

  @Test
  void derivesTheEventIdFromTheNaturalKey() {
    TouchpointEvent event = event(validRecord());

    assertThat(event.sourceKey()).isEqualTo(expectedSourceKey());
    assertThat(event.eventId())
        .isEqualTo(EventIds.derive("default", event.sourceSystem(), expectedSourceKey()));
  }

  @Test
  void eventSurvivesAJsonRoundTrip() throws IOException {
    TouchpointEvent event = event(validRecord());

    String json = Json.mapper().writeValueAsString(event);

    assertThat(Json.mapper().readValue(json, TouchpointEvent.class)).isEqualTo(event);
  }

  // ---- normalization ------------------------------------------------------------------------

  @Test
  void normalizesEmailPhoneAndNames() {
    TouchpointEvent event = event(messyContactRecord());

    if (expectedEmail() != null) {
      Identifier email = identifier(event, IdentifierType.EMAIL).orElseThrow();
      assertThat(email.normalized()).isEqualTo(expectedEmail());
      assertThat(email.valid()).isTrue();
      assertThat(email.raw()).isNotEqualTo(expectedEmail());
    }
    if (expectedPhone() != null) {
      Identifier phone = identifier(event, IdentifierType.PHONE).orElseThrow();
      assertThat(phone.normalized()).isEqualTo(expectedPhone());
      assertThat(phone.valid()).isTrue();
    }
    if (expectedFirstName() != null) {
      assertThat(event.person().firstName()).isEqualTo(expectedFirstName());
    }
    assertThat(List.of(expectedEmail() == null, expectedPhone() == null)).contains(false);
  }

  @Test
  void keepsAnInvalidContactValueAsAnInvalidIdentifier() {
    TouchpointEvent event = event(recordWithInvalidContact());

    Identifier invalid = identifier(event, invalidContactType()).orElseThrow();
    assertThat(invalid.valid()).isFalse();
    assertThat(invalid.raw()).isNotBlank();
  }

  // ---- idempotence --------------------------------------------------------------------------

  @Test
  void parsingTheSameLineTwiceGivesEqualEvents() {
    assertThat(event(validRecord())).isEqualTo(event(validRecord()));
  }

  @Test
  void redeliveryOfTheSameNaturalKeyGetsTheSameEventId() {
    TouchpointEvent first = event(validRecord());
    TouchpointEvent again = event(redeliveryOfValidRecord());

    assertThat(again.eventId()).isEqualTo(first.eventId());
    assertThat(again).isNotEqualTo(first);
  }

  // ---- bad records --------------------------------------------------------------------------

  @Test
  void declaresEveryKindOfBadRecordOrSaysWhyItCannotOccur() {
    Set<BadRecord> declared = EnumSet.noneOf(BadRecord.class);
    declared.addAll(badRecords().keySet());
    assertThat(notApplicable().keySet()).doesNotContainAnyElementsOf(badRecords().keySet());
    declared.addAll(notApplicable().keySet());
    assertThat(declared).containsExactlyInAnyOrder(BadRecord.values());
    assertThat(badRecords())
        .containsKeys(
            BadRecord.TRUNCATED,
            BadRecord.TIMESTAMP_INVALID,
            BadRecord.FUTURE_TIMESTAMP,
            BadRecord.MISSING_NATURAL_KEY);
  }

  @Test
  void deadLettersATruncatedRecord() {
    assertDeadLetter(BadRecord.TRUNCATED);
  }

  @Test
  void deadLettersARowWithTooManyColumns() {
    assertDeadLetter(BadRecord.TOO_MANY_COLUMNS);
  }

  @Test
  void deadLettersAFieldOfTheWrongType() {
    assertDeadLetter(BadRecord.WRONG_TYPE);
  }

  @Test
  void deadLettersAnUnreadableTimestamp() {
    assertDeadLetter(BadRecord.TIMESTAMP_INVALID);
  }

  @Test
  void deadLettersAnImpossibleDate() {
    assertDeadLetter(BadRecord.IMPOSSIBLE_DATE);
  }

  @Test
  void deadLettersAnEventTimeBeyondTheFutureTolerance() {
    assertDeadLetter(BadRecord.FUTURE_TIMESTAMP);
  }

  @Test
  void acceptsAnEventTimeWithinTheFutureTolerance() {
    event(recordWithinFutureTolerance());
  }

  @Test
  void deadLettersAnUnknownEventType() {
    assertDeadLetter(BadRecord.UNKNOWN_EVENT_TYPE);
  }

  @Test
  void deadLettersARecordWithoutItsRequiredIdentifier() {
    assertDeadLetter(BadRecord.MISSING_IDENTIFIER);
  }

  @Test
  void deadLettersARecordWithoutItsNaturalKey() {
    assertDeadLetter(BadRecord.MISSING_NATURAL_KEY);
  }

  @Test
  void keepsAnAnonymousRecordWhereTheSourceAllowsOne() {
    assumeTrue(anonymousRecord().isPresent(), "the source requires an identifier");

    TouchpointEvent event = event(anonymousRecord().get());

    assertThat(event.identifiers()).isEmpty();
  }

  @Test
  void saysWhetherARecordWithoutIdentifiersIsKeptOrDeadLettered() {
    assertThat(anonymousRecord().isPresent())
        .as("exactly one of anonymousRecord() and the MISSING_IDENTIFIER bad case")
        .isNotEqualTo(badRecords().containsKey(BadRecord.MISSING_IDENTIFIER));
  }

  @Test
  void deadLetterKeepsTheRawTextItsLocationAndTheSource() {
    BadCase bad = badRecords().get(BadRecord.MISSING_NATURAL_KEY);

    DeadLetter dead = deadLetter(bad.line());

    assertThat(dead.rawText()).isEqualTo(bad.line());
    assertThat(dead.file()).isEqualTo(FILE);
    assertThat(dead.line()).isEqualTo(7);
    assertThat(dead.offset()).isEqualTo(1234);
    assertThat(dead.channel()).isEqualTo(INGEST.source(sourceName()).channel());
    assertThat(dead.sourceSystem()).isEqualTo(INGEST.source(sourceName()).sourceSystem());
  }

  @Test
  void keepsGoodRecordsAroundABadOne() throws IOException {
    String bad = badRecords().get(BadRecord.TRUNCATED).line();
    StringBuilder file = new StringBuilder();
    if (header() != null) {
      file.append(header()).append('\n');
    }
    file.append(validRecord()).append('\n').append(bad).append('\n');
    file.append(redeliveryOfValidRecord()).append('\n');
    List<ParseResult> results = new ArrayList<>();

    LandedFileParser.Summary summary =
        LandedFileParser.parse(
            new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
            FILE,
            connector(),
            INGEST.maxLineBytes(),
            INGESTED_AT,
            results::add);

    assertThat(results).hasSize(3);
    assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    assertThat(results.get(1)).isInstanceOf(ParseResult.Rejected.class);
    assertThat(results.get(2)).isInstanceOf(ParseResult.Parsed.class);
    int firstLine = header() == null ? 1 : 2;
    assertThat(((ParseResult.Rejected) results.get(1)).deadLetter().line())
        .isEqualTo(firstLine + 1);
    assertThat(summary.events()).isEqualTo(2);
    assertThat(summary.deadLetters()).isEqualTo(1);
  }

  private void assertDeadLetter(BadRecord kind) {
    assumeTrue(
        badRecords().containsKey(kind), () -> "not applicable: " + notApplicable().get(kind));
    BadCase bad = badRecords().get(kind);

    DeadLetter dead = deadLetter(bad.line());

    assertThat(dead.reasonCode()).as(dead.message()).isEqualTo(bad.reasonCode());
    assertThat(ReasonCodes.ALL).contains(dead.reasonCode());
    assertThat(dead.message()).contains(bad.named());
    assertThat(dead.rawText()).isNotEmpty();
  }
}
