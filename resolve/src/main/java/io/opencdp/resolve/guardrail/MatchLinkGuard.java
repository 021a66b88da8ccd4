package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.match.LinkEvidence;
import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Joins deterministic profile candidates along probabilistic links under the same guardrails as
 * identifier links (per-type limits, the operators' never-link pairs) plus one more: a link never
 * joins candidates that carry different customer ids or loyalty ids, or that both have birth dates
 * and share none. Links are applied strongest first (then by group keys), each against the
 * candidates as already joined, so a chain A~B~C cannot carry a conflict between A and C in by the
 * back door. Batch and streaming decide the same way.
 */
public final class MatchLinkGuard {
  private static final List<IdentifierType> STRONG =
      List.of(IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID);

  private final IdentifierLimits limits;
  private final NeverLinkRules neverLink;

  public MatchLinkGuard(IdentifierLimits limits, NeverLinkRules neverLink) {
    this.limits = requireNonNull(limits, "limits is null");
    this.neverLink = requireNonNull(neverLink, "neverLink is null");
  }

  /**
   * The outcome.
   *
   * @param rootOf for every group that was joined to another, the key of the joined set (its
   *     smallest group key); groups not listed stay as they are
   * @param decisions one per link, in the order applied
   */
  public record Result(Map<String, String> rootOf, List<MatchLinkDecision> decisions) {
    public Result {
      rootOf = Map.copyOf(rootOf);
      decisions = List.copyOf(decisions);
    }
  }

  /** Applies the links; every group a link names must be among {@code groups}. */
  public Result apply(Collection<GroupFacts> groups, Collection<MatchLink> links) {
    Map<String, Joined> sets = new HashMap<>();
    for (GroupFacts g : groups) {
      sets.put(g.group(), new Joined(g));
    }
    List<MatchLink> ordered = new ArrayList<>(links);
    ordered.sort(
        Comparator.comparingDouble(MatchLink::probability)
            .reversed()
            .thenComparing(MatchLink::leftGroup)
            .thenComparing(MatchLink::rightGroup));
    List<MatchLinkDecision> decisions = new ArrayList<>(ordered.size());
    for (MatchLink link : ordered) {
      Joined left = find(sets, link.leftGroup());
      Joined right = find(sets, link.rightGroup());
      if (left == right) {
        decisions.add(new MatchLinkDecision(link, true, null, "already one profile"));
        continue;
      }
      MatchLinkDecision refusal = refusal(link, left, right);
      if (refusal != null) {
        decisions.add(refusal);
        continue;
      }
      Joined root = left.key.compareTo(right.key) <= 0 ? left : right;
      Joined other = root == left ? right : left;
      root.absorb(other);
      decisions.add(new MatchLinkDecision(link, true, null, "joined"));
    }
    Map<String, String> rootOf = new TreeMap<>();
    for (String group : sets.keySet()) {
      Joined root = find(sets, group);
      if (root.size > 1) {
        rootOf.put(group, root.key);
      }
    }
    return new Result(rootOf, decisions);
  }

  private MatchLinkDecision refusal(MatchLink link, Joined left, Joined right) {
    LinkEvidence evidence = link.evidence();
    if (!evidence.givenNamesAgree()) {
      return refused(
          link,
          DropRule.GIVEN_NAME_DISAGREES.code(),
          "the records' given names are missing or disagree");
    }
    if (!evidence.familyNamesAgree()) {
      return refused(
          link,
          DropRule.FAMILY_NAME_DISAGREES.code(),
          "the records' family names are missing or disagree");
    }
    if (evidence.corroboration() <= 0) {
      return refused(
          link,
          DropRule.UNCORROBORATED.code(),
          String.format(
              java.util.Locale.ROOT,
              "nothing but the name speaks for it (other fields %+.2f bits)",
              evidence.corroboration()));
    }
    for (IdentifierType type : STRONG) {
      Set<String> a = left.valuesOf(type);
      Set<String> b = right.valuesOf(type);
      if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
        return refused(
            link,
            DropRule.CONFLICTING_IDENTIFIER.code() + ":" + type.wireName(),
            "both sides carry a " + type.wireName() + ", different ones");
      }
    }
    if (!left.birthDates.isEmpty()
        && !right.birthDates.isEmpty()
        && java.util.Collections.disjoint(left.birthDates, right.birthDates)) {
      return refused(
          link,
          DropRule.CONFLICTING_BIRTH_DATE.code(),
          "birth dates on both sides, none in common");
    }
    for (IdentifierType type : limits.priority()) {
      Set<String> union = new HashSet<>(left.valuesOf(type));
      union.addAll(right.valuesOf(type));
      int limit = limits.maxPerProfile(type);
      if (union.size() > limit) {
        return refused(
            link,
            DropRule.LIMIT.code() + ":" + type.wireName(),
            "joined profile would hold "
                + union.size()
                + " "
                + type.wireName()
                + " (limit "
                + limit
                + ")");
      }
    }
    if (!neverLink.isEmpty()) {
      Joined smaller = left.identifiers.size() <= right.identifiers.size() ? left : right;
      Joined larger = smaller == left ? right : left;
      for (IdentifierKey id : smaller.identifiers) {
        for (NeverLinkRules.Pair pair : neverLink.pairsOf(id)) {
          if (larger.identifiers.contains(pair.other(id))) {
            return refused(link, pair.rule().code(), pair.rule().code() + " " + pair.overrideId());
          }
        }
      }
    }
    return null;
  }

  private static MatchLinkDecision refused(MatchLink link, String rule, String detail) {
    return new MatchLinkDecision(link, false, rule, detail);
  }

  private static Joined find(Map<String, Joined> sets, String group) {
    Joined joined = sets.get(group);
    if (joined == null) {
      throw new IllegalArgumentException("match link names unknown group " + group);
    }
    while (joined.parent != null) {
      joined = joined.parent;
    }
    return joined;
  }

  /** A set of joined groups, as a union-find node; only roots hold the merged facts. */
  private static final class Joined {
    final String key;
    final Set<IdentifierKey> identifiers;
    final Map<IdentifierType, Set<String>> byType = new EnumMap<>(IdentifierType.class);
    final Set<String> birthDates;
    Joined parent;
    int size = 1;

    Joined(GroupFacts facts) {
      key = facts.group();
      identifiers = new HashSet<>(facts.identifiers());
      birthDates = new HashSet<>(facts.birthDates());
      for (IdentifierKey id : identifiers) {
        byType.computeIfAbsent(id.type(), t -> new HashSet<>()).add(id.value());
      }
    }

    Set<String> valuesOf(IdentifierType type) {
      return byType.getOrDefault(type, Set.of());
    }

    void absorb(Joined other) {
      other.parent = this;
      size += other.size;
      identifiers.addAll(other.identifiers);
      birthDates.addAll(other.birthDates);
      other.byType.forEach(
          (type, values) -> byType.computeIfAbsent(type, t -> new HashSet<>()).addAll(values));
    }
  }
}
