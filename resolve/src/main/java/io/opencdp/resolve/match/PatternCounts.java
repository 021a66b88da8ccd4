package io.opencdp.resolve.match;

import java.util.HashMap;
import java.util.Map;

/**
 * How many candidate pairs share each comparison vector. Training needs nothing else, so EM over
 * millions of pairs runs on a few thousand distinct vectors in the driver.
 */
public final class PatternCounts {
  private final Map<Long, Long> counts = new HashMap<>();
  private long total;

  public void add(long pattern, long count) {
    counts.merge(pattern, count, Long::sum);
    total += count;
  }

  public void addAll(PatternCounts other) {
    other.counts.forEach(this::add);
  }

  /** Counted vectors and their counts; do not modify. */
  public Map<Long, Long> asMap() {
    return java.util.Collections.unmodifiableMap(counts);
  }

  public long total() {
    return total;
  }

  public int distinct() {
    return counts.size();
  }
}
