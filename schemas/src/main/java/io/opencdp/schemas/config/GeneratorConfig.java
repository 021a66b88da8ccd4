package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The seeded data generator: the time span it covers, its volume knobs and the rate of each kind of
 * noise it injects.
 *
 * @param endDate the last day of generated activity; fixed so that a seed always gives the same
 *     bytes
 * @param days how many days of activity end at {@code endDate}
 * @param recordsPerPerson the average number of raw records per person (activity is skewed: a few
 *     persons are much more active than the rest)
 * @param stores how many physical stores (S001, S002, ...) the POS channel has
 * @param internationalShare the share of persons living outside the US (in GB or DE)
 * @param noise the rate of each kind of injected noise
 */
public record GeneratorConfig(
    LocalDate endDate,
    int days,
    int recordsPerPerson,
    int stores,
    double internationalShare,
    NoiseRates noise) {

  public GeneratorConfig {
    if (endDate == null) {
      throw new IllegalArgumentException("generator.end_date is required (yyyy-mm-dd)");
    }
    ConfigChecks.range("generator.days", days, 1, 3660);
    ConfigChecks.range("generator.records_per_person", recordsPerPerson, 5, 500);
    ConfigChecks.range("generator.stores", stores, 1, 999);
    ConfigChecks.rate("generator.international_share", internationalShare);
    requireNonNull(noise, "generator.noise section is required");
  }

  public GeneratorConfig withNoise(NoiseRates newNoise) {
    return new GeneratorConfig(
        endDate, days, recordsPerPerson, stores, internationalShare, newNoise);
  }
}
