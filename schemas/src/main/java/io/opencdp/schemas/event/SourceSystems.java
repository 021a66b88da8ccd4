package io.opencdp.schemas.event;

import java.util.regex.Pattern;

/**
 * The source systems the platform ships connectors for, as {@code source_system} spells them. A
 * source system is 1-64 lowercase letters, digits, {@code . _ -}, starting with a letter or digit.
 */
public final class SourceSystems {
  /** Segment-spec messages from the website; source_key = {@code messageId}. */
  public static final String SEGMENT_WEB = "segment-web";

  /** Segment-spec messages from the mobile app; source_key = {@code messageId}. */
  public static final String SEGMENT_APP = "segment-app";

  /** Store POS line items; source_key = {@code <transaction_id>#<line_number>}. */
  public static final String POS = "pos";

  /** SendGrid Event Webhook; source_key = {@code sg_event_id}. */
  public static final String SENDGRID = "sendgrid";

  /** Amazon Connect contact records; source_key = {@code ContactId}. */
  public static final String AMAZON_CONNECT = "amazon-connect";

  /** CRM account export; source_key = {@code customer_id}. */
  public static final String CRM = "crm";

  static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private SourceSystems() {}

  /** The source key of one POS line: the transaction id and the line number. */
  public static String posLineKey(String transactionId, int lineNumber) {
    Checks.nonBlank(transactionId, "transaction_id");
    Checks.optionalPositive(lineNumber, "line_number");
    return transactionId + "#" + lineNumber;
  }
}
