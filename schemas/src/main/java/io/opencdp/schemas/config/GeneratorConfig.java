package io.opencdp.schemas.config;

import java.time.LocalDate;

/**
 * The seeded data generator: the time span it covers and the rate of each kind of noise it injects.
 *
 * @param endDate the last day of generated activity; fixed so that a seed always gives the same
 *     bytes
 * @param days how many days of activity end at {@code endDate}
 */
public record GeneratorConfig(LocalDate endDate, int days) {

  public GeneratorConfig {
    if (endDate == null) {
      throw new IllegalArgumentException("generator.end_date is required (yyyy-mm-dd)");
    }
    ConfigChecks.range("generator.days", days, 1, 3660);
  }
}
