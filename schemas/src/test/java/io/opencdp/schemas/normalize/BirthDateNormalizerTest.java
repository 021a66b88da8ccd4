package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateNormalizerTest {
  private final BirthDateNormalizer birthDates =
      new BirthDateNormalizer(Clock.fixed(Instant.parse("2026-07-14T12:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1990-07-14     | 1990-07-14",
        "19900714       | 1990-07-14",
        "07/14/1990     | 1990-07-14",
        "7/4/1990       | 1990-07-04",
        "' 1990-07-14 ' | 1990-07-14",
        "2000-02-29     | 2000-02-29",
        "1900-01-01     | 1900-01-01",
        "2026-07-14     | 2026-07-14",
      })
  void readsEachAcceptedFormatAsALocalDate(String raw, String expected) {
    Normalized<LocalDate> date = birthDates.normalize(raw);

    assertThat(date.valid()).isTrue();
    assertThat(date.value()).isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1990-02-30",
        "1990-13-01",
        "1990-00-10",
        "1990-04-31",
        "1900-02-29",
        "19900230",
        "02/30/1990",
        "13/01/1990",
        "0/1/1990"
      })
  void rejectsDatesThatDoNotExist(String raw) {
    assertThat(birthDates.normalize(raw).invalidReason()).isEqualTo(InvalidReason.DATE_IMPOSSIBLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1899-12-31", "2026-07-15", "20990101", "01/01/1850"})
  void rejectsDatesInTheFutureOrBefore1900(String raw) {
    Normalized<LocalDate> date = birthDates.normalize(raw);

    assertThat(date.invalidReason()).isEqualTo(InvalidReason.DATE_OUT_OF_RANGE);
    assertThat(date.value()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "14.07.1990",
        "1990/07/14",
        "7/4/90",
        "July 4 1990",
        "1990-7-4",
        "1990-07-14T00:00:00Z",
        "/07/1990",
        "07//1990",
        "199007145",
        "abcdefgh"
      })
  void rejectsOtherFormats(String raw) {
    assertThat(birthDates.normalize(raw).invalidReason()).isEqualTo(InvalidReason.DATE_SYNTAX);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void blankIsEmpty(String raw) {
    assertThat(birthDates.normalize(raw).invalidReason()).isEqualTo(InvalidReason.EMPTY);
  }
}
