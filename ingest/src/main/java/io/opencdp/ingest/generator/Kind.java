package io.opencdp.ingest.generator;

import java.util.Locale;

/** The {@code kind} column of {@code truth/records.csv}. */
enum Kind {
  OK(Tally.OK),
  DUPLICATE(Tally.DUPLICATE),
  REDELIVERY(Tally.REDELIVERY),
  DUPLICATE_ACCOUNT(Tally.DUPLICATE_ACCOUNT),
  MALFORMED(Tally.MALFORMED);

  final Tally tally;
  final String label;

  Kind(Tally tally) {
    this.tally = tally;
    this.label = name().toLowerCase(Locale.ROOT);
  }
}
