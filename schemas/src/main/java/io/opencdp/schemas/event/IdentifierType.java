package io.opencdp.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of identifier identity resolution links on. An email service's recipient is an {@link
 * #EMAIL}; a call center's customer endpoint is a {@link #PHONE}. A card's last four digits are too
 * weak to link on and stay a property. JSON spells each one in lowercase snake case.
 */
public enum IdentifierType {
  /** The CRM's customer id, also Segment's {@code userId} once the user has logged in. */
  CUSTOMER_ID,
  /** The loyalty program's card or member number, as the POS scans it. */
  LOYALTY_ID,
  /** An email address. */
  EMAIL,
  /** A phone number; normalized to E.164. */
  PHONE,
  /** A device's id (e.g. Segment's {@code context.device.id}). */
  DEVICE_ID,
  /** Segment's {@code anonymousId}: a browser or app install before login. */
  ANONYMOUS_ID;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The JSON and table spelling, e.g. {@code customer_id}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Reads the JSON spelling; the message lists the spellings it accepts. */
  @JsonCreator
  public static IdentifierType fromWireName(String value) {
    for (IdentifierType type : values()) {
      if (type.wireName.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "identifier type must be one of "
            + Arrays.stream(values())
                .map(IdentifierType::wireName)
                .collect(Collectors.joining(", "))
            + ", got '"
            + value
            + "'");
  }
}
