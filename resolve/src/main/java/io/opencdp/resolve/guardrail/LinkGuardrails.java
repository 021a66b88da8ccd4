package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.GuardrailConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one place batch (Spark) and streaming (Flink) resolution decide which identifier links may
 * merge persons. A link is checked, in this order:
 *
 * <ol>
 *   <li>{@code blocked_value}: an end is in {@link BlockedValues};
 *   <li>{@code shared_identifier}: an end is shared ({@link SharedIdentifierDetector}, applied by
 *       the caller to its statistics and passed in as a predicate);
 *   <li>{@code never_link_override} / {@code split_override}: joining the two ends' clusters would
 *       put both identifiers of an operator's never-link pair in one profile ({@link
 *       NeverLinkRules}, {@link LinkResolver});
 *   <li>{@code limit:<type>}: joining the two ends' clusters would exceed a per-type limit ({@link
 *       LinkResolver}).
 * </ol>
 *
 * When both ends break a rule, the higher-priority end is named. Immutable and serializable; the
 * resolvers it creates are not.
 */
public final class LinkGuardrails implements Serializable {
  private static final long serialVersionUID = 1L;

  private final BlockedValues blocked;
  private final IdentifierLimits limits;
  private final SharedIdentifierDetector shared;

  private LinkGuardrails(
      BlockedValues blocked, IdentifierLimits limits, SharedIdentifierDetector shared) {
    this.blocked = blocked;
    this.limits = limits;
    this.shared = shared;
  }

  /** The guardrails of {@code resolve.guardrails}. */
  public static LinkGuardrails from(GuardrailConfig config) {
    requireNonNull(config, "config is null");
    return new LinkGuardrails(
        BlockedValues.from(config),
        IdentifierLimits.from(config),
        SharedIdentifierDetector.from(config));
  }

  public BlockedValues blocked() {
    return blocked;
  }

  public IdentifierLimits limits() {
    return limits;
  }

  public SharedIdentifierDetector sharedDetector() {
    return shared;
  }

  /** An empty resolver for one component (batch) or one event's profiles (streaming). */
  public LinkResolver newResolver() {
    return new LinkResolver(limits);
  }

  /** An empty resolver that also refuses links joining the two ends of a never-link pair. */
  public LinkResolver newResolver(NeverLinkRules neverLink) {
    return new LinkResolver(limits, neverLink);
  }

  /**
   * Decides one link against {@code resolver}'s current clusters and, when it is accepted, joins
   * them. The streaming path calls this for an event's links in {@link
   * IdentifierLimits#linkOrder()}.
   */
  public LinkDecision decide(
      LinkResolver resolver, IdentityLink link, Predicate<IdentifierKey> isShared) {
    requireNonNull(resolver, "resolver is null");
    requireNonNull(link, "link is null");
    requireNonNull(isShared, "isShared is null");
    IdentifierKey high = limits.higher(link);
    IdentifierKey low = limits.lower(link);
    for (IdentifierKey end : List.of(high, low)) {
      if (blocked.isBlocked(end)) {
        addUsable(resolver, link, isShared);
        return LinkDecision.drop(link, DropReason.blocked(end));
      }
    }
    for (IdentifierKey end : List.of(high, low)) {
      if (isShared.test(end)) {
        addUsable(resolver, link, isShared);
        return LinkDecision.drop(
            link, DropReason.shared(end, end.type().wireName() + " is shared"));
      }
    }
    return resolver.offer(link);
  }

  /** The ends of a dropped link that may still form a profile of their own. */
  private void addUsable(
      LinkResolver resolver, IdentityLink link, Predicate<IdentifierKey> isShared) {
    for (IdentifierKey end : List.of(link.left(), link.right())) {
      if (!blocked.isBlocked(end) && !isShared.test(end)) {
        resolver.add(end);
      }
    }
  }

  /**
   * Decides every link of one candidate cluster (a connected component of the link graph) at once.
   * The links are applied in {@link IdentifierLimits#linkOrder()} (time seen, then the ends by type
   * priority and value, then the event id), so the outcome does not depend on their input order.
   */
  public Resolution resolve(Collection<IdentityLink> links, Predicate<IdentifierKey> isShared) {
    return resolve(links, isShared, NeverLinkRules.none());
  }

  /**
   * As {@link #resolve(Collection, Predicate)}, also refusing, with the override's rule, a link
   * that would put both ends of a never-link pair in one cluster: the component splits.
   */
  public Resolution resolve(
      Collection<IdentityLink> links, Predicate<IdentifierKey> isShared, NeverLinkRules neverLink) {
    requireNonNull(links, "links is null");
    List<IdentityLink> ordered = new ArrayList<>(links);
    ordered.sort(limits.linkOrder());
    LinkResolver resolver = newResolver(neverLink);
    List<LinkDecision> decisions = new ArrayList<>(ordered.size());
    for (IdentityLink link : ordered) {
      decisions.add(decide(resolver, link, isShared));
    }
    return new Resolution(decisions, resolver.clusterKeys());
  }
}
