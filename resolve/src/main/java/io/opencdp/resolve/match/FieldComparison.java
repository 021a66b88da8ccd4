package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.normalize.Nicknames;
import java.io.Serializable;
import java.util.List;

/**
 * How one field is compared: its kind, Jaro-Winkler thresholds for names and text, and whether an
 * exact match is weighted by how common the value is (a shared "smith" says less than a shared
 * "zywicki").
 *
 * @param field the field compared
 * @param kind how its values are compared
 * @param thresholds Jaro-Winkler thresholds, strictly decreasing, in (0, 1); only for name and text
 * @param termFrequency whether exact matches are adjusted for the value's frequency
 */
public record FieldComparison(
    MatchField field, ComparisonKind kind, List<Double> thresholds, boolean termFrequency)
    implements Serializable {
  /** The level of a pair in which either value is missing. */
  public static final int NULL_LEVEL = -1;

  /** The label of the null level: either value is missing. */
  public static final String MISSING = "missing";

  public FieldComparison {
    requireNonNull(field, "field is null");
    requireNonNull(kind, "kind is null");
    thresholds = List.copyOf(thresholds);
    String key = field.wireName();
    if (!kind.takesThresholds() && !thresholds.isEmpty()) {
      throw new IllegalArgumentException(
          key + ".thresholds: a " + kind.wireName() + " comparison takes no thresholds");
    }
    double previous = 1.0;
    for (double t : thresholds) {
      if (!(t > 0 && t < previous)) {
        throw new IllegalArgumentException(
            key + ".thresholds must be strictly decreasing values in (0, 1), got " + thresholds);
      }
      previous = t;
    }
  }

  /** Level names, "exact" first and "different" last. */
  public List<String> levelNames() {
    return kind.levelNames(thresholds);
  }

  /**
   * A level as a person reads it: the level's name as the model file writes it ({@code exact},
   * {@code jaro_winkler>=0.92}, {@code one_slip}, {@code day_month_swapped}, {@code two_edits},
   * {@code different}), or {@value #MISSING} for the null level. A nickname (Bob, Robert) sits at
   * the first Jaro-Winkler level and reads as that level.
   */
  public String label(int level) {
    if (level == NULL_LEVEL) {
      return MISSING;
    }
    List<String> names = levelNames();
    if (level < 0 || level >= names.size()) {
      throw new IllegalArgumentException(
          field.wireName() + " has no level " + level + "; levels are " + names);
    }
    return names.get(level);
  }

  /** The number of levels, not counting the null level. */
  public int levelCount() {
    return levelNames().size();
  }

  /** The agreement level of two values, or {@link #NULL_LEVEL} when either is missing. */
  public int level(String a, String b) {
    if (a == null || b == null) {
      return NULL_LEVEL;
    }
    if (a.equals(b)) {
      return 0;
    }
    return switch (kind) {
      case NAME -> givenNameForms(a, b) ? 1 : jaroWinklerLevel(a, b);
      case TEXT -> jaroWinklerLevel(a, b);
      case DATE -> dateLevel(a, b);
      case CODE -> Similarity.oneSlip(a, b) ? 1 : 2;
      case EXACT -> 1;
    };
  }

  /** Bob and Robert are one given name: as close as the closest fuzzy level. */
  private boolean givenNameForms(String a, String b) {
    return field == MatchField.GIVEN_NAME && !thresholds.isEmpty() && Nicknames.sameGivenName(a, b);
  }

  /** Whether a level says the two values agree: any level but "different" and the null level. */
  public boolean agrees(int level) {
    return level >= 0 && level < levelCount() - 1;
  }

  private int jaroWinklerLevel(String a, String b) {
    double similarity = Similarity.jaroWinkler(a, b);
    for (int i = 0; i < thresholds.size(); i++) {
      if (similarity >= thresholds.get(i)) {
        return i + 1;
      }
    }
    return thresholds.size() + 1;
  }

  private static int dateLevel(String a, String b) {
    if (Similarity.oneSlip(a, b)) {
      return 1;
    }
    if (a.length() == 8 && b.length() == 8 && dayMonthSwapped(a, b)) {
      return 2;
    }
    return Similarity.editsUpToTwo(a, b) >= 0 ? 3 : 4;
  }

  private static boolean dayMonthSwapped(String a, String b) {
    return a.regionMatches(0, b, 0, 4)
        && a.regionMatches(4, b, 6, 2)
        && a.regionMatches(6, b, 4, 2);
  }
}
