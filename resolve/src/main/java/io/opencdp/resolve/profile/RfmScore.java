package io.opencdp.resolve.profile;

import io.opencdp.schemas.config.RfmThresholds;
import java.math.BigDecimal;
import java.util.List;

/**
 * Recency, frequency and monetary scores, 1 (low) to 5 (high), from the fixed bounds of {@code
 * profiles.rfm}.
 *
 * @param recencyDays whole days from the last order to {@code as_of} (0 when the order is later)
 * @param recency 5 for an order within the first bound's days, ..., 1 beyond the last bound
 * @param frequency 5 for at least the last bound's orders, ..., 1 below the first bound
 * @param monetary as frequency, on net spend in the reporting currency
 */
public record RfmScore(long recencyDays, int recency, int frequency, int monetary) {

  static RfmScore of(RfmThresholds bounds, long recencyDays, long orders, BigDecimal netSpend) {
    return new RfmScore(
        recencyDays,
        recency(bounds.recencyDays(), recencyDays),
        atLeast(
            bounds.frequencyOrders().stream().map(BigDecimal::valueOf).toList(),
            BigDecimal.valueOf(orders)),
        atLeast(bounds.monetary(), netSpend));
  }

  private static int recency(List<Integer> bounds, long days) {
    for (int i = 0; i < bounds.size(); i++) {
      if (days <= bounds.get(i)) {
        return 5 - i;
      }
    }
    return 1;
  }

  private static int atLeast(List<BigDecimal> bounds, BigDecimal value) {
    for (int i = bounds.size() - 1; i >= 0; i--) {
      if (value.compareTo(bounds.get(i)) >= 0) {
        return i + 2;
      }
    }
    return 1;
  }
}
