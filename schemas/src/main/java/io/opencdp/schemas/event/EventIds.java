package io.opencdp.schemas.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one rule for an event's id: the same source record always gets the same id, in the batch and
 * the streaming path, on any re-delivery.
 */
public final class EventIds {
  private static final char SEPARATOR = '\u001f';

  private EventIds() {}

  /**
   * The first 128 bits of SHA-256 over {@code workspace_id, source_system, source_key}, as 32
   * lowercase hex characters. The separator (unit separator, U+001F) cannot occur in a workspace id
   * or a source system name, so two different keys never hash the same input.
   */
  public static String derive(String workspaceId, String sourceSystem, String sourceKey) {
    WorkspaceId.check("workspace_id", workspaceId);
    Checks.matches(sourceSystem, SourceSystems.PATTERN, "source_system");
    Checks.nonBlank(sourceKey, "source_key");
    String input = workspaceId + SEPARATOR + sourceSystem + SEPARATOR + sourceKey;
    byte[] digest = sha256().digest(input.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
