package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampNormalizerTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-07-14T13:05:22Z             | 2026-07-14T13:05:22Z",
        "2026-07-14T13:05:22.123+02:00    | 2026-07-14T11:05:22.123Z",
        "2026-07-14T13:05:22.123456789Z   | 2026-07-14T13:05:22.123456789Z",
        "2026-07-14T13:05:22-0500         | 2026-07-14T18:05:22Z",
        "2026-07-14 13:05:22+05:30        | 2026-07-14T07:35:22Z",
        "2026-07-14T00:30:00+01           | 2026-07-13T23:30:00Z",
        "2026-07-14T13:05Z                | 2026-07-14T13:05:00Z",
        "' 2026-07-14t13:05:22z '         | 2026-07-14T13:05:22Z",
        "2024-02-29T12:00:00Z             | 2024-02-29T12:00:00Z",
      })
  void readsIsoTimestampsWithAnOffsetAsUtcInstants(String raw, String expected) {
    Normalized<Instant> timestamp = TimestampNormalizer.parseInstant(raw);

    assertThat(timestamp.valid()).isTrue();
    assertThat(timestamp.value()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-07-14T24:00:00Z",
        "2026-07-14T13:60:00Z",
        "2026-07-14T13:05:60Z",
        "2026-07-14T13:05:22+19:00",
        "2026-07-14T13:05:22+02:60",
        "2026-07-14T13:05:22.Z",
        "2026-07-14T13:05:22.1234567890Z",
        "2026-07-14T13:05:22 UTC",
        "2026-07-14T13:05:22",
        "2026-07-14",
        "14/07/2026 13:05:22Z",
        "yesterday",
        "1784034322",
      })
  void rejectsImpossibleAndMalformedTimestamps(String raw) {
    Normalized<Instant> timestamp = TimestampNormalizer.parseInstant(raw);

    assertThat(timestamp.valid()).isFalse();
    assertThat(timestamp.invalidReason()).isEqualTo(InvalidReason.TIMESTAMP_INVALID);
    assertThat(timestamp.raw()).isEqualTo(raw);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void blankIsEmpty(String raw) {
    assertThat(TimestampNormalizer.parseInstant(raw).invalidReason())
        .isEqualTo(InvalidReason.EMPTY);
    assertThat(TimestampNormalizer.parseEpochSeconds(raw).invalidReason())
        .isEqualTo(InvalidReason.EMPTY);
    assertThat(TimestampNormalizer.parseLocal(raw, NEW_YORK).invalidReason())
        .isEqualTo(InvalidReason.EMPTY);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1784034322     | 2026-07-14T13:05:22Z",
        "' 1784034322 ' | 2026-07-14T13:05:22Z",
        "1784034322.5   | 2026-07-14T13:05:22.500Z",
        "0              | 1970-01-01T00:00:00Z",
        "-1.5           | 1969-12-31T23:59:58.500Z",
      })
  void readsEpochSeconds(String raw, String expected) {
    assertThat(TimestampNormalizer.parseEpochSeconds(raw).value())
        .isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"17840x4322", "1.2.3", "1784034322.", ".5", "-", "99999999999999999", "1e9"})
  void rejectsMalformedEpochSeconds(String raw) {
    assertThat(TimestampNormalizer.parseEpochSeconds(raw).invalidReason())
        .isEqualTo(InvalidReason.TIMESTAMP_INVALID);
  }

  @Test
  void readsEpochMillisAndNumericEpochs() {
    Instant expected = Instant.parse("2026-07-14T13:05:22.123Z");

    assertThat(TimestampNormalizer.parseEpochMillis("1784034322123").value()).isEqualTo(expected);
    assertThat(TimestampNormalizer.fromEpochMillis(1784034322123L).value()).isEqualTo(expected);
    assertThat(TimestampNormalizer.fromEpochSeconds(1784034322L).value())
        .isEqualTo(Instant.parse("2026-07-14T13:05:22Z"));
    assertThat(TimestampNormalizer.fromEpochSeconds(Long.MAX_VALUE).invalidReason())
        .isEqualTo(InvalidReason.TIMESTAMP_INVALID);
    assertThat(TimestampNormalizer.parseEpochMillis("1784034322123.0").invalidReason())
        .isEqualTo(InvalidReason.TIMESTAMP_INVALID);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // summer, EDT (UTC-4)
        "2026-07-14 13:05:22     | 2026-07-14T17:05:22Z",
        // winter, EST (UTC-5)
        "2026-01-14 13:05:22     | 2026-01-14T18:05:22Z",
        "2026-01-14T13:05:22.250 | 2026-01-14T18:05:22.250Z",
        // spring-forward gap: 02:30 does not exist, shifted forward by the hour to 03:30 EDT
        "2026-03-08 02:30:00     | 2026-03-08T07:30:00Z",
        // fall-back overlap: 01:30 happens twice, the earlier offset (EDT) is taken
        "2026-11-01 01:30:00     | 2026-11-01T05:30:00Z",
      })
  void readsStoreLocalTimesInTheStoresZone(String raw, String expected) {
    Normalized<Instant> timestamp = TimestampNormalizer.parseLocal(raw, NEW_YORK);

    assertThat(timestamp.valid()).isTrue();
    assertThat(timestamp.value()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30 10:00:00",
        "2026-07-14 25:00:00",
        "2026-07-14 13:05:22Z",
        "07/14/2026"
      })
  void rejectsImpossibleLocalTimesAndLocalTimesWithAnOffset(String raw) {
    assertThat(TimestampNormalizer.parseLocal(raw, NEW_YORK).invalidReason())
        .isEqualTo(InvalidReason.TIMESTAMP_INVALID);
  }

  @Test
  void localTimeNeedsAZone() {
    assertThatThrownBy(() -> TimestampNormalizer.parseLocal("2026-07-14 13:05:22", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone is null");
  }

  @Test
  void correctsDeviceClockSkewTheWaySegmentDoes() {
    // The device clock runs 2 hours behind: it records the event at 10:00:00 and sends it 5 s
    // later; the server receives it at 12:00:06, so the event happened at 12:00:01 server time.
    Instant timestamp = Instant.parse("2026-07-14T10:00:00Z");
    Instant sentAt = Instant.parse("2026-07-14T10:00:05Z");
    Instant receivedAt = Instant.parse("2026-07-14T12:00:06Z");

    assertThat(TimestampNormalizer.correctedTimestamp(timestamp, sentAt, receivedAt))
        .isEqualTo(Instant.parse("2026-07-14T12:00:01Z"));
  }

  @Test
  void keepsTheTimestampWhenSentAtOrReceivedAtIsMissing() {
    Instant timestamp = Instant.parse("2026-07-14T10:00:00Z");
    Instant other = Instant.parse("2026-07-14T12:00:00Z");

    assertThat(TimestampNormalizer.correctedTimestamp(timestamp, null, other)).isEqualTo(timestamp);
    assertThat(TimestampNormalizer.correctedTimestamp(timestamp, other, null)).isEqualTo(timestamp);
    assertThat(TimestampNormalizer.correctedTimestamp(null, other, other)).isNull();
  }

  @Test
  void aTimestampIsInTheFutureOnlyBeyondTheTolerance() {
    Instant now = Instant.parse("2026-07-14T12:00:00Z");
    Duration tolerance = Duration.ofMinutes(5);

    assertThat(TimestampNormalizer.isInFuture(now.plusSeconds(301), now, tolerance)).isTrue();
    assertThat(TimestampNormalizer.isInFuture(now.plusSeconds(300), now, tolerance)).isFalse();
    assertThat(TimestampNormalizer.isInFuture(now.minusSeconds(3600), now, tolerance)).isFalse();
  }

  @Test
  void rejectsANegativeToleranceNamingIt() {
    Instant now = Instant.parse("2026-07-14T12:00:00Z");

    assertThatThrownBy(() -> TimestampNormalizer.isInFuture(now, now, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance")
        .hasMessageContaining("PT-1S");
  }
}
