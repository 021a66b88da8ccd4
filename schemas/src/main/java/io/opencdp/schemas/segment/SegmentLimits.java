package io.opencdp.schemas.segment;

/** The limits of the condition language (docs/segments.md, "Limits" and the member tables). */
public final class SegmentLimits {
  /** Bytes of JSON of one definition. */
  public static final int MAX_DEFINITION_BYTES = 64 * 1024;

  /** Nesting depth of conditions; the top condition is at depth 1. */
  public static final int MAX_DEPTH = 12;

  /** Condition objects in one definition, the comparisons of event {@code where} lists included. */
  public static final int MAX_CONDITIONS = 500;

  /** Conditions of one {@code and} or {@code or}. */
  public static final int MAX_CHILDREN = 100;

  /** Values of one {@code in}. */
  public static final int MAX_IN_VALUES = 1000;

  /** Characters of one text value. */
  public static final int MAX_TEXT_LENGTH = 256;

  /** Characters of a definition's name. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Characters of a definition's description. */
  public static final int MAX_DESCRIPTION_LENGTH = 2000;

  /** Comparisons of one event condition's {@code where}. */
  public static final int MAX_WHERE = 20;

  /** The largest bound of an event condition's {@code count}. */
  public static final int MAX_COUNT = 1_000_000;

  /** The largest {@code within_last_days}. */
  public static final int MAX_WITHIN_LAST_DAYS = 3650;

  /** The largest {@code days_ago}. */
  public static final int MAX_DAYS_AGO = 36_500;

  /** How deep {@code in_segment} references may nest. */
  public static final int MAX_REFERENCE_DEPTH = 8;

  /** Integer digits of a number value (decimal(18,4), as the tables store amounts). */
  public static final int MAX_INTEGER_DIGITS = 14;

  /** Decimal places of a number value. */
  public static final int MAX_DECIMAL_PLACES = 4;

  /** The only version of the condition language. */
  public static final int LANGUAGE_VERSION = 1;

  private SegmentLimits() {}
}
