package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The profile API ({@code cdp serve}).
 *
 * @param host the address the API binds ({@code 0.0.0.0} for every interface)
 * @param port the HTTP port; 0 picks a free one
 * @param keys the API keys, stored as the SHA-256 of the key (never the key itself)
 * @param defaultPhoneRegion ISO country a looked-up phone number without a country code is read in
 * @param maxRequestBytes the largest request body accepted
 * @param maxPageSize the most items one list response may hold
 * @param esTimeoutMillis how long a call to Elasticsearch (the readiness probe included) may take
 */
public record ApiConfig(
    String host,
    int port,
    List<ApiKey> keys,
    String defaultPhoneRegion,
    int maxRequestBytes,
    int maxPageSize,
    int esTimeoutMillis) {

  /** What a key may do; the route table of the API says which roles each route admits. */
  public enum Role {
    /** Support agents: one customer's full profile at a time. */
    AGENT,
    /** Marketers: segments and audiences; personal data masked. */
    MARKETER,
    /** Operators: everything, including metrics. */
    ADMIN;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The config spelling, e.g. {@code marketer}. */
    @JsonValue
    public String wireName() {
      return wireName;
    }

    /** Reads the config spelling; the message names the key and lists the roles. */
    @JsonCreator
    public static Role parse(String value) {
      return Enums.parse("api.keys.role", value, values(), Role::wireName);
    }
  }

  /**
   * One API key. Only its SHA-256 is configured ({@code cdp api hash-key} prints it), so the config
   * file is not a secret store.
   *
   * @param id a name for logs and metrics (never the key)
   * @param sha256 the lowercase hex SHA-256 of the key's UTF-8 bytes
   * @param role what the key may do
   * @param workspace the workspace the key's requests are confined to
   */
  public record ApiKey(String id, String sha256, Role role, String workspace) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
      ConfigChecks.identifier("api.keys.id", id);
      if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
        throw new IllegalArgumentException(
            "api.keys.sha256 of key '"
                + id
                + "' must be 64 lowercase hex digits (the SHA-256 of the key; `cdp api hash-key`"
                + " prints it), not the key itself");
      }
      requireNonNull(role, "api.keys.role of key '" + id + "' is required");
      ConfigChecks.identifier("api.keys.workspace", workspace);
    }
  }

  public ApiConfig {
    ConfigChecks.notBlank("api.host", host);
    ConfigChecks.range("api.port", port, 0, 65_535);
    keys = List.copyOf(requireNonNull(keys, "api.keys is required"));
    Set<String> ids = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!ids.add(keys.get(i).id())) {
        throw new IllegalArgumentException(
            "api.keys[" + i + "] repeats the id '" + keys.get(i).id() + "' of an earlier entry");
      }
      if (!hashes.add(keys.get(i).sha256())) {
        throw new IllegalArgumentException(
            "api.keys["
                + i
                + "] ('"
                + keys.get(i).id()
                + "') repeats the sha256 of an earlier key");
      }
    }
    ConfigChecks.notBlank("api.default_phone_region", defaultPhoneRegion);
    ConfigChecks.range("api.max_request_bytes", maxRequestBytes, 1024, 64 * 1024 * 1024);
    ConfigChecks.range("api.max_page_size", maxPageSize, 1, 10_000);
    ConfigChecks.range("api.es_timeout_millis", esTimeoutMillis, 100, 600_000);
  }

  /** This config with other keys (tests). */
  public ApiConfig withKeys(List<ApiKey> newKeys) {
    return new ApiConfig(
        host, port, newKeys, defaultPhoneRegion, maxRequestBytes, maxPageSize, esTimeoutMillis);
  }

  /** This config on another port (the CLI's {@code --port}, tests). */
  public ApiConfig withPort(int newPort) {
    return new ApiConfig(
        host, newPort, keys, defaultPhoneRegion, maxRequestBytes, maxPageSize, esTimeoutMillis);
  }
}
