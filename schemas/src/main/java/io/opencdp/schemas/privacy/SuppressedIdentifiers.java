package io.opencdp.schemas.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers of erased persons, as {@link IdentifierHasher} hashes (the {@code erased} rows of
 * Delta {@code suppression_list}), and the one rule that keeps them out: a record carrying any of
 * them is not stored, neither as an event nor as a dead letter (docs/privacy.md, "Suppression").
 * Batch ingest and the stream both ask {@link #suppresses}; each loads the set its own way.
 */
public final class SuppressedIdentifiers implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The pseudo identifier type of an erased record's natural key ({@code
   * <source_system>:<source_key>}): a record of the person that carries none of their identifiers
   * (a walk-in sale resolution linked to them) is recognized by its key when re-sent.
   */
  public static final String SOURCE_RECORD = "source_record";

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

  /** The hashes, for a holder of them elsewhere (a stream seed). */
  public Set<String> hashes() {
    return hashes;
  }

  /**
   * The hashes an event is recognized by, by the rule of {@link #suppresses(TouchpointEvent)}: its
   * natural key's, then each normalized identifier's. For a holder of the hashes elsewhere (the
   * stream keeps them in its keyed state).
   */
  public static List<String> keysOf(TouchpointEvent event, IdentifierHasher hasher) {
    List<String> keys = new ArrayList<>(1 + event.identifiers().size());
    keys.add(hasher.hash(SOURCE_RECORD, recordKey(event.sourceSystem(), event.sourceKey())));
    for (Identifier id : event.identifiers()) {
      if (id.normalized() != null) {
        keys.add(hasher.hash(id.type().wireName(), id.normalized()));
      }
    }
    return keys;
  }

  /** The value hashed for an event's natural key under {@link #SOURCE_RECORD}. */
  public static String recordKey(String sourceSystem, String sourceKey) {
    return sourceSystem + ":" + sourceKey;
  }

  /**
   * Whether an event must be dropped: one of its identifiers is suppressed, or its natural key is
   * an erased record's.
   */
  public boolean suppresses(TouchpointEvent event) {
    return !hashes.isEmpty()
        && (suppresses(event.identifiers())
            || suppresses(SOURCE_RECORD, recordKey(event.sourceSystem(), event.sourceKey())));
  }

  /**
   * Whether a raw record that could not become an event (a dead letter, its identifiers maybe
   * unreadable) holds a suppressed identifier as a token: each token of {@code text} (split at
   * characters that are not letters, digits or {@code @._+-}) is looked up as every identifier
   * type, an email lowercased. For the rare dead letter only: it hashes every token.
   */
  public boolean suppressesText(String text) {
    if (hashes.isEmpty() || text == null) {
      return false;
    }
    for (String token : text.split("[^\\p{L}\\p{N}@._+\\-]+")) {
      String t = token.replaceAll("^[._\\-]+|[._\\-]+$", "");
      if (t.length() < 3) {
        continue;
      }
      for (IdentifierType type : IdentifierType.values()) {
        String value = type == IdentifierType.EMAIL ? t.toLowerCase(Locale.ROOT) : t;
        if (suppresses(type.wireName(), value)) {
          return true;
        }
      }
    }
    return false;
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
