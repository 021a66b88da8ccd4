package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.IdentifierType;
import java.io.Serializable;

/**
 * Why a link was dropped, as written to {@code identity_link_audit}.
 *
 * @param rule the rule that dropped it
 * @param limitType for {@link DropRule#LIMIT}, the type whose limit would be exceeded; null
 *     otherwise
 * @param identifier the identifier the rule is about: the blocked or shared one; for a limit, the
 *     end of the link with the lower priority (the identifier that would bridge two profiles)
 * @param detail the numbers behind the decision; never an identifier value, so erasure need not
 *     scan it
 */
public record DropReason(
    DropRule rule, IdentifierType limitType, IdentifierKey identifier, String detail)
    implements Serializable {
  public DropReason {
    requireNonNull(rule, "rule is null");
    requireNonNull(identifier, "identifier is null");
    requireNonNull(detail, "detail is null");
    if ((rule == DropRule.LIMIT) != (limitType != null)) {
      throw new IllegalArgumentException("limitType is required for, and only for, rule limit");
    }
  }

  public static DropReason blocked(IdentifierKey identifier) {
    return new DropReason(
        DropRule.BLOCKED_VALUE, null, identifier, identifier.type().wireName() + " is blocked");
  }

  public static DropReason shared(IdentifierKey identifier, String detail) {
    return new DropReason(DropRule.SHARED_IDENTIFIER, null, identifier, detail);
  }

  public static DropReason limit(IdentifierType type, IdentifierKey identifier, String detail) {
    return new DropReason(DropRule.LIMIT, type, identifier, detail);
  }

  /**
   * An operator's override ({@link NeverLinkRules.Pair}) keeps the link's ends apart; {@code
   * identifier} is the end that would have joined the other's profile.
   */
  public static DropReason override(NeverLinkRules.Pair pair, IdentifierKey identifier) {
    return new DropReason(
        pair.rule(), null, identifier, pair.rule().code() + " " + pair.overrideId());
  }

  /** The stable rule code: {@code blocked_value}, {@code limit:customer_id}, ... */
  public String code() {
    return rule == DropRule.LIMIT ? rule.code() + ":" + limitType.wireName() : rule.code();
  }
}
