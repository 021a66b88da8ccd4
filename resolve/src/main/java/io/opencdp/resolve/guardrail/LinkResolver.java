package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-type limits applied link by link: a union-find over identifiers in which every cluster (a
 * future profile) counts its identifiers per type. {@link #offer} joins the clusters of a link's
 * two ends unless the joined cluster would hold more identifiers of some type than {@link
 * IdentifierLimits#maxPerProfile} allows; then the link is dropped with {@code limit:<type>} and
 * both clusters stay as they are.
 *
 * <p>So the link that introduces a conflict is the one refused, never an earlier one: when five
 * family members, each with a customer id, share one email, the first customer id-email link (in
 * {@link IdentifierLimits#linkOrder()}) puts the email with that customer, and every later one
 * would put a second customer id in the profile and is dropped. Batch resolution offers a
 * component's links in that order ({@link LinkGuardrails#resolve}); streaming resolution {@link
 * #seed seeds} the profiles an event touches and offers the event's links, one event at a time,
 * which is the same computation.
 *
 * <p>Not thread-safe; one instance per component (batch) or per event (streaming).
 */
public final class LinkResolver {
  private static final int TYPES = IdentifierType.values().length;

  private final IdentifierLimits limits;
  private final NeverLinkRules neverLink;

  /** Per root, its nodes that some never-link pair names; empty when there are no pairs. */
  private final Map<Integer, List<Integer>> constrained = new HashMap<>();

  private final Map<IdentifierKey, Integer> index = new HashMap<>();
  private final List<IdentifierKey> keys = new ArrayList<>();
  private int[] parent = new int[16];
  private int[] size = new int[16];

  /** {@code TYPES} counts per node; meaningful on roots only. */
  private int[] counts = new int[16 * TYPES];

  /**
   * Per root, the node of its smallest identifier in {@link IdentifierLimits#identifierOrder()}.
   */
  private int[] anchor = new int[16];

  LinkResolver(IdentifierLimits limits) {
    this(limits, NeverLinkRules.none());
  }

  LinkResolver(IdentifierLimits limits, NeverLinkRules neverLink) {
    this.limits = requireNonNull(limits, "limits is null");
    this.neverLink = requireNonNull(neverLink, "neverLink is null");
  }

  /** Registers an identifier as a cluster of its own unless it is known already. */
  public void add(IdentifierKey identifier) {
    node(requireNonNull(identifier, "identifier is null"));
  }

  /**
   * Puts identifiers that already form one profile (streaming: the profile an event's identifier
   * resolves to) into one cluster, without checking limits: they were checked when it was built.
   */
  public void seed(Collection<IdentifierKey> profile) {
    requireNonNull(profile, "profile is null");
    Integer first = null;
    for (IdentifierKey identifier : profile) {
      int n = node(requireNonNull(identifier, "profile holds a null identifier"));
      if (first == null) {
        first = n;
      } else {
        union(find(first), find(n));
      }
    }
  }

  /**
   * Joins the clusters of the link's ends unless that would put both ends of a never-link pair in
   * one cluster, or a per-type limit would be exceeded. A link whose ends are already in one
   * cluster is accepted and changes nothing.
   */
  public LinkDecision offer(IdentityLink link) {
    requireNonNull(link, "link is null");
    int a = find(node(link.left()));
    int b = find(node(link.right()));
    if (a == b) {
      return LinkDecision.accept(link);
    }
    NeverLinkRules.Pair pair = violatedPair(a, b);
    if (pair != null) {
      return LinkDecision.drop(link, DropReason.override(pair, limits.lower(link)));
    }
    for (IdentifierType type : limits.priority()) {
      int joined = counts[a * TYPES + type.ordinal()] + counts[b * TYPES + type.ordinal()];
      int max = limits.maxPerProfile(type);
      if (joined > max) {
        return LinkDecision.drop(
            link,
            DropReason.limit(
                type,
                limits.lower(link),
                "profile would hold " + joined + " " + type.wireName() + ", limit " + max));
      }
    }
    union(a, b);
    return LinkDecision.accept(link);
  }

  /** Whether the two identifiers are in one cluster. */
  public boolean together(IdentifierKey a, IdentifierKey b) {
    Integer na = index.get(a);
    Integer nb = index.get(b);
    return na != null && nb != null && find(na) == find(nb);
  }

  /**
   * The cluster's key: its first identifier in {@link IdentifierLimits#identifierOrder()} (a
   * customer id if it has one). Deterministic for a given set of accepted links; the identifier
   * itself when it is unknown.
   */
  public IdentifierKey clusterKey(IdentifierKey identifier) {
    Integer n = index.get(identifier);
    return n == null ? identifier : keys.get(anchor[find(n)]);
  }

  /** Every known identifier with its {@link #clusterKey}, in the order they became known. */
  public Map<IdentifierKey, IdentifierKey> clusterKeys() {
    Map<IdentifierKey, IdentifierKey> result = new LinkedHashMap<>();
    for (int n = 0; n < keys.size(); n++) {
      result.put(keys.get(n), keys.get(anchor[find(n)]));
    }
    return result;
  }

  /** How many identifiers of {@code type} the identifier's cluster holds (0 when unknown). */
  public int count(IdentifierKey identifier, IdentifierType type) {
    Integer n = index.get(identifier);
    return n == null ? 0 : counts[find(n) * TYPES + type.ordinal()];
  }

  /** A never-link pair with one end in each of the two clusters; null when there is none. */
  private NeverLinkRules.Pair violatedPair(int rootA, int rootB) {
    List<Integer> inA = constrained.get(rootA);
    List<Integer> inB = constrained.get(rootB);
    if (inA == null || inB == null) {
      return null;
    }
    List<Integer> smaller = inA.size() <= inB.size() ? inA : inB;
    int otherRoot = smaller == inA ? rootB : rootA;
    for (int n : smaller) {
      IdentifierKey identifier = keys.get(n);
      for (NeverLinkRules.Pair pair : neverLink.pairsOf(identifier)) {
        Integer partner = index.get(pair.other(identifier));
        if (partner != null && find(partner) == otherRoot) {
          return pair;
        }
      }
    }
    return null;
  }

  private int node(IdentifierKey identifier) {
    Integer existing = index.get(identifier);
    if (existing != null) {
      return existing;
    }
    int n = keys.size();
    if (n == parent.length) {
      int capacity = n * 2;
      parent = Arrays.copyOf(parent, capacity);
      size = Arrays.copyOf(size, capacity);
      anchor = Arrays.copyOf(anchor, capacity);
      counts = Arrays.copyOf(counts, capacity * TYPES);
    }
    keys.add(identifier);
    index.put(identifier, n);
    parent[n] = n;
    size[n] = 1;
    anchor[n] = n;
    counts[n * TYPES + identifier.type().ordinal()] = 1;
    if (neverLink.constrains(identifier)) {
      List<Integer> own = new ArrayList<>();
      own.add(n);
      constrained.put(n, own);
    }
    return n;
  }

  private int find(int n) {
    int root = n;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[n] != root) {
      int next = parent[n];
      parent[n] = root;
      n = next;
    }
    return root;
  }

  private void union(int a, int b) {
    if (a == b) {
      return;
    }
    if (size[a] < size[b]) {
      int t = a;
      a = b;
      b = t;
    }
    parent[b] = a;
    size[a] += size[b];
    List<Integer> moved = constrained.remove(b);
    if (moved != null) {
      constrained.computeIfAbsent(a, k -> new ArrayList<>()).addAll(moved);
    }
    for (int t = 0; t < TYPES; t++) {
      counts[a * TYPES + t] += counts[b * TYPES + t];
    }
    Comparator<IdentifierKey> order = limits.identifierOrder();
    if (order.compare(keys.get(anchor[b]), keys.get(anchor[a])) < 0) {
      anchor[a] = anchor[b];
    }
  }
}
