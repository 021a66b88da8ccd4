package io.opencdp.ingest.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** The generated activity span: {@code days} whole UTC days ending with {@code endDate}. */
record Window(LocalDate endDate, int days) {
  long startMs() {
    return (endDate.toEpochDay() - days + 1) * Times.DAY;
  }

  long endMs() {
    return (endDate.toEpochDay() + 1) * Times.DAY;
  }

  long randomInstant(SplittableRandom r) {
    return startMs() + r.nextLong(endMs() - startMs());
  }

  /** A random whole day (its UTC midnight) of the window. */
  long randomDay(SplittableRandom r) {
    return startMs() + r.nextInt(days) * Times.DAY;
  }
}
