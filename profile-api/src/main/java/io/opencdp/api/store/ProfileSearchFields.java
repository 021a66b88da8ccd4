package io.opencdp.api.store;

import io.opencdp.schemas.normalize.SearchText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The query-side values of a profile document's {@code search.*} fields (docs/profile-store.md),
 * built from the profile's names, emails and phones. The indexer calls these; a query builder that
 * wants to match them folds its input with {@link SearchText#fold} the same way.
 */
public final class ProfileSearchFields {
  private static final int[] PHONE_SUFFIXES = {4, 7, 10};

  private ProfileSearchFields() {}

  /** {@code search.name}: the folded "first last"; null without either. */
  public static String name(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    return joined.isEmpty() ? null : SearchText.fold(joined);
  }

  /**
   * {@code search.email_local}: the local part of each email, folded, with {@code . _ - +} as
   * spaces ({@code jose.garcia+news@x.com} gives {@code jose garcia news}).
   */
  public static List<String> emailLocals(List<String> emails) {
    Set<String> out = new LinkedHashSet<>();
    if (emails != null) {
      for (String email : emails) {
        if (email == null) {
          continue;
        }
        int at = email.indexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        String folded = SearchText.fold(local.replaceAll("[._+\\-]", " "));
        if (!folded.isEmpty()) {
          out.add(folded);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * {@code search.phone_digits}: each phone's digits without {@code +} ({@code 15550102000}) and
   * its last 4, 7 and 10 digits, each once.
   */
  public static List<String> phoneDigits(List<String> phones) {
    Set<String> out = new LinkedHashSet<>();
    if (phones != null) {
      for (String phone : phones) {
        if (phone == null) {
          continue;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
          continue;
        }
        out.add(digits);
        for (int n : PHONE_SUFFIXES) {
          if (digits.length() > n) {
            out.add(digits.substring(digits.length() - n));
          }
        }
      }
    }
    return new ArrayList<>(out);
  }
}
