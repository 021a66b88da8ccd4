package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Fixed thresholds of the recency, frequency and monetary scores ({@code profiles.rfm}). Each list
 * holds four strictly increasing bounds that split the range into scores 5..1 (recency: fewer days
 * is better; frequency and monetary: more is better). Fixed bounds, not quintiles: a quintile needs
 * every profile at once, and the streaming job updates one profile at a time.
 *
 * @param recencyDays days since the last order: at most the first bound scores 5, at most the
 *     second 4, ..., more than the fourth 1
 * @param frequencyOrders orders: at least the fourth bound scores 5, at least the third 4, ...,
 *     fewer than the first 1
 * @param monetary net spend in the reporting currency, scored as frequency
 */
public record RfmThresholds(
    List<Integer> recencyDays, List<Integer> frequencyOrders, List<BigDecimal> monetary)
    implements Serializable {
  /** Bounds per score list: four bounds make five scores. */
  public static final int BOUNDS = 4;

  public RfmThresholds {
    recencyDays = increasing("profiles.rfm.recency_days", recencyDays, 0);
    frequencyOrders = increasing("profiles.rfm.frequency_orders", frequencyOrders, 1);
    monetary = increasing("profiles.rfm.monetary", monetary, 0);
  }

  private static <T extends Number & Comparable<T>> List<T> increasing(
      String key, List<T> bounds, int min) {
    requireNonNull(bounds, key + " is required");
    if (bounds.size() != BOUNDS) {
      throw new IllegalArgumentException(
          key + " must hold " + BOUNDS + " increasing bounds, got " + bounds);
    }
    for (int i = 0; i < bounds.size(); i++) {
      T bound = bounds.get(i);
      if (bound == null) {
        throw new IllegalArgumentException(key + "[" + i + "] is empty");
      }
      if (new BigDecimal(bound.toString()).compareTo(BigDecimal.valueOf(min)) < 0) {
        throw new IllegalArgumentException(
            key + "[" + i + "] must be at least " + min + ", got " + bound);
      }
      if (i > 0 && bound.compareTo(bounds.get(i - 1)) <= 0) {
        throw new IllegalArgumentException(key + " must be strictly increasing, got " + bounds);
      }
    }
    return List.copyOf(bounds);
  }
}
