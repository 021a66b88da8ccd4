package io.opencdp.resolve.match;

import java.util.List;
import java.util.Locale;

/**
 * How one field's two values are compared, and so which agreement levels it has. Level 0 is always
 * an exact match and the last level is "different"; a missing value on either side is the null
 * level, which carries no weight.
 */
public enum ComparisonKind {
  /**
   * Person names: exact, then one level per Jaro-Winkler threshold, highest first; on the given
   * name, a nickname of the other (Bob, Robert) is at the first of those levels.
   */
  NAME,
  /** Free text such as a street or a city: like {@link #NAME}, without name-specific handling. */
  TEXT,
  /**
   * Dates as {@code yyyyMMdd}: exact, one typing slip (one edit or two neighbouring digits
   * swapped), day and month swapped, two edits.
   */
  DATE,
  /** Codes and numbers (postal code, house number, phone): exact, one typing slip. */
  CODE,
  /** Exact or different, nothing in between (a region, a state). */
  EXACT;

  /** The name used in config and model files. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this kind takes Jaro-Winkler thresholds. */
  public boolean takesThresholds() {
    return this == NAME || this == TEXT;
  }

  /** The level names for the given thresholds, "exact" first and "different" last. */
  List<String> levelNames(List<Double> thresholds) {
    return switch (this) {
      case NAME, TEXT -> {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        names.add("exact");
        for (double t : thresholds) {
          names.add("jaro_winkler>=" + t);
        }
        names.add("different");
        yield List.copyOf(names);
      }
      case DATE -> List.of("exact", "one_slip", "day_month_swapped", "two_edits", "different");
      case CODE -> List.of("exact", "one_slip", "different");
      case EXACT -> List.of("exact", "different");
    };
  }

  /** The kind with this config name; fails naming the value and the accepted ones. */
  public static ComparisonKind fromWireName(String name) {
    for (ComparisonKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown comparison '" + name + "'; expected one of name, text, date, code, exact");
  }
}
