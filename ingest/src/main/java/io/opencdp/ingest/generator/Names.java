package io.opencdp.ingest.generator;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The nickname table and one-letter typos of names; the names themselves are in {@link NameLists}.
 */
final class Names {
  private static final Map<String, String[]> NICKNAMES =
      Map.ofEntries(
          Map.entry("Robert", new String[] {"Bob", "Rob", "Bobby"}),
          Map.entry("William", new String[] {"Bill", "Will", "Billy"}),
          Map.entry("Elizabeth", new String[] {"Liz", "Beth", "Betsy"}),
          Map.entry("Richard", new String[] {"Rick", "Dick", "Rich"}),
          Map.entry("James", new String[] {"Jim", "Jimmy", "Jamie"}),
          Map.entry("John", new String[] {"Johnny", "Jack"}),
          Map.entry("Michael", new String[] {"Mike", "Mikey"}),
          Map.entry("Christopher", new String[] {"Chris", "Topher"}),
          Map.entry("Joseph", new String[] {"Joe", "Joey"}),
          Map.entry("Thomas", new String[] {"Tom", "Tommy"}),
          Map.entry("Daniel", new String[] {"Dan", "Danny"}),
          Map.entry("Matthew", new String[] {"Matt"}),
          Map.entry("Anthony", new String[] {"Tony"}),
          Map.entry("Charles", new String[] {"Charlie", "Chuck"}),
          Map.entry("Steven", new String[] {"Steve"}),
          Map.entry("Stephen", new String[] {"Steve"}),
          Map.entry("Andrew", new String[] {"Andy", "Drew"}),
          Map.entry("Kenneth", new String[] {"Ken", "Kenny"}),
          Map.entry("Timothy", new String[] {"Tim", "Timmy"}),
          Map.entry("Ronald", new String[] {"Ron", "Ronnie"}),
          Map.entry("Edward", new String[] {"Ed", "Eddie", "Ted"}),
          Map.entry("Nicholas", new String[] {"Nick"}),
          Map.entry("Jonathan", new String[] {"Jon"}),
          Map.entry("Samuel", new String[] {"Sam"}),
          Map.entry("Gregory", new String[] {"Greg"}),
          Map.entry("Alexander", new String[] {"Alex"}),
          Map.entry("Patrick", new String[] {"Pat"}),
          Map.entry("Raymond", new String[] {"Ray"}),
          Map.entry("Benjamin", new String[] {"Ben", "Benny"}),
          Map.entry("Lawrence", new String[] {"Larry"}),
          Map.entry("Jeffrey", new String[] {"Jeff"}),
          Map.entry("Donald", new String[] {"Don", "Donny"}),
          Map.entry("Douglas", new String[] {"Doug"}),
          Map.entry("Zachary", new String[] {"Zach"}),
          Map.entry("Jacob", new String[] {"Jake"}),
          Map.entry("Patricia", new String[] {"Pat", "Patty", "Trish"}),
          Map.entry("Jennifer", new String[] {"Jen", "Jenny"}),
          Map.entry("Margaret", new String[] {"Maggie", "Peggy", "Meg"}),
          Map.entry("Katherine", new String[] {"Kate", "Kathy", "Katie"}),
          Map.entry("Kathleen", new String[] {"Kathy", "Kate"}),
          Map.entry("Catherine", new String[] {"Cathy", "Cate"}),
          Map.entry("Susan", new String[] {"Sue", "Susie"}),
          Map.entry("Deborah", new String[] {"Debbie", "Deb"}),
          Map.entry("Rebecca", new String[] {"Becky", "Becca"}),
          Map.entry("Samantha", new String[] {"Sam", "Sammy"}),
          Map.entry("Jessica", new String[] {"Jess", "Jessie"}),
          Map.entry("Victoria", new String[] {"Vicky", "Tori"}),
          Map.entry("Christina", new String[] {"Tina", "Chris"}),
          Map.entry("Abigail", new String[] {"Abby"}),
          Map.entry("Kimberly", new String[] {"Kim"}),
          Map.entry("Pamela", new String[] {"Pam"}),
          Map.entry("Stephanie", new String[] {"Steph"}),
          Map.entry("Jacqueline", new String[] {"Jackie"}),
          Map.entry("Cynthia", new String[] {"Cindy"}),
          Map.entry("Barbara", new String[] {"Barb", "Barbie"}),
          Map.entry("Dorothy", new String[] {"Dot", "Dottie"}),
          Map.entry("Alexis", new String[] {"Lexi"}),
          Map.entry("Johannes", new String[] {"Hans"}),
          Map.entry("Friedrich", new String[] {"Fritz"}),
          Map.entry("Katharina", new String[] {"Kathi", "Kati"}),
          Map.entry("Maximilian", new String[] {"Max"}),
          Map.entry("Franziska", new String[] {"Franzi"}),
          Map.entry("Elisabeth", new String[] {"Lisa", "Elli"}));

