package io.opencdp.ingest.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The e-commerce customer master export: one row per account, and a second account for some persons
 * (second customer id, another email, a nickname or typo in the first name).
 */
final class CrmChannel {
  private final Noise noise;
  private final Window window;
  private final CsvLine csv = new CsvLine();
  private final StringBuilder scratch = new StringBuilder(32);

  CrmChannel(Noise noise, Window window) {
    this.noise = noise;
    this.window = window;
  }

  void generate(Person p, SplittableRandom r, List<Raw> out) {
    if (p.customerId() == null) {
      return;
    }
    long created = p.habits().accountCreatedMs();
    byte[] t = Raw.tallies();
    String email = noise.email(r, p.email(), t);
    String phone = noise.missing(r, t) ? null : noise.phone(r, p.phone(), t);
    String first = noise.firstName(r, p.firstName(), t);
    String last = noise.lastName(r, p.lastName(), t);
    row(r, p, p.customerId(), email, phone, first, last, created, Kind.OK, t, out);
    if (p.altCustomerId() != null) {
      byte[] t2 = Raw.tallies();
      String email2 = noise.email(r, p.altEmail(), t2);
      String phone2 = noise.missing(r, t2) ? null : noise.phone(r, p.phone(), t2);
      String first2 = noise.differentFirstName(r, p.firstName(), t2);
      String last2 = noise.lastName(r, p.lastName(), t2);
      long created2 =
          Math.max(created, window.startMs() - 400 * Times.DAY)
              + Rand.between(r, Times.DAY, 300 * Times.DAY);
      row(
          r,
          p,
          p.altCustomerId(),
          email2,
          phone2,
          first2,
          last2,
          Math.min(created2, window.endMs() - Times.DAY),
          Kind.DUPLICATE_ACCOUNT,
          t2,
          out);
    }
  }

  private void row(
      SplittableRandom r,
      Person p,
      String customerId,
      String email,
      String phone,
      String first,
      String last,
      long created,
      Kind kind,
      byte[] t,
      List<Raw> out) {
    Malformation m =
        noise.malformation(r, Malformation.IMPOSSIBLE_DATE, Malformation.MISSING_REQUIRED);
    Household hh = p.household();
    csv.reset();
    csv.add(m == Malformation.MISSING_REQUIRED ? "" : customerId);
    csv.add(email);
    csv.add(phone);
    csv.add(first);
    csv.add(last);
    // a bad birth date does not reject a customer row (it is kept, flagged); a bad updated_at does
    if (!noise.missing(r, t)) {
      csv.add(Times.isoDate(p.birthEpochDay()));
    } else {
      csv.add("");
    }
    csv.add(noise.missing(r, t) ? null : hh.street());
    csv.add(hh.city().name());
    csv.add(hh.city().state());
    csv.add(hh.postalCode());
    csv.add(hh.city().country());
    scratch.setLength(0);
    Times.isoSeconds(scratch, created);
    csv.add(scratch.toString());
    long updated = Math.max(created, window.randomInstant(r));
    scratch.setLength(0);
    Times.isoSeconds(scratch, updated);
    csv.add(
        m == Malformation.IMPOSSIBLE_DATE
            ? Noise.impossibleDate(r, scratch.toString())
            : scratch.toString());
    out.add(new Raw(Channel.CRM, 0, 0, 0, out.size(), csv.toString(), kind, m, t));
  }
}
