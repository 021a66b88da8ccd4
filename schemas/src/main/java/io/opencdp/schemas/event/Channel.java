package io.opencdp.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The channel a touchpoint came through. JSON spells each one in lowercase snake case. */
public enum Channel {
  /** Website, through Segment-spec messages. */
  WEB,
  /** Mobile app, through Segment-spec messages. */
  APP,
  /** Store point of sale, through CSV line items. */
  STORE,
  /** Email, through SendGrid Event Webhook events. */
  EMAIL,
  /** Call center, through Amazon Connect contact records. */
  CALL_CENTER,
  /** The customer master, through the CRM account export. */
  CRM;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The JSON and table spelling, e.g. {@code call_center}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Reads the JSON spelling; the message lists the spellings it accepts. */
  @JsonCreator
  public static Channel fromWireName(String value) {
    for (Channel channel : values()) {
      if (channel.wireName.equals(value)) {
        return channel;
      }
    }
    throw new IllegalArgumentException(
        "channel must be one of "
            + Arrays.stream(values()).map(Channel::wireName).collect(Collectors.joining(", "))
            + ", got '"
            + value
            + "'");
  }
}
