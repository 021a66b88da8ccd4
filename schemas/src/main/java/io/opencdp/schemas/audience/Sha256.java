package io.opencdp.schemas.audience;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a string's UTF-8 bytes in lowercase hex, the form every ad platform expects. */
public final class Sha256 {
  private Sha256() {}

  /** The 64 lowercase hex digits of SHA-256 over the UTF-8 bytes of {@code text}. */
  public static String hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** {@link #hex} of {@code normalized}, or the empty string for null (a missing value). */
  static String hexOrEmpty(String normalized) {
    return normalized == null ? "" : hex(normalized);
  }
}
