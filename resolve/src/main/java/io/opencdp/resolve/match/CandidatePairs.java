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
 * micro-batch); the Spark job does the same with joins. A block over the refine size is split by
 * the refinement keys ({@link BlockRefinement}); a block (or sub-block) still larger than the cap
 * is left out whole and reported, never truncated: cutting it would pick pairs arbitrarily.
 *
 * @param pairs candidate pairs as {@code (i << 32) | j} record indexes, {@code i < j}, sorted
 * @param rules what each rule produced
 */
public record CandidatePairs(long[] pairs, List<RuleStats> rules) {
  public CandidatePairs {
    pairs = pairs.clone();
    rules = List.copyOf(rules);
  }

  /** Candidates from every rule, without refinement (blocks compared whole up to the cap). */
  public static CandidatePairs generate(
      List<MatchRecord> records, List<BlockingRule> rules, int maxBlockSize) {
    return generate(records, rules, BlockRefinement.NONE, maxBlockSize);
  }

  /**
   * Candidates from every rule, deduplicated, never two records of one group; blocks over the
   * refine size are split as {@code refinement} says before the cap applies.
   */
  public static CandidatePairs generate(
      List<MatchRecord> records,
      List<BlockingRule> rules,
      BlockRefinement refinement,
      int maxBlockSize) {
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
      RuleTally tally = new RuleTally(records, seen, refinement, maxBlockSize);
      for (Map.Entry<String, List<Integer>> block : blocks.entrySet()) {
        if (refinement.splits(block.getValue().size(), 0)) {
          tally.refinedBlocks++;
          tally.pairsBefore += BlockRefinement.pairs(block.getValue().size());
        }
        tally.block(block.getKey(), block.getValue(), 0);
      }
      stats.add(
          new RuleStats(
              rule.name(),
              tally.pairs,
              tally.newPairs,
              tally.skippedBlocks,
              tally.skippedPairs,
              tally.refinedBlocks,
              tally.pairsBefore,
              tally.pairsAfter));
    }
    long[] all = seen.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(all);
    return new CandidatePairs(all, stats);
  }

  /** One rule's blocks, refined, capped and paired. */
  private static final class RuleTally {
    private final List<MatchRecord> records;
    private final Set<Long> seen;
    private final BlockRefinement refinement;
    private final int maxBlockSize;
    long pairs;
    long newPairs;
    long skippedBlocks;
    long skippedPairs;
    long refinedBlocks;
    long pairsBefore;
    long pairsAfter;

    RuleTally(
        List<MatchRecord> records, Set<Long> seen, BlockRefinement refinement, int maxBlockSize) {
      this.records = records;
      this.seen = seen;
      this.refinement = refinement;
      this.maxBlockSize = maxBlockSize;
    }

    /** A (sub-)block reached after {@code depth} splits. */
    void block(String key, List<Integer> block, int depth) {
      if (refinement.splits(block.size(), depth)) {
        Map<String, List<Integer>> subBlocks = new HashMap<>();
        for (int index : block) {
          String subKey = BlockRefinement.subKey(key, refinement.part(records.get(index), depth));
          subBlocks.computeIfAbsent(subKey, k -> new ArrayList<>()).add(index);
        }
        for (Map.Entry<String, List<Integer>> sub : subBlocks.entrySet()) {
          block(sub.getKey(), sub.getValue(), depth + 1);
        }
        return;
      }
      if (block.size() > maxBlockSize) {
        skippedBlocks++;
        skippedPairs += BlockRefinement.pairs(block.size());
        return;
      }
      if (depth > 0) {
        pairsAfter += BlockRefinement.pairs(block.size());
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
  }

  static long pack(int a, int b) {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    return ((long) i << 32) | (j & 0xffffffffL);
  }

  /** The left record's index of a packed pair. */
  public static int left(long pair) {
    return (int) (pair >>> 32);
  }

  /** The right record's index of a packed pair. */
  public static int right(long pair) {
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
