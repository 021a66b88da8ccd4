package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.EmailNormalizer;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identifiers of one record, normalized by the normalizers of {@code schemas}, each kept once.
 * An email or phone that fails its checks is kept with {@code valid=false} (resolve decides what is
 * junk); a null or blank value is no identifier.
 */
final class IdentifierCollector {
  private final PhoneNormalizer phones;
  private final List<Identifier> identifiers = new ArrayList<>(4);
  private final Set<String> seen = new HashSet<>();

  IdentifierCollector(PhoneNormalizer phones) {
    this.phones = requireNonNull(phones, "phones is null");
  }

  void email(String raw) {
    if (raw != null && !raw.isBlank()) {
      add(Identifier.of(IdentifierType.EMAIL, EmailNormalizer.normalize(raw)));
    }
  }

  /** A phone; a number without a country code is read in {@code regionHint}'s country. */
  void phone(String raw, String regionHint) {
    if (raw != null && !raw.isBlank()) {
      add(Identifier.of(IdentifierType.PHONE, phones.normalize(raw, regionHint)));
    }
  }

  /**
   * An opaque id (customer, loyalty, device, anonymous): normalized by trimming surrounding
   * whitespace, case kept. The one place this rule lives in ingest.
   */
  void id(IdentifierType type, String raw) {
    if (raw != null && !raw.isBlank()) {
      add(Identifier.valid(type, raw, raw.strip()));
    }
  }

  boolean has(IdentifierType type) {
    return identifiers.stream().anyMatch(i -> i.type() == type);
  }

  boolean isEmpty() {
    return identifiers.isEmpty();
  }

  List<Identifier> list() {
    return List.copyOf(identifiers);
  }

  private void add(Identifier identifier) {
    String value = identifier.normalized() != null ? identifier.normalized() : identifier.raw();
    if (seen.add(identifier.type() + "\u001f" + value)) {
      identifiers.add(identifier);
    }
  }
}
