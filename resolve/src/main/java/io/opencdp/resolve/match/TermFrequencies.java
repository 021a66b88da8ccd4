package io.opencdp.resolve.match;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How common each value is, per field that asks for it: the share of records (with a value) that
 * carry it. An exact match on a value shared by 2% of records is that much likelier by chance than
 * the field's average exact match, and is weighted down accordingly.
 */
public final class TermFrequencies implements TermShares {
  private final Map<MatchField, Map<String, Double>> shares;

  private TermFrequencies(Map<MatchField, Map<String, Double>> shares) {
    this.shares = shares;
  }

  /** No adjustment at all. */
  public static TermFrequencies none() {
    return new TermFrequencies(new EnumMap<>(MatchField.class));
  }

  /** Counts the values of every term-frequency field over the records. */
  public static TermFrequencies of(List<MatchRecord> records, Comparisons comparisons) {
    Map<MatchField, Map<String, Long>> counts = new EnumMap<>(MatchField.class);
    for (FieldComparison c : comparisons.fields()) {
      if (c.termFrequency()) {
        counts.put(c.field(), new HashMap<>());
      }
    }
    for (MatchRecord record : records) {
      counts.forEach(
          (field, values) -> {
            String value = record.get(field);
            if (value != null) {
              values.merge(value, 1L, Long::sum);
            }
          });
    }
    return fromCounts(counts);
  }

  /** From value counts per field (the Spark job counts them with an aggregation). */
  public static TermFrequencies fromCounts(Map<MatchField, Map<String, Long>> counts) {
    Map<MatchField, Map<String, Double>> shares = new EnumMap<>(MatchField.class);
    counts.forEach(
        (field, values) -> {
          long total = values.values().stream().mapToLong(Long::longValue).sum();
          Map<String, Double> fieldShares = new HashMap<>(values.size() * 2);
          values.forEach((value, count) -> fieldShares.put(value, (double) count / total));
          shares.put(field, fieldShares);
        });
    return new TermFrequencies(shares);
  }

  @Override
  public double share(MatchField field, String value) {
    Map<String, Double> fieldShares = shares.get(field);
    if (fieldShares == null) {
      return Double.NaN;
    }
    Double share = fieldShares.get(value);
    return share == null ? Double.NaN : share;
  }
}
