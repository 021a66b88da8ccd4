package io.opencdp.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The id of a resolved person's golden profile: 1-128 letters, digits, {@code _ . : -}, starting
 * with a letter or digit. Unique within a workspace. JSON spells it as a plain string.
 */
public record ProfileId(String value) {
  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

  @JsonCreator
  public ProfileId {
    Checks.matches(value, PATTERN, "profile_id");
  }

  /** Whether {@code value} is a well-formed profile id. */
  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
