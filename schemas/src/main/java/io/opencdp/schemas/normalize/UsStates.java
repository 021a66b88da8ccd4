package io.opencdp.schemas.normalize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * USPS codes of the 50 states, DC and the inhabited territories, with their names. The armed-forces
 * codes AA, AE and AP are accepted as codes only.
 */
final class UsStates {
  private static final String[][] STATES = {
    {"AL", "Alabama"},
    {"AK", "Alaska"},
    {"AZ", "Arizona"},
    {"AR", "Arkansas"},
    {"CA", "California"},
    {"CO", "Colorado"},
    {"CT", "Connecticut"},
    {"DE", "Delaware"},
    {"FL", "Florida"},
    {"GA", "Georgia"},
    {"HI", "Hawaii"},
    {"ID", "Idaho"},
    {"IL", "Illinois"},
    {"IN", "Indiana"},
    {"IA", "Iowa"},
    {"KS", "Kansas"},
    {"KY", "Kentucky"},
    {"LA", "Louisiana"},
    {"ME", "Maine"},
    {"MD", "Maryland"},
    {"MA", "Massachusetts"},
    {"MI", "Michigan"},
    {"MN", "Minnesota"},
    {"MS", "Mississippi"},
    {"MO", "Missouri"},
    {"MT", "Montana"},
    {"NE", "Nebraska"},
    {"NV", "Nevada"},
    {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},
    {"NM", "New Mexico"},
    {"NY", "New York"},
    {"NC", "North Carolina"},
    {"ND", "North Dakota"},
    {"OH", "Ohio"},
    {"OK", "Oklahoma"},
    {"OR", "Oregon"},
    {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},
    {"SC", "South Carolina"},
    {"SD", "South Dakota"},
    {"TN", "Tennessee"},
    {"TX", "Texas"},
    {"UT", "Utah"},
    {"VT", "Vermont"},
    {"VA", "Virginia"},
    {"WA", "Washington"},
    {"WV", "West Virginia"},
    {"WI", "Wisconsin"},
    {"WY", "Wyoming"},
    {"DC", "District of Columbia"},
    {"DC", "Washington DC"},
    {"AS", "American Samoa"},
    {"GU", "Guam"},
    {"MP", "Northern Mariana Islands"},
    {"PR", "Puerto Rico"},
    {"VI", "US Virgin Islands"},
    {"VI", "Virgin Islands"},
    {"AA", null},
    {"AE", null},
    {"AP", null},
  };

  private static final Map<String, String> BY_KEY = buildTable();

  private UsStates() {}

  /** The USPS code for a code or name in any case ({@code ny}, {@code New York}), else null. */
  static String toCode(String raw) {
    return BY_KEY.get(CountryNormalizer.key(raw));
  }

  private static Map<String, String> buildTable() {
    Map<String, String> table = new HashMap<>();
    for (String[] state : STATES) {
      table.put(state[0].toLowerCase(Locale.ROOT), state[0]);
      if (state[1] != null) {
        table.put(CountryNormalizer.key(state[1]), state[0]);
      }
    }
    return Map.copyOf(table);
  }
}
