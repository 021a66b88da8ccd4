package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * What the guardrails decided for one link.
 *
 * @param link the link
 * @param reason why it was dropped; null when it was accepted
 */
public record LinkDecision(IdentityLink link, DropReason reason) implements Serializable {
  public LinkDecision {
    requireNonNull(link, "link is null");
  }

  public static LinkDecision accept(IdentityLink link) {
    return new LinkDecision(link, null);
  }

  public static LinkDecision drop(IdentityLink link, DropReason reason) {
    return new LinkDecision(link, requireNonNull(reason, "reason is null"));
  }

  public boolean accepted() {
    return reason == null;
  }
}
