package io.opencdp.ingest.generator;

import java.util.Locale;

/**
 * What the manifest counts per file. Field-level counts are per written line (a duplicate delivery
 * counts again) and skip malformed lines, so that reading the files gives the same numbers.
 */
enum Tally {
  RECORDS,
  OK,
  DUPLICATE,
  REDELIVERY,
  DUPLICATE_ACCOUNT,
  MALFORMED,
  MALFORMED_TRUNCATED_JSON,
  MALFORMED_IMPOSSIBLE_DATE,
  MALFORMED_MISSING_REQUIRED,
  /**
   * Segment: received at least a day after its timestamp; POS, SendGrid: delivered 1-12 days late.
   */
  LATE,
  /**
   * The record's event month (timestamp, transaction_ts, InitiationTimestamp) is before the file's.
   */
  LATE_IN_LATER_FILE,
  /** Segment: received 1 to 24 hours after its timestamp. */
  OUT_OF_ORDER,
  /** Segment: sentAt after receivedAt. */
  CLOCK_SKEW,
  NAME_TYPO,
  NICKNAME,
  PHONE_FORMAT,
  EMAIL_FORMAT,
  JUNK_VALUE,
  MISSING_FIELD,
  STORE_PHONE,
  /** App: the message comes from a household's shared tablet. */
  SHARED_DEVICE;

  static final Tally[] ALL = values();

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
