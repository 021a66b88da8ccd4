package io.opencdp.schemas.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Given-name short forms (Bob for Robert, Kathy for Katherine or Kathleen) from the bundled table
 * {@code nicknames.txt}: the one place resolve's person counting and probabilistic matching learn
 * that two written first names can be one person. Names are compared lower-cased and ASCII-folded.
 */
public final class Nicknames {
  private static final String RESOURCE = "nicknames.txt";
  private static final Map<String, Set<String>> FORMAL_NAMES_OF = load();

  private Nicknames() {}

  /**
   * The formal names a first name may stand for: itself, plus every formal name it is a short form
   * of ({@code "kathy"} gives kathy, katherine, kathleen, kathryn, catherine).
   */
  public static Set<String> formalForms(String firstName) {
    String key = key(firstName);
    Set<String> formal = FORMAL_NAMES_OF.get(key);
    if (formal == null) {
      return Set.of(key);
    }
    Set<String> forms = new HashSet<>(formal);
    forms.add(key);
    return forms;
  }

  /**
   * Whether two first names are one given name: equal, one a short form of the other, or both short
   * forms of one formal name (Kate and Kathy).
   */
  public static boolean sameGivenName(String a, String b) {
    Set<String> formsA = formalForms(a);
    for (String form : formalForms(b)) {
      if (formsA.contains(form)) {
        return true;
      }
    }
    return false;
  }

  private static String key(String name) {
    return Text.foldDiacritics(name.trim().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> formalOf = new HashMap<>();
    try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        String formal = line.substring(0, colon).strip();
        for (String nick : line.substring(colon + 1).split(",")) {
          formalOf.computeIfAbsent(nick.strip(), k -> new HashSet<>()).add(formal);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    formalOf.replaceAll((nick, formal) -> Set.copyOf(formal));
    return Map.copyOf(formalOf);
  }
}
