package io.opencdp.resolve.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking in memory, for data sets that fit one JVM (evaluation sets, tests, a stream's
 * micro-batch); the Spark job does the same with joins. A block larger than the cap is left out
 * whole and reported, never truncated: cutting it would pick pairs arbitrarily.
 *
 * @param pairs candidate pairs as {@code (i << 32) | j} record indexes, {@code i < j}, sorted
 * @param rules what each rule produced
 */
public record CandidatePairs(long[] pairs, List<RuleStats> rules) {
  public CandidatePairs {
    pairs = pairs.clone();
    rules = List.copyOf(rules);
  }

  /** Candidates from every rule, deduplicated, never two records of one group. */
  public static CandidatePairs generate(
      List<MatchRecord> records, List<BlockingRule> rules, int maxBlockSize) {
    Set<Long> seen = new HashSet<>();
    List<RuleStats> stats = new ArrayList<>();
    for (BlockingRule rule : rules) {
      Map<String, List<Integer>> blocks = new HashMap<>();
      for (int i = 0; i < records.size(); i++) {
        String key = rule.keyOf(records.get(i));
        if (key != null) {
          blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
      }
      long pairs = 0;
      long newPairs = 0;
      long skippedBlocks = 0;
      long skippedPairs = 0;
      for (List<Integer> block : blocks.values()) {
        if (block.size() > maxBlockSize) {
          skippedBlocks++;
          skippedPairs += (long) block.size() * (block.size() - 1) / 2;
          continue;
        }
        for (int x = 0; x < block.size(); x++) {
          MatchRecord left = records.get(block.get(x));
          for (int y = x + 1; y < block.size(); y++) {
            if (left.group().equals(records.get(block.get(y)).group())) {
              continue;
            }
            pairs++;
            if (seen.add(pack(block.get(x), block.get(y)))) {
              newPairs++;
            }
          }
        }
      }
      stats.add(new RuleStats(rule.name(), pairs, newPairs, skippedBlocks, skippedPairs));
    }
    long[] all = seen.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(all);
    return new CandidatePairs(all, stats);
  }

  static long pack(int a, int b) {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    return ((long) i << 32) | (j & 0xffffffffL);
  }

  static int left(long pair) {
    return (int) (pair >>> 32);
  }

  static int right(long pair) {
    return (int) pair;
  }

  /** The number of candidate pairs. */
  public int size() {
    return pairs.length;
  }

  @Override
  public long[] pairs() {
    return pairs.clone();
  }

  long pairAt(int index) {
    return pairs[index];
  }
}
