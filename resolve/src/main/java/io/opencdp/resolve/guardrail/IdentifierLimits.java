package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.GuardrailConfig;
import io.opencdp.schemas.event.IdentifierType;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How many identifiers of each type one profile may hold ({@code resolve.guardrails.limits}) and
 * which type matters most ({@code resolve.guardrails.priority}).
 *
 * <p>The priority orders three things: the two ends of a link (the higher-priority identifier is
 * its {@code left}), links seen at the same instant (the link whose ends rank higher is applied
 * first, so an event carrying a customer id, an email and a device first tries customer id-email),
 * and the reason for a link that would break several limits (the highest-priority type is named).
 * Immutable and serializable.
 */
public final class IdentifierLimits implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] maxPerProfile = new int[IdentifierType.values().length];
  private final int[] rank = new int[IdentifierType.values().length];
  private final List<IdentifierType> priority;
  private transient Comparator<IdentifierKey> identifierOrder;

  private IdentifierLimits(GuardrailConfig config) {
    for (IdentifierType type : IdentifierType.values()) {
      maxPerProfile[type.ordinal()] = config.maxPerProfile().get(type);
    }
    priority = config.priority();
    for (int i = 0; i < priority.size(); i++) {
      rank[priority.get(i).ordinal()] = i;
    }
  }

  /** The limits and priority of {@code resolve.guardrails}. */
  public static IdentifierLimits from(GuardrailConfig config) {
    requireNonNull(config, "config is null");
    return new IdentifierLimits(config);
  }

  /** The most distinct identifiers of {@code type} one profile may hold. */
  public int maxPerProfile(IdentifierType type) {
    return maxPerProfile[type.ordinal()];
  }

  /** Every type, highest priority first. */
  public List<IdentifierType> priority() {
    return priority;
  }

  /** 0 for the highest-priority type. */
  public int rank(IdentifierType type) {
    return rank[type.ordinal()];
  }

  /** Identifiers by type priority, then value. */
  public Comparator<IdentifierKey> identifierOrder() {
    if (identifierOrder == null) {
      identifierOrder =
          Comparator.<IdentifierKey>comparingInt(k -> rank(k.type()))
              .thenComparing(IdentifierKey::value);
    }
    return identifierOrder;
  }

  /**
   * The order links are applied in, total so that the outcome never depends on the input order:
   * time seen, then the link's ends by {@link #identifierOrder()} (the higher-priority end first,
   * whichever side it is on), then the evidence event id.
   */
  public Comparator<IdentityLink> linkOrder() {
    Comparator<IdentifierKey> ids = identifierOrder();
    return Comparator.comparing(IdentityLink::seenAt)
        .thenComparing(link -> higher(link), ids)
        .thenComparing(link -> lower(link), ids)
        .thenComparing(IdentityLink::evidenceEventId);
  }

  /** The end of the link that comes first in {@link #identifierOrder()}. */
  public IdentifierKey higher(IdentityLink link) {
    return identifierOrder().compare(link.left(), link.right()) <= 0 ? link.left() : link.right();
  }

  /** The end of the link that comes last in {@link #identifierOrder()}. */
  public IdentifierKey lower(IdentityLink link) {
    return identifierOrder().compare(link.left(), link.right()) <= 0 ? link.right() : link.left();
  }

  /** A link with its ends in canonical order: the higher-priority identifier on the left. */
  public IdentityLink link(
      IdentifierKey a, IdentifierKey b, String evidenceEventId, Instant seenAt) {
    return identifierOrder().compare(a, b) <= 0
        ? new IdentityLink(a, b, evidenceEventId, seenAt)
        : new IdentityLink(b, a, evidenceEventId, seenAt);
  }
}
