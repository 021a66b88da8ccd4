package io.opencdp.schemas.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.opencdp.schemas.config.ConfigChecks;

/**
 * A workspace (brand) id: 1-64 lowercase letters, digits, {@code _} or {@code -}, starting with a
 * letter or digit. Every table row, index and key carries one. JSON spells it as a plain string.
 */
public record WorkspaceId(String value) {
  /** The workspace of a fresh install. */
  public static final WorkspaceId DEFAULT = new WorkspaceId("default");

  @JsonCreator
  public WorkspaceId {
    check("workspace_id", value);
  }

  /** Checks a workspace id held as a plain string; the message names {@code field}. */
  public static String check(String field, String value) {
    requireNonNull(value, field + " is null");
    ConfigChecks.identifier(field, value);
    return value;
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
