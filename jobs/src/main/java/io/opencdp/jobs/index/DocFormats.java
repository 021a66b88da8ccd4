package io.opencdp.jobs.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The value formats of {@link DocJson#OPTIONS} for documents built without Spark ({@link
 * ProfileDocument}): instants as ISO-8601 UTC with six fraction digits and {@code Z}, dates {@code
 * yyyy-MM-dd}, money amounts with the four decimal places of the Delta {@code decimal(18,4)}.
 */
final class DocFormats {
  /** Decimal places of a Delta money amount, as Spark writes it. */
  static final int MONEY_SCALE = 4;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

  private DocFormats() {}

  static String instant(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  static String date(LocalDate date) {
    return DATE.format(date);
  }
}
