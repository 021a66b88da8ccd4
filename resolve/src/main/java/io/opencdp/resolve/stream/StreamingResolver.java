package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.resolve.guardrail.LinkGuardrails;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.Serializable;
import java.util.List;

/**
 * Deterministic identity resolution one event at a time, with the batch's rules (docs/streaming.md,
 * "Incremental resolution"). Immutable and serializable; all state is in the {@link StreamState}
 * passed in.
 */
public final class StreamingResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many name keys per identifier are kept: the batch's sample size. */
  public static final int MAX_NAME_KEYS = 64;

  private final LinkGuardrails guardrails;
  private final NeverLinkRules neverLink;

  public StreamingResolver(LinkGuardrails guardrails, NeverLinkRules neverLink) {
    this.guardrails = requireNonNull(guardrails, "guardrails is null");
    this.neverLink = requireNonNull(neverLink, "neverLink is null");
  }

  /**
   * Resolves {@code event} against {@code state} and updates it; an event seen before is a no-op.
   */
  public StitchOutcome resolve(TouchpointEvent event, StreamState state) {
    throw new UnsupportedOperationException("being built");
  }

  /** The shared identifiers the profile's events carry: the profile lists them, flagged. */
  public List<IdentifierKey> sharedOn(ProfileNode profile, StreamState state) {
    throw new UnsupportedOperationException("being built");
  }
}
