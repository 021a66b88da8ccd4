package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.NameNormalizer;
import io.opencdp.schemas.normalize.Nicknames;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.PersonName;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides from usage statistics whether an identifier is shared by several persons. A shared
 * identifier stays on every profile that uses it ({@code identity_map.is_shared}) but never merges
 * profiles: its links are dropped with {@code shared_identifier}.
 *
 * <ul>
 *   <li>An <b>email or phone</b> is shared when more than {@code
 *       shared.max_persons_per_email_or_phone} (default 1) distinct persons use it, counted by
 *       name: a household's email or landline, a store's default phone that cashiers type for
 *       walk-ins, a junk value the block lists miss, an office switchboard. One, because persons
 *       are counted tolerantly (below), not as raw name strings: a value seen with two different
 *       persons is not personal, and linking on it is what makes one customer see another's orders.
 *       Amperity's 20 counts raw spellings in messy data; with typo- and nickname-tolerant counting
 *       the honest threshold is the person, not the spelling. Records carrying the value keep it
 *       (identity_map lists it as shared on each profile) and still link by their other
 *       identifiers.
 *   <li>A <b>device id or anonymous id</b> is shared when more than {@code
 *       shared.max_customer_ids_per_device} (default 1) distinct customer ids used it: a family
 *       tablet (or its app install) on which two customers logged in. With the customer id limit of
 *       1 it could join only one of them anyway, and its anonymous events would go to whichever
 *       logged in first.
 *   <li>Customer and loyalty ids are never shared by this rule; their limits cover them.
 * </ul>
 *
 * <p><b>Counting persons by name.</b> One person writes their name several ways (nicknames, typos,
 * upper case): in the seeded sample one person's email or phone carries up to 4 distinct spellings.
 * {@link #distinctPersons} therefore groups spellings: two names are one person when their last
 * names are within one edit (insert, delete, substitute, or swap two adjacent letters) and their
 * first names are within one edit, or are one given name by the {@link Nicknames} table (Bob and
 * Robert, Kathy and Kathleen), or a typo of one. A name without a first name matches any first name
 * with that last name. Household members with different first names (Maria and Margaret Peters)
 * count as two.
 *
 * <p>The batch computes the statistics (Spark: {@code collect_set} of {@link #nameKey} and a count
 * of distinct customer ids per identifier) and calls {@link #check}; the stream does the same with
 * its per-identifier state.
 */
public final class SharedIdentifierDetector implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final char SEPARATOR = '|';

  private final int maxPersons;
  private final int maxCustomerIds;

  private SharedIdentifierDetector(int maxPersons, int maxCustomerIds) {
    this.maxPersons = maxPersons;
    this.maxCustomerIds = maxCustomerIds;
  }

  /** The thresholds of {@code resolve.guardrails.shared}. */
  public static SharedIdentifierDetector from(GuardrailConfig config) {
    requireNonNull(config, "config is null");
    return new SharedIdentifierDetector(
        config.maxPersonsPerContact(), config.maxCustomerIdsPerDevice());
  }

  /**
   * The name key the person count is computed over: the ASCII-folded, lowercased first and last
   * names joined by {@code |} ({@code "kathleen|smith"}); null when both are empty. The one
   * definition batch and stream use.
   */
  public static String nameKey(String firstName, String lastName) {
    String first = folded(firstName);
    String last = folded(lastName);
    if (first.isEmpty() && last.isEmpty()) {
      return null;
    }
    return first + SEPARATOR + last;
  }

  private static String folded(String name) {
    Normalized<PersonName> n = NameNormalizer.normalize(name);
    return n.valid() ? n.value().asciiFolded().replace(SEPARATOR, ' ') : "";
  }

  /**
   * How many distinct persons the name keys stand for (see the class comment). Deterministic: the
   * keys are visited in sorted order; a key joins every earlier person it matches. Stops counting
   * once the count exceeds {@code stopAbove}, so a store phone with thousands of names costs
   * little.
   */
  public static int distinctPersons(Collection<String> nameKeys, int stopAbove) {
    // each person is the spellings that joined it; a key that matches spellings of several persons
    // joins them into one (Bbo and Bobby meet through Bob), so the count is order-independent
    List<List<String[]>> persons = new ArrayList<>();
    for (String key : new TreeSet<>(nameKeys)) {
      int bar = key.indexOf(SEPARATOR);
      String[] name =
          bar < 0
              ? new String[] {"", key}
              : new String[] {key.substring(0, bar), key.substring(bar + 1)};
      List<String[]> joined = new ArrayList<>();
      joined.add(name);
      for (Iterator<List<String[]>> it = persons.iterator(); it.hasNext(); ) {
        List<String[]> person = it.next();
        if (person.stream().anyMatch(spelling -> samePerson(spelling, name))) {
          joined.addAll(person);
          it.remove();
        }
      }
      persons.add(joined);
      if (persons.size() > stopAbove) {
        break;
      }
    }
    return persons.size();
  }

  static boolean samePerson(String[] a, String[] b) {
    if (!withinOneEdit(a[1], b[1])) {
      return false;
    }
    String fa = a[0];
    String fb = b[0];
    if (fa.isEmpty() || fb.isEmpty() || withinOneEdit(fa, fb)) {
      return true;
    }
    // a short form, or a typo of one (Bbo for Bob for Robert)
    for (String formA : Nicknames.formalForms(fa)) {
      for (String formB : Nicknames.formalForms(fb)) {
        if (withinOneEdit(formA, formB)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Levenshtein distance at most 1, counting a swap of two adjacent characters as one edit. */
  static boolean withinOneEdit(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.length() > b.length()) {
      String t = a;
      a = b;
      b = t;
    }
    if (b.length() - a.length() > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() < b.length()) {
      return a.regionMatches(i, b, i + 1, a.length() - i);
    }
    if (a.regionMatches(i + 1, b, i + 1, a.length() - i - 1)) {
      return true;
    }
    return i + 1 < a.length()
        && a.charAt(i) == b.charAt(i + 1)
        && a.charAt(i + 1) == b.charAt(i)
        && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
  }

  /** The {@code shared_identifier} reason when the identifier is shared, else empty. */
  public Optional<DropReason> check(IdentifierUsage usage) {
    requireNonNull(usage, "usage is null");
    IdentifierType type = usage.identifier().type();
    switch (type) {
      case EMAIL, PHONE -> {
        int persons = distinctPersons(usage.nameKeys(), maxPersons);
        if (persons > maxPersons) {
          return Optional.of(
              DropReason.shared(
                  usage.identifier(),
                  "used by more than "
                      + maxPersons
                      + " persons by name (max_persons_per_email_or_phone "
                      + maxPersons
                      + ")"));
        }
      }
      case DEVICE_ID, ANONYMOUS_ID -> {
        if (usage.distinctCustomerIds() > maxCustomerIds) {
          return Optional.of(
              DropReason.shared(
                  usage.identifier(),
                  "used by "
                      + usage.distinctCustomerIds()
                      + " customer ids (max_customer_ids_per_device "
                      + maxCustomerIds
                      + ")"));
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  public boolean isShared(IdentifierUsage usage) {
    return check(usage).isPresent();
  }
}