  private static final String KEYBOARD_ROWS = "qwertyuiop|asdfghjkl|zxcvbnm";

  private Names() {}

  /** The nicknames of a first name, or an empty array. */
  static String[] nicknames(String firstName) {
    String[] nicks = NICKNAMES.get(firstName);
    return nicks == null ? new String[0] : nicks;
  }

  static boolean hasNickname(String firstName) {
    return NICKNAMES.containsKey(firstName);
  }

  /**
   * A one-letter typo: transposition of two neighbours, deletion, or substitution by a keyboard
   * neighbour. Never equal to the name or one of its nicknames, ignoring case; the first letter
   * stays.
   */
  static String typo(SplittableRandom r, String name) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String candidate = oneTypo(r, name);
      if (candidate != null && acceptable(name, candidate)) {
        return candidate;
      }
    }
    // names are at least three letters, so appending a doubled last letter always differs
    return name + name.charAt(name.length() - 1);
  }

  private static boolean acceptable(String name, String candidate) {
    if (candidate.length() < 2 || candidate.equalsIgnoreCase(name)) {
      return false;
    }
    for (String nick : nicknames(name)) {
      if (nick.equalsIgnoreCase(candidate)) {
        return false;
      }
    }
    return true;
  }

  private static String oneTypo(SplittableRandom r, String name) {
    int n = name.length();
    if (n < 3) {
      return null;
    }
    char[] c = name.toCharArray();
    int op = r.nextInt(3);
    int i = 1 + r.nextInt(n - 1);
    switch (op) {
      case 0 -> {
        if (i == n - 1) {
          i--;
        }
        if (i < 1 || c[i] == c[i + 1]) {
          return null;
        }
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
      }
      case 1 -> {
        return name.substring(0, i) + name.substring(i + 1);
      }
      default -> {
        char lower = Character.toLowerCase(c[i]);
        int at = KEYBOARD_ROWS.indexOf(lower);
        if (at < 0) {
          return null;
        }
        char repl;
        if (at > 0
            && KEYBOARD_ROWS.charAt(at - 1) != '|'
            && (r.nextBoolean()
                || at + 1 >= KEYBOARD_ROWS.length()
                || KEYBOARD_ROWS.charAt(at + 1) == '|')) {
          repl = KEYBOARD_ROWS.charAt(at - 1);
        } else if (at + 1 < KEYBOARD_ROWS.length() && KEYBOARD_ROWS.charAt(at + 1) != '|') {
          repl = KEYBOARD_ROWS.charAt(at + 1);
        } else {
          return null;
        }
        c[i] = Character.isUpperCase(c[i]) ? Character.toUpperCase(repl) : repl;
        return new String(c);
      }
    }
  }

  /** Lower-case ASCII for email local parts: umlauts spelled out, apostrophes dropped. */
  static String ascii(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 2);
    for (int i = 0; i < name.length(); i++) {
      char c = Character.toLowerCase(name.charAt(i));
      switch (c) {
        case 'ä' -> sb.append("ae");
        case 'ö' -> sb.append("oe");
        case 'ü' -> sb.append("ue");
        case 'ß' -> sb.append("ss");
        case '\'', ' ', '-' -> {}
        default -> sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
