package io.opencdp.resolve.match;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a block too large to compare whole is split (docs/matching.md, "Block refinement"): a block
 * of a rule with more records than {@code blockSize} is split by the first refinement key, each
 * sub-block still larger by the next, and so on; a sub-block is only split when it is itself over
 * the size. Records that lack the key part in use stay together in a <em>remainder</em> sub-block,
 * split like any other. What is left after the last key is subject to {@code max_block_size} as any
 * block is. The in-memory blocking, the Spark blocking and the benchmark's blocking plan all decide
 * with this class: {@link #splits} whether a (sub-)block is split, {@link #part} and {@link
 * #subKey} which sub-block a record goes to.
 *
 * <p>Splitting only ever divides a block, so refinement can only remove candidate pairs, never add
 * any: pairs across two sub-blocks (a record and its duplicate in different postal areas, or one of
 * them without a postal code) are no longer produced by that rule.
 *
 * @param blockSize a (sub-)block with more records than this is split while keys remain
 * @param keys the refinement keys, tried in order (the blocking-key syntax, {@link BlockingKey})
 */
public record BlockRefinement(int blockSize, List<BlockingKey> keys) implements Serializable {
  /** No refinement: blocks are compared whole up to the cap, as before refinement existed. */
  public static final BlockRefinement NONE = new BlockRefinement(Integer.MAX_VALUE, List.of());

  /** Between a block's key and a sub-block's part; never in a normalized value. */
  private static final char SEPARATOR = '\u001e';

  public BlockRefinement {
    keys = List.copyOf(keys);
    if (blockSize < 2) {
      throw new IllegalArgumentException("refine block size must be at least 2, got " + blockSize);
    }
  }

  /** Whether a (sub-)block of {@code size} records reached after {@code depth} splits is split. */
  public boolean splits(long size, int depth) {
    return depth < keys.size() && size > blockSize;
  }

  /** The record's key part at {@code depth}, or null when it lacks it (the remainder). */
  public String part(MatchRecord record, int depth) {
    return keys.get(depth).keyOf(record);
  }

  /** Every key part of the record, null where it lacks one (for engines that carry them along). */
  public List<String> parts(MatchRecord record) {
    List<String> parts = new ArrayList<>(keys.size());
    for (int depth = 0; depth < keys.size(); depth++) {
      parts.add(part(record, depth));
    }
    return Collections.unmodifiableList(parts);
  }

  /**
   * The key of the sub-block a record with {@code part} (null: the remainder) goes to when the
   * block {@code key} is split. Distinct from every block key of the rule and from every other
   * sub-block's key.
   */
  public static String subKey(String key, String part) {
    return key + SEPARATOR + (part == null ? "" : part);
  }

  /** Pairs a block of {@code size} records makes, groups not considered. */
  public static long pairs(long size) {
    return size * (size - 1) / 2;
  }

  @Override
  public String toString() {
    return keys.isEmpty()
        ? "no refinement"
        : "over "
            + blockSize
            + " records by "
            + keys.stream().map(BlockingKey::toString).collect(Collectors.joining(", then "));
  }
}
