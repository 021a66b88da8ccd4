package io.opencdp.schemas.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The streaming job ({@code cdp stream}; docs/streaming.md): how often it looks for new landing
 * files, how often it checkpoints and where its state lives, and how its Elasticsearch sink batches
 * writes.
 *
 * @param monitorIntervalMillis how often the landing directory is listed for new files
 * @param checkpointIntervalMillis how often a checkpoint is taken (exactly-once across restarts)
 * @param stateBackend where keyed state lives between checkpoints
 * @param flushIntervalMillis the longest a write waits in the sink's buffer
 * @param flushSize a buffer of this many writes is sent at once
 * @param kafka Kafka as the input instead of the landing files ({@code stream.kafka})
 */
public record StreamConfig(
    int monitorIntervalMillis,
    int checkpointIntervalMillis,
    StateBackend stateBackend,
    int flushIntervalMillis,
    int flushSize,
    StreamKafkaConfig kafka)
    implements Serializable {

  /** Where the job's keyed state lives. */
  public enum StateBackend {
    /** RocksDB on local disk: state larger than memory. */
    ROCKSDB,
    /** Java objects on the heap: small state, tests. */
    HASHMAP;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /**
     * The config spelling ({@code rocksdb}, {@code hashmap}), also Flink's {@code
     * state.backend.type}.
     */
    public String wireName() {
      return wireName;
    }
  }

  public StreamConfig {
    ConfigChecks.range("stream.monitor_interval_millis", monitorIntervalMillis, 10, 3_600_000);
    ConfigChecks.range(
        "stream.checkpoint_interval_millis", checkpointIntervalMillis, 100, 3_600_000);
    Objects.requireNonNull(stateBackend, "stream.state_backend is required");
    ConfigChecks.range("stream.flush_interval_millis", flushIntervalMillis, 1, 600_000);
    ConfigChecks.range("stream.flush_size", flushSize, 1, 100_000);
    Objects.requireNonNull(kafka, "stream.kafka is required");
  }

  /** Binds the {@code stream} section; every message names the full key. */
  @JsonCreator
  static StreamConfig fromConfig(
      @JsonProperty("monitor_interval_millis") int monitorIntervalMillis,
      @JsonProperty("checkpoint_interval_millis") int checkpointIntervalMillis,
      @JsonProperty("state_backend") String stateBackend,
      @JsonProperty("flush_interval_millis") int flushIntervalMillis,
      @JsonProperty("flush_size") int flushSize,
      @JsonProperty("kafka") StreamKafkaConfig kafka) {
    return new StreamConfig(
        monitorIntervalMillis,
        checkpointIntervalMillis,
        Enums.parse(
            "stream.state_backend", stateBackend, StateBackend.values(), StateBackend::wireName),
        flushIntervalMillis,
        flushSize,
        kafka);
  }

  public Duration monitorInterval() {
    return Duration.ofMillis(monitorIntervalMillis);
  }

  public Duration checkpointInterval() {
    return Duration.ofMillis(checkpointIntervalMillis);
  }

  public Duration flushInterval() {
    return Duration.ofMillis(flushIntervalMillis);
  }

  public StreamConfig withStateBackend(StateBackend backend) {
    return new StreamConfig(
        monitorIntervalMillis,
        checkpointIntervalMillis,
        backend,
        flushIntervalMillis,
        flushSize,
        kafka);
  }

  public StreamConfig withCheckpointIntervalMillis(int millis) {
    return new StreamConfig(
        monitorIntervalMillis, millis, stateBackend, flushIntervalMillis, flushSize, kafka);
  }

  public StreamConfig withKafka(StreamKafkaConfig value) {
    return new StreamConfig(
        monitorIntervalMillis,
        checkpointIntervalMillis,
        stateBackend,
        flushIntervalMillis,
        flushSize,
        value);
  }

  public StreamConfig withMonitorIntervalMillis(int millis) {
    return new StreamConfig(
        millis, checkpointIntervalMillis, stateBackend, flushIntervalMillis, flushSize, kafka);
  }
}
