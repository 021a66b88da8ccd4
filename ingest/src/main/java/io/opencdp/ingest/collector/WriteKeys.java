package io.opencdp.ingest.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.config.CollectorConfig;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Authenticates requests by write key, as Segment does: the key is the HTTP Basic user name (the
 * password is empty and ignored); a request without an {@code Authorization} header may carry it as
 * the body's {@code writeKey} field instead (analytics.js sends it that way to avoid a CORS
 * preflight).
 *
 * <p>Keys are held only as SHA-256 digests and every lookup compares the presented key's digest
 * with every configured digest in constant time, so neither the time taken nor an early exit tells
 * an attacker how much of a key was right. Config holds keys in plain text for now; hashed keys in
 * config come with the API-keys work.
 */
final class WriteKeys {
  private static final String BASIC = "basic ";

  private record Entry(byte[] digest, SourceRef target) {}

  private final List<Entry> entries;

  WriteKeys(List<CollectorConfig.WriteKey> keys) {
    this.entries =
        keys.stream()
            .map(k -> new Entry(sha256(k.key()), new SourceRef(k.workspace(), k.source())))
            .toList();
  }

  /**
   * The target of the key in an {@code Authorization: Basic} header; 401 when the header is
   * malformed or the key unknown.
   */
  SourceRef fromHeader(String authorization) {
    String value = authorization.strip();
    if (value.length() < BASIC.length()
        || !value.substring(0, BASIC.length()).equalsIgnoreCase(BASIC)) {
      throw CollectorException.unauthorized(
          "the Authorization header must be HTTP Basic with the write key as user name");
    }
    String decoded;
    try {
      decoded =
          new String(Base64.getDecoder().decode(value.substring(BASIC.length()).strip()), UTF_8);
    } catch (IllegalArgumentException e) {
      throw CollectorException.unauthorized("the Authorization header is not valid base64");
    }
    int colon = decoded.indexOf(':');
    return lookup(colon < 0 ? decoded : decoded.substring(0, colon));
  }

  /** The target of the body's {@code writeKey} field; 401 when it is missing or unknown. */
  SourceRef fromBody(JsonNode writeKey) {
    if (writeKey == null || !writeKey.isTextual() || writeKey.textValue().isEmpty()) {
      throw CollectorException.unauthorized(
          "no write key: send it as the HTTP Basic user name (empty password)");
    }
    return lookup(writeKey.textValue());
  }

  private SourceRef lookup(String key) {
    byte[] presented = sha256(key);
    SourceRef found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.digest, presented)) {
        found = entry.target; // no early exit: every lookup costs the same
      }
    }
    if (found == null) {
      throw CollectorException.unauthorized("unknown write key");
    }
    return found;
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
