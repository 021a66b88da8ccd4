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
 *
 * <p>A group without identifiers is a record no identifier placed (a walk-in's store line): it may
 * join one profile candidate, by its strongest acceptable link, directly or through another such
 * record already placed, but never a second candidate ({@code record_already_placed}). A link
 * between two such records waits until one of them is placed; the links still waiting when nothing
 * more can be placed join their records into <i>walk-in profiles</i> (a repeat customer known only
 * by name, address or card at the till), applied strongest first under the same refusals. A set
 * with a candidate that carries identifiers is keyed by the smallest such key; a walk-in profile by
 * its smallest {@code event:} key ({@link #isWalkIn}).
 */
public final class MatchLinkGuard {
  /**
   * The group of a named event no identifier placed is {@code event:<event id>}: a group without
   * identifiers, which the rules above let join one candidate and never form a profile.
   */
  public static final String UNPLACED_PREFIX = "event:";

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
   *     smallest key among the groups with identifiers; for a walk-in profile its smallest key),
   *     the key itself included; groups not listed stay as they are
   * @param decisions one per link, in the order applied
   */
  public record Result(Map<String, String> rootOf, List<MatchLinkDecision> decisions) {
    public Result {
      rootOf = Map.copyOf(rootOf);
      decisions = List.copyOf(decisions);
    }
  }

  /** The group of a named event no identifier placed. */
  public static String unplacedGroup(String eventId) {
    return UNPLACED_PREFIX + eventId;
  }

  /** Applies the links; every group a link names must be among {@code groups}. */
  public Result apply(Collection<GroupFacts> groups, Collection<MatchLink> links) {
    Map<String, Joined> sets = new HashMap<>();
    Set<String> unplaced = new HashSet<>();
    for (GroupFacts g : groups) {
      sets.put(g.group(), new Joined(g));
      if (g.identifiers().isEmpty()) {
        unplaced.add(g.group());
      }
    }
    List<MatchLink> ordered = new ArrayList<>(links);
    ordered.sort(
        Comparator.comparingDouble(MatchLink::probability)
            .reversed()
            .thenComparing(MatchLink::leftGroup)
            .thenComparing(MatchLink::rightGroup));
    List<MatchLinkDecision> decisions = new ArrayList<>(ordered.size());
    // links between two records no identifier placed wait until one of them is placed
    List<MatchLink> waiting = new ArrayList<>();
    for (MatchLink link : ordered) {
      MatchLinkDecision decision = decide(link, sets, unplaced, false);
      if (decision == null) {
        waiting.add(link);
      } else {
        decisions.add(decision);
      }
    }
    boolean placedMore = true;
    while (placedMore && !waiting.isEmpty()) {
      placedMore = false;
      List<MatchLink> still = new ArrayList<>();
      for (MatchLink link : waiting) {
        MatchLinkDecision decision = decide(link, sets, unplaced, false);
        if (decision == null) {
          still.add(link);
        } else {
          decisions.add(decision);
          placedMore |= decision.accepted();
        }
      }
      waiting = still;
    }
    // what still waits links records no identifier will place: they form a walk-in profile
    for (MatchLink link : waiting) {
      decisions.add(decide(link, sets, unplaced, true));
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

  /**
   * Decides one link against the sets as joined so far and joins them if it is accepted; null when
   * neither side carries an identifier yet (the link waits).
   */
  private MatchLinkDecision decide(
      MatchLink link, Map<String, Joined> sets, Set<String> unplaced, boolean walkIn) {
    Joined left = find(sets, link.leftGroup());
    Joined right = find(sets, link.rightGroup());
    if (left == right) {
      return new MatchLinkDecision(
          link, true, null, walkIn ? "already one walk-in profile" : "already one profile");
    }
    MatchLinkDecision refusal = refusal(link, left, right);
    if (refusal != null) {
      return refusal;
    }
    if (walkIn) {
      // no identifier on either side, and nothing more will place them: one walk-in profile
      Joined root = left.key.compareTo(right.key) <= 0 ? left : right;
      root.absorb(root == left ? right : left);
      return new MatchLinkDecision(link, true, null, "joined into a walk-in profile");
    }
    if (left.identifiers.isEmpty() && right.identifiers.isEmpty()) {
      return null;
    }
    if (bridges(link.leftGroup(), left, right, unplaced)
        || bridges(link.rightGroup(), right, left, unplaced)) {
      return refused(
          link,
          DropRule.RECORD_ALREADY_PLACED.code(),
          "the record no identifier placed already joined another profile by a stronger link");
    }
    // a joined set is keyed by a candidate with identifiers, the smallest key among them
    Joined root;
    if (left.identifiers.isEmpty() != right.identifiers.isEmpty()) {
      root = left.identifiers.isEmpty() ? right : left;
    } else {
      root = left.key.compareTo(right.key) <= 0 ? left : right;
    }
    root.absorb(root == left ? right : left);
    return new MatchLinkDecision(link, true, null, "joined");
  }

  /** Whether {@code key} names a walk-in profile: a joined set of records no identifier placed. */
  public static boolean isWalkIn(String key) {
    return key.startsWith(UNPLACED_PREFIX);
  }

  /**
   * Whether the link would make the record of {@code group}, one no identifier placed and already
   * placed in {@code own}, join a second candidate.
   */
  private static boolean bridges(String group, Joined own, Joined other, Set<String> unplaced) {
    return unplaced.contains(group) && own.size > 1 && !other.identifiers.isEmpty();
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
