package io.opencdp.resolve.match;

/**
 * What a scored pair offers beyond its probability, for the rules that decide whether a
 * probabilistic link may join profiles ({@code io.opencdp.resolve.guardrail.MatchLinkGuard}): do
 * the names agree, and does anything other than the name speak for the match.
 *
 * @param givenNamesAgree both given names present and equal, a nickname or a typo apart
 * @param familyNamesAgree both family names present and equal or a typo apart
 * @param corroboration the summed log2 weight of every compared field except the two names: above
 *     zero when something besides the name agrees more than the rest disagrees
 */
public record LinkEvidence(
    boolean givenNamesAgree, boolean familyNamesAgree, double corroboration) {}
