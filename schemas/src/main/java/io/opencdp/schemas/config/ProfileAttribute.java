package io.opencdp.schemas.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The attributes of a golden profile that survivorship picks one value for ({@code
 * profiles.survivorship.<attribute>}). {@link #ADDRESS} is one unit: street, city, region, postal
 * code and country always come from the same event.
 */
public enum ProfileAttribute {
  FIRST_NAME,
  LAST_NAME,
  BIRTH_DATE,
  GENDER,
  ADDRESS,
  /** The primary email, chosen among the profile's valid, unblocked emails. */
  EMAIL,
  /** The primary phone, chosen among the profile's valid, unblocked phones. */
  PHONE;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The config and table spelling, e.g. {@code first_name}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  static ProfileAttribute parse(String key, String value) {
    return Enums.parse(key, value, values(), ProfileAttribute::wireName);
  }
}
