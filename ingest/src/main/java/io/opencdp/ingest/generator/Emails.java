package io.opencdp.ingest.generator;

import java.util.Locale;
import java.util.SplittableRandom;

/** Personal email addresses, a person's second address, and the formatting variants people type. */
final class Emails {
  private static final String[] US_DOMAINS = {
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "comcast.net",
    "att.net",
    "proton.me"
  };
  private static final String[] GB_DOMAINS = {
    "gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "sky.com"
  };
  private static final String[] DE_DOMAINS = {
    "gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de"
  };

  private Emails() {}

  static String personal(
      SplittableRandom r, String first, String last, String country, long index) {
    String f = Names.ascii(first);
    String l = Names.ascii(last);
    // a number derived from the index keeps same-named persons apart
    long n = Rand.permute(index, 7919, 17, 9973) + 1;
    String local =
        switch (r.nextInt(6)) {
          case 0 -> f + "." + l;
          case 1 -> f + l;
          case 2 -> f.charAt(0) + l;
          case 3 -> f + "_" + l;
          case 4 -> f + "." + l.charAt(0);
          default -> l + "." + f;
        };
    return local + n + "@" + Rand.pick(r, domains(country));
  }

  /** A second address of the same person, as used for a duplicate account. */
  static String alternative(SplittableRandom r, String email, String country) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (domain.equals("gmail.com") && r.nextBoolean()) {
      return local + "+shop@gmail.com";
    }
    String other = Rand.pick(r, domains(country));
    if (other.equals(domain)) {
      other = domain.equals("outlook.com") ? "hotmail.com" : "outlook.com";
    }
    return local.replace(".", "") + "@" + other;
  }

  /** Upper case, a capital first letter, or surrounding spaces; always different from the input. */
  static String variant(SplittableRandom r, String email) {
    return switch (r.nextInt(4)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(email.charAt(0)) + email.substring(1);
      case 2 -> " " + email;
      default -> email + " ";
    };
  }

  private static String[] domains(String country) {
    return switch (country) {
      case "GB" -> GB_DOMAINS;
      case "DE" -> DE_DOMAINS;
      default -> US_DOMAINS;
    };
  }
}
