package io.opencdp.ingest.generator;

import io.opencdp.schemas.config.GeneratorConfig;
import java.util.SplittableRandom;

/**
 * Walks the persons in index order and hands out their household. Only the current household is
 * held; each one is derived from the seed and its start index, so memory stays constant.
 */
final class Households {
  /** Weights of household sizes 1..5 (roughly the US distribution). */
  private static final int[] SIZE_WEIGHTS = {28, 35, 15, 13, 9};

  private static final double MEAN_SIZE;

  static {
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
      sum += SIZE_WEIGHTS[i];
      weighted += SIZE_WEIGHTS[i] * (i + 1);
    }
    MEAN_SIZE = weighted / sum;
  }

  private final long seed;
  private final GeneratorConfig config;
  private final int persons;
  private final double isolatedHouseholdShare;
  private Household current;

  Households(long seed, GeneratorConfig config, int persons) {
    this.seed = seed;
    this.config = config;
    this.persons = persons;
    double r = config.noise().isolated();
    // isolated persons live alone; this household share gives the configured share of persons
    this.isolatedHouseholdShare = r * MEAN_SIZE / (1 - r + r * MEAN_SIZE);
  }

  Household of(int index) {
    if (current == null || !current.contains(index)) {
      if (current != null && index != current.start() + current.size()) {
        throw new IllegalStateException("persons must be visited in order, got " + index);
      }
      current = create(index);
    }
    return current;
  }

  private Household create(int start) {
    SplittableRandom r = Rand.stream(seed, Rand.HOUSEHOLD, start);
    boolean isolated = Rand.chance(r, isolatedHouseholdShare);
    int size = isolated ? 1 : drawSize(r);
    size = Math.min(size, persons - start);
    Places.City city = Places.city(r, config.internationalShare());
    String street = Places.street(r, city);
    String postal = Places.postalCode(r, city);
    String[] lastNames =
        switch (city.country()) {
          case "GB" -> NameLists.GB_LAST;
          case "DE" -> NameLists.DE_LAST;
          default -> NameLists.US_LAST;
        };
    String lastName = Rand.pick(r, lastNames);
    boolean sharesDevice = size >= 2 && Rand.chance(r, config.noise().sharedDevice());
    Device tablet = Device.tablet(r);
    return new Household(
        start, size, isolated, city, street, postal, lastName, sharesDevice, tablet);
  }

  private static int drawSize(SplittableRandom r) {
    int x = r.nextInt(100);
    for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
      x -= SIZE_WEIGHTS[i];
      if (x < 0) {
        return i + 1;
      }
    }
    return SIZE_WEIGHTS.length;
  }
}
