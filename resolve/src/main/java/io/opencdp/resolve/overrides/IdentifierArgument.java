package io.opencdp.resolve.overrides;

import static java.util.Objects.requireNonNull;

import io.opencdp.resolve.guardrail.BlockedValues;
import io.opencdp.resolve.guardrail.IdentifierKey;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.EmailNormalizer;
import io.opencdp.schemas.normalize.InvalidReason;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An identifier an operator typed, {@code TYPE:VALUE} ({@code email:Ann@Mail.test}, {@code
 * phone:+15550100001}), normalized the way ingest normalizes it (emails lowercased, phones to E.164
 * with a number without country code read as US, ids trimmed) so that it names the value resolution
 * links on. Rejected with {@link ErrorCode#BAD_ARGUMENT} when the type is unknown, the value is not
 * valid for its type, or the value is blocked (it never links, so an override on it would do
 * nothing).
 */
public final class IdentifierArgument {
  static final String PHONE_REGION = "US";

  private IdentifierArgument() {}

  public static IdentifierKey parse(String text, BlockedValues blocked) {
    requireNonNull(blocked, "blocked is null");
    IdentifierKey key = parse(text);
    if (blocked.isBlocked(key.type(), key.value())) {
      throw bad(
          key.type().wireName()
              + " '"
              + key.value()
              + "' is a blocked value (resolve.guardrails.blocked): it never links, so an"
              + " override on it would change nothing");
    }
    return key;
  }

  /**
   * {@code TYPE:VALUE} normalized, blocked values accepted (erasure names whatever a person sent);
   * rejected when the type is unknown or the value not valid for it.
   */
  public static IdentifierKey parse(String text) {
    if (text == null || text.indexOf(':') <= 0) {
      throw bad(
          "identifier '"
              + text
              + "' must be TYPE:VALUE, e.g. email:ann@mail.test; types: "
              + types());
    }
    int colon = text.indexOf(':');
    String typeName = text.substring(0, colon).strip();
    String raw = text.substring(colon + 1);
    IdentifierType type =
        Arrays.stream(IdentifierType.values())
            .filter(t -> t.wireName().equals(typeName))
            .findFirst()
            .orElseThrow(
                () ->
                    bad(
                        "unknown identifier type '"
                            + typeName
                            + "' in '"
                            + text
                            + "'; types: "
                            + types()));
    return IdentifierKey.of(type, normalize(type, raw, text));
  }

  private static String normalize(IdentifierType type, String raw, String text) {
    Normalized<String> result =
        switch (type) {
          case EMAIL -> EmailNormalizer.normalize(raw);
          case PHONE -> new PhoneNormalizer(PHONE_REGION).normalize(raw);
          default ->
              raw.isBlank()
                  ? Normalized.invalid(raw, InvalidReason.EMPTY)
                  : Normalized.valid(raw, raw.strip());
        };
    if (!result.valid()) {
      throw bad(
          "'"
              + text
              + "' is not a valid "
              + type.wireName()
              + " ("
              + result.invalidReason()
              + "); resolution links only on valid identifiers");
    }
    return result.value();
  }

  private static String types() {
    return Arrays.stream(IdentifierType.values())
        .map(IdentifierType::wireName)
        .collect(Collectors.joining(", "));
  }

  private static CdpException bad(String message) {
    return new CdpException(ErrorCode.BAD_ARGUMENT, message);
  }
}
