package io.opencdp.schemas.audience;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats of audience exports (docs/segments.md, "Audience exports"). */
public enum AudienceFormat {
  /** Google Ads Customer Match customer list, hashed. */
  GOOGLE,
  /** Meta (Facebook) Custom Audiences customer list, hashed. */
  META,
  /** Profile id and chosen fields, unhashed, for internal tools (admins only). */
  CSV;

  /** The name in commands, routes and records: {@code google}, {@code meta}, {@code csv}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the file carries hashed personal data for an ad platform. */
  public boolean hashed() {
    return this != CSV;
  }

  /** The format named {@code id}; a {@code BAD_ARGUMENT} naming {@code field} otherwise. */
  public static AudienceFormat parse(String id, String field) {
    for (AudienceFormat format : values()) {
      if (format.id().equals(id)) {
        return format;
      }
    }
    throw new CdpException(
        ErrorCode.BAD_ARGUMENT,
        "field '"
            + field
            + "' must be one of "
            + Arrays.stream(values()).map(AudienceFormat::id).collect(Collectors.joining(", "))
            + ", got '"
            + id
            + "'",
        field,
        null);
  }
}
