package io.opencdp.ingest.generator;

/** Why a record is malformed. */
enum Malformation {
  TRUNCATED_JSON(Tally.MALFORMED_TRUNCATED_JSON),
  IMPOSSIBLE_DATE(Tally.MALFORMED_IMPOSSIBLE_DATE),
  MISSING_REQUIRED(Tally.MALFORMED_MISSING_REQUIRED);

  final Tally tally;

  Malformation(Tally tally) {
    this.tally = tally;
  }
}
