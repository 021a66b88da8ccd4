package io.opencdp.ingest.generator;

import java.util.SplittableRandom;

/** The physical stores: S001.. in US cities, each with its time zone and its own default phone. */
final class Stores {
  record Store(String id, Places.City city, String phoneTyped, int registers) {}

  private final Store[] stores;

  Stores(long seed, int count) {
    stores = new Store[count];
    for (int i = 0; i < count; i++) {
      SplittableRandom r = Rand.stream(seed, Rand.STORE, i);
      Places.City city = Places.US[i % Places.US.length];
      String phone = Phones.store(Rand.pick(r, city.areaCodes()), i + 1);
      stores[i] =
          new Store(
              String.format("S%03d", i + 1), city, Phones.typedByCashier(phone), 2 + r.nextInt(7));
    }
  }

  Store get(int index) {
    return stores[index];
  }

  int size() {
    return stores.length;
  }
}
