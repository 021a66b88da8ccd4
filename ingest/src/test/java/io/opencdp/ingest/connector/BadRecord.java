package io.opencdp.ingest.connector;

/** The kinds of bad record the conformance suite feeds every connector. */
enum BadRecord {
  /** A truncated JSON line, or a CSV row with too few columns. */
  TRUNCATED,
  /** A CSV row with more columns than the header. */
  TOO_MANY_COLUMNS,
  /** A field of the wrong type (a number where a string belongs, text where a number does). */
  WRONG_TYPE,
  /** An event time that does not parse. */
  TIMESTAMP_INVALID,
  /** An event time in the right shape naming a date that does not exist. */
  IMPOSSIBLE_DATE,
  /** An event time later than its received-at by more than the tolerance. */
  FUTURE_TIMESTAMP,
  /** A type the connector does not know. */
  UNKNOWN_EVENT_TYPE,
  /** No identifier the source requires. */
  MISSING_IDENTIFIER,
  /** No natural key. */
  MISSING_NATURAL_KEY
}
