package io.opencdp.ingest.generator;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Store POS line items, one CSV row per line item, with store-local timestamps. Loyalty members
 * scan their card; walk-ins may give nothing, a card name, their phone, or the cashier types the
 * store's own phone. Returns are separate transactions with a negative quantity.
 */
final class PosChannel {
  private static final double TRANSACTIONS = 2.3;

  private final Noise noise;
  private final Window window;
  private final double scale;
  private final Stores stores;
  private final Map<Places.City, Integer> storeOfCity = new IdentityHashMap<>();
  private final CsvLine csv = new CsvLine();
  private final StringBuilder scratch = new StringBuilder(32);

  PosChannel(Noise noise, Window window, double scale, Stores stores) {
    this.noise = noise;
    this.window = window;
    this.scale = scale;
    this.stores = stores;
    for (int i = stores.size() - 1; i >= 0; i--) {
      storeOfCity.put(stores.get(i).city(), i);
    }
  }

  void generate(Person p, SplittableRandom r, List<Raw> out) {
    if (!p.habits().pos()) {
      return;
    }
    Integer local = storeOfCity.get(p.city());
    int home = local != null ? local : p.habits().homeStore();
    int transactions = Rand.poisson(r, p.habits().activity() * scale * TRANSACTIONS);
    for (int i = 0; i < transactions; i++) {
      Stores.Store store = stores.get(r.nextInt(100) < 80 ? home : r.nextInt(stores.size()));
      long utc = window.randomDay(r) + Rand.between(r, 9 * Times.HOUR, 21 * Times.HOUR);
      long offset =
          store
                  .city()
                  .zone()
                  .getRules()
                  .getOffset(java.time.Instant.ofEpochMilli(utc))
                  .getTotalSeconds()
              * 1000L;
      // store hours are local: take the drawn time of day as local time
      long localTs = utc;
      int lines = 1 + Math.min(7, geometric(r, 0.5));
      Products.Product[] items = new Products.Product[lines];
      int[] quantities = new int[lines];
      for (int l = 0; l < lines; l++) {
        items[l] = Products.pick(r);
        quantities[l] = r.nextInt(100) < 85 ? 1 : 2 + r.nextInt(2);
      }
      Customer customer = customer(r, p, store);
      transaction(r, p, store, localTs, items, quantities, lines, customer, out);
      if (r.nextInt(100) < 6) {
        long returnTs =
            localTs + Rand.between(r, 1L, 20L) * Times.DAY + Rand.between(r, -3L, 3L) * Times.HOUR;
        if (returnTs < window.endMs() - offset) {
          int which = r.nextInt(lines);
          transaction(
              r,
              p,
              store,
              returnTs,
              new Products.Product[] {items[which]},
              new int[] {-quantities[which]},
              1,
              customer(r, p, store),
              out);
        }
      }
    }
  }

  /** Customer columns of a transaction, with their noise tallies (repeated on every line). */
  private record Customer(
      String loyaltyId,
      String cardLast4,
      String first,
      String last,
      String phone,
      String zip,
      byte[] tallies) {}

  private Customer customer(SplittableRandom r, Person p, Stores.Store store) {
    byte[] t = Raw.tallies();
    boolean card = r.nextInt(100) < 75;
    String last4 = card ? p.cardLast4() : null;
    if (p.loyaltyId() != null && r.nextInt(100) < 85) {
      String first = noise.firstName(r, p.firstName(), t);
      String last = noise.lastName(r, p.lastName(), t);
      String phone = noise.phone(r, p.phone(), t);
      return new Customer(p.loyaltyId(), last4, first, last, phone, p.household().postalCode(), t);
    }
    String first = null;
    String last = null;
    if (card) {
      // names as embossed on the card
      first = Noise.upper(noise.firstName(r, p.firstName(), t));
      last = Noise.upper(noise.lastName(r, p.lastName(), t));
    }
    String phone = null;
    if (Rand.chance(r, noise.rates().storePhone())) {
      t[Tally.STORE_PHONE.ordinal()]++;
      phone = store.phoneTyped();
    } else if (!p.isolated() && r.nextInt(100) < 15) {
      phone = noise.phone(r, p.phone(), t);
    }
    String zip = r.nextInt(100) < 35 ? p.household().postalCode() : null;
    return new Customer(null, last4, first, last, phone, zip, t);
  }

  private void transaction(
      SplittableRandom r,
      Person p,
      Stores.Store store,
      long localTs,
      Products.Product[] items,
      int[] quantities,
      int lines,
      Customer c,
      List<Raw> out) {
    int register = 1 + r.nextInt(store.registers());
    scratch.setLength(0);
    long ymd = Times.civil(Math.floorDiv(localTs, Times.DAY));
    String transactionId =
        store.id()
            + "-"
            + (register < 10 ? "0" : "")
            + register
            + "-"
            + ymd
            + "-"
            + Rand.digits(r, 8);
    boolean late = Rand.chance(r, noise.rates().late());
    long received = late ? localTs + Rand.between(r, Times.DAY, 12 * Times.DAY) : localTs;
    for (int l = 0; l < lines; l++) {
      Malformation m =
          noise.malformation(r, Malformation.IMPOSSIBLE_DATE, Malformation.MISSING_REQUIRED);
      csv.reset();
      csv.add(m == Malformation.MISSING_REQUIRED ? "" : transactionId);
      csv.add(l + 1);
      csv.add(store.id());
      csv.add("R" + (register < 10 ? "0" : "") + register);
      scratch.setLength(0);
      Times.localDateTime(scratch, localTs);
      csv.add(
          m == Malformation.IMPOSSIBLE_DATE
              ? Noise.impossibleDate(r, scratch.toString())
              : scratch.toString());
      csv.add(c.loyaltyId());
      csv.add(c.cardLast4());
      csv.add(c.first());
      csv.add(c.last());
      csv.add(c.phone());
      csv.add(c.zip());
      Products.Product item = items[l];
      csv.add(item.sku());
      csv.add(item.name());
      csv.add(quantities[l]);
      csv.money(item.priceCents());
      csv.add("USD");
      byte[] t = c.tallies().clone();
      if (late) {
        t[Tally.LATE.ordinal()]++;
      }
      out.add(
          new Raw(
              Channel.POS,
              received,
              Times.month(received),
              Times.month(localTs),
              out.size(),
              csv.toString(),
              Kind.OK,
              m,
              t));
    }
  }

  private static int geometric(SplittableRandom r, double p) {
    int k = 0;
    while (r.nextDouble() > p && k < 50) {
      k++;
    }
    return k;
  }
}
