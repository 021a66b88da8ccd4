package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.ApiConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, looked up by the SHA-256 of the presented key. Every configured hash is
 * compared, in constant time, whatever matches first, so timing tells nothing about the keys.
 */
public final class ApiKeys {
  /** SHA-256 of the demo keys shipped in cdp-defaults.yaml; their plain values are public. */
  static final Set<String> DEMO_HASHES =
      Set.of(
          "a3854d6880cae6a250797cd159536ed0128e592e795d41f99976934196251b30",
          "f065b630a18f028c016d6e43cf0f2d5cfe91e233ee942465f07f8c36595bdf02",
          "10dadcce254277d51459f949e329aac0ad971cb8cab86419ab78772c53c2b072");

  private static final SecureRandom RANDOM = new SecureRandom();

  private record Entry(byte[] hash, ApiConfig.ApiKey key) {}

  private final List<Entry> entries;

  ApiKeys(List<ApiConfig.ApiKey> keys) {
    List<Entry> list = new ArrayList<>();
    for (ApiConfig.ApiKey key : requireNonNull(keys, "keys is null")) {
      list.add(new Entry(HexFormat.of().parseHex(key.sha256()), key));
    }
    this.entries = List.copyOf(list);
  }

  /** The key whose hash matches {@code presented}, if any. */
  Optional<ApiConfig.ApiKey> find(String presented) {
    byte[] hash = sha256(presented);
    ApiConfig.ApiKey found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.hash(), hash)) {
        found = entry.key();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Whether one of the public demo keys is configured. */
  static boolean hasDemoKey(List<ApiConfig.ApiKey> keys) {
    return keys.stream().anyMatch(k -> DEMO_HASHES.contains(k.sha256()));
  }

  /** The lowercase hex SHA-256 of {@code key}'s UTF-8 bytes: what {@code api.keys.sha256} holds. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  /** A new random key: 32 bytes from a strong random source, URL-safe base64, prefixed cdp_. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "cdp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
