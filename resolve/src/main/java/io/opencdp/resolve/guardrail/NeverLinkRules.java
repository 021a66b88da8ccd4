package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs of identifiers an operator said are never one person ({@code identity_overrides}): a {@code
 * never_link} override, or the identifiers a forced split moved out of a profile against those that
 * stayed. {@link LinkResolver} refuses a link that would put both ends of a pair in one cluster,
 * with rule {@link DropRule#NEVER_LINK_OVERRIDE} or {@link DropRule#SPLIT_OVERRIDE}. Immutable and
 * serializable.
 */
public final class NeverLinkRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final NeverLinkRules NONE = new NeverLinkRules(List.of());

  /**
   * One pair.
   *
   * @param left one identifier
   * @param right the other, different from {@code left}
   * @param rule {@link DropRule#NEVER_LINK_OVERRIDE} or {@link DropRule#SPLIT_OVERRIDE}
   * @param overrideId the {@code identity_overrides} row it comes from
   */
  public record Pair(IdentifierKey left, IdentifierKey right, DropRule rule, String overrideId)
      implements Serializable {
    public Pair {
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
      requireNonNull(rule, "rule is null");
      requireNonNull(overrideId, "overrideId is null");
      if (left.equals(right)) {
        throw new IllegalArgumentException("a never-link pair needs two identifiers, got " + left);
      }
      if (rule != DropRule.NEVER_LINK_OVERRIDE && rule != DropRule.SPLIT_OVERRIDE) {
        throw new IllegalArgumentException("not an override rule: " + rule.code());
      }
    }

    /** The end that is not {@code identifier}. */
    public IdentifierKey other(IdentifierKey identifier) {
      return left.equals(identifier) ? right : left;
    }
  }

  private final Map<IdentifierKey, List<Pair>> byIdentifier = new HashMap<>();
  private final List<Pair> pairs;
  private final int size;

  private NeverLinkRules(Collection<Pair> pairs) {
    this.pairs = List.copyOf(pairs);
    for (Pair p : pairs) {
      byIdentifier.computeIfAbsent(p.left(), k -> new ArrayList<>()).add(p);
      byIdentifier.computeIfAbsent(p.right(), k -> new ArrayList<>()).add(p);
    }
    byIdentifier.replaceAll((k, v) -> List.copyOf(v));
    size = pairs.size();
  }

  public static NeverLinkRules none() {
    return NONE;
  }

  public static NeverLinkRules of(Collection<Pair> pairs) {
    requireNonNull(pairs, "pairs is null");
    return pairs.isEmpty() ? NONE : new NeverLinkRules(List.copyOf(pairs));
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** How many pairs. */
  public int size() {
    return size;
  }

  /** Every pair. */
  public List<Pair> pairs() {
    return pairs;
  }

  /** Whether some pair names {@code identifier}. */
  public boolean constrains(IdentifierKey identifier) {
    return byIdentifier.containsKey(identifier);
  }

  /** The pairs that name {@code identifier}. */
  public List<Pair> pairsOf(IdentifierKey identifier) {
    return byIdentifier.getOrDefault(identifier, Collections.emptyList());
  }
}
