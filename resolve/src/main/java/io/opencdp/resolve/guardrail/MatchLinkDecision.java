package io.opencdp.resolve.guardrail;

import static java.util.Objects.requireNonNull;

/**
 * What the guard decided for one probabilistic link.
 *
 * @param link the link
 * @param accepted whether it joined the two candidates (or found them already joined)
 * @param rule for a refused link, the stable rule code ({@code conflicting_identifier:customer_id},
 *     {@code conflicting_birth_date}, {@code limit:email}, {@code never_link_override}); null when
 *     accepted
 * @param detail the numbers behind the decision, never an identifier value
 */
public record MatchLinkDecision(MatchLink link, boolean accepted, String rule, String detail) {
  public MatchLinkDecision {
    requireNonNull(link, "link is null");
    requireNonNull(detail, "detail is null");
    if (accepted != (rule == null)) {
      throw new IllegalArgumentException("a refused link needs a rule, an accepted one none");
    }
  }
}
