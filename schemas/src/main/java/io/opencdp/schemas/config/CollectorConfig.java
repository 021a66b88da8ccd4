package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The web/app event collector: a Segment-compatible HTTP endpoint that appends accepted messages to
 * the landing directories of the {@code web} and {@code app} sources.
 *
 * @param host the address the collector binds ({@code 0.0.0.0} for every interface)
 * @param port the HTTP port; 0 picks a free one
 * @param writeKeys the write keys clients authenticate with (HTTP Basic user name, empty password)
 * @param maxBodyBytes the largest request body, after gzip decoding (Segment: 500 KB)
 * @param maxMessageBytes the largest single message (Segment: 32 KB)
 * @param maxBatchMessages the most messages one {@code /v1/batch} request may carry
 * @param rotateBytes an in-progress file is finished once it holds this many bytes
 * @param rotateSeconds an in-progress file is finished once it is this old
 * @param dedupWindowHours how long an accepted messageId is remembered to drop client retries
 * @param dedupMaxIds the most messageIds remembered per source (the oldest are forgotten first)
 */
public record CollectorConfig(
    String host,
    int port,
    List<WriteKey> writeKeys,
    int maxBodyBytes,
    int maxMessageBytes,
    int maxBatchMessages,
    long rotateBytes,
    int rotateSeconds,
    int dedupWindowHours,
    int dedupMaxIds) {

  /** The sources a write key may send to: the Segment-format landing directories. */
  public static final List<String> SOURCES = List.of("web", "app");

  /**
   * One write key. Keys are plain text in the config for now; hashed keys come with the API-keys
   * work. The key itself never appears in an error message.
   *
   * @param key the secret clients send as the HTTP Basic user name
   * @param source {@code web} or {@code app}: the landing directory its messages go to
   * @param workspace the workspace the messages belong to
   */
  public record WriteKey(String key, String source, String workspace) {
    /** The shortest accepted key: shorter ones are guessable. */
    public static final int MIN_KEY_LENGTH = 16;

    public WriteKey {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("collector.write_keys: an entry has no key");
      }
      if (key.length() < MIN_KEY_LENGTH || !key.strip().equals(key) || key.contains(":")) {
        throw new IllegalArgumentException(
            "collector.write_keys: the key of the entry for source '"
                + source
                + "' must be at least "
                + MIN_KEY_LENGTH
                + " characters without surrounding spaces or ':'");
      }
      if (source == null || !SOURCES.contains(source)) {
        throw new IllegalArgumentException(
            "collector.write_keys: source must be one of "
                + String.join(", ", SOURCES)
                + ", got '"
                + source
                + "'");
      }
      ConfigChecks.identifier("collector.write_keys.workspace", workspace);
    }

    @Override
    public String toString() {
      return "WriteKey[key=***, source=" + source + ", workspace=" + workspace + "]";
    }
  }

  public CollectorConfig {
    ConfigChecks.notBlank("collector.host", host);
    ConfigChecks.range("collector.port", port, 0, 65_535);
    writeKeys = List.copyOf(requireNonNull(writeKeys, "collector.write_keys is required"));
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < writeKeys.size(); i++) {
      if (!keys.add(writeKeys.get(i).key())) {
        throw new IllegalArgumentException(
            "collector.write_keys[" + i + "] repeats the key of an earlier entry");
      }
    }
    ConfigChecks.range("collector.max_body_bytes", maxBodyBytes, 1024, 64 * 1024 * 1024);
    ConfigChecks.range("collector.max_message_bytes", maxMessageBytes, 1024, maxBodyBytes);
    ConfigChecks.range("collector.max_batch_messages", maxBatchMessages, 1, 100_000);
    ConfigChecks.range("collector.rotate_bytes", rotateBytes, 1024, 1024L * 1024 * 1024);
    ConfigChecks.range("collector.rotate_seconds", rotateSeconds, 1, 86_400);
    ConfigChecks.range("collector.dedup_window_hours", dedupWindowHours, 1, 24 * 30);
    ConfigChecks.range("collector.dedup_max_ids", dedupMaxIds, 1, 100_000_000);
  }

  /** How long an in-progress file may stay open. */
  public Duration rotateAfter() {
    return Duration.ofSeconds(rotateSeconds);
  }

  /** How long an accepted messageId is remembered. */
  public Duration dedupWindow() {
    return Duration.ofHours(dedupWindowHours);
  }

  /** This config with other write keys (tests, and the CLI's {@code --write-key}). */
  public CollectorConfig withWriteKeys(List<WriteKey> newKeys) {
    return new CollectorConfig(
        host,
        port,
        newKeys,
        maxBodyBytes,
        maxMessageBytes,
        maxBatchMessages,
        rotateBytes,
        rotateSeconds,
        dedupWindowHours,
        dedupMaxIds);
  }

  /** This config with another port (0: a free one). */
  public CollectorConfig withPort(int newPort) {
    return new CollectorConfig(
        host,
        newPort,
        writeKeys,
        maxBodyBytes,
        maxMessageBytes,
        maxBatchMessages,
        rotateBytes,
        rotateSeconds,
        dedupWindowHours,
        dedupMaxIds);
  }

  /** This config with another {@code rotate_seconds} (the streaming setting is 1). */
  public CollectorConfig withRotateSeconds(int seconds) {
    return new CollectorConfig(
        host,
        port,
        writeKeys,
        maxBodyBytes,
        maxMessageBytes,
        maxBatchMessages,
        rotateBytes,
        seconds,
        dedupWindowHours,
        dedupMaxIds);
  }
}
