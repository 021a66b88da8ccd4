package io.opencdp.schemas.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Identifier;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * The identifiers of erased persons, as {@link IdentifierHasher} hashes (the {@code erased} rows of
 * Delta {@code suppression_list}), and the one rule that keeps them out: a record carrying any of
 * them is not stored, neither as an event nor as a dead letter (docs/privacy.md, "Suppression").
 * Batch ingest and the stream both ask {@link #suppresses}; each loads the set its own way.
 */
public final class SuppressedIdentifiers implements Serializable {
  private static final long serialVersionUID = 1L;

  private final IdentifierHasher hasher;
  private final Set<String> hashes;

  /** The set of {@code hashes} (as {@code hasher} computes them). */
  public SuppressedIdentifiers(IdentifierHasher hasher, Collection<String> hashes) {
    this.hasher = requireNonNull(hasher, "hasher is null");
    this.hashes = Set.copyOf(requireNonNull(hashes, "hashes is null"));
  }

  /** The empty set: suppresses nothing (and needs no salt). */
  public static SuppressedIdentifiers none() {
    return new SuppressedIdentifiers(new IdentifierHasher(new byte[16]), Set.of());
  }

  /** Whether nothing is suppressed (no hashing needed). */
  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  public int size() {
    return hashes.size();
  }

  /** Whether the identifier {@code type} ({@code IdentifierType} wire name) {@code value} is. */
  public boolean suppresses(String type, String normalizedValue) {
    return !hashes.isEmpty()
        && normalizedValue != null
        && hashes.contains(hasher.hash(type, normalizedValue));
  }

  /**
   * Whether a record carrying {@code identifiers} must be dropped: any of them, valid or not, has a
   * normalized value that is suppressed.
   */
  public boolean suppresses(Collection<Identifier> identifiers) {
    if (hashes.isEmpty()) {
      return false;
    }
    for (Identifier id : identifiers) {
      if (suppresses(id.type().wireName(), id.normalized())) {
        return true;
      }
    }
    return false;
  }
}
