package io.opencdp.schemas.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Optional;

/**
 * Kafka as the input of the streaming job ({@code stream.kafka}; docs/streaming.md, "Kafka"): the
 * records of one topic are collector-format messages of one ingest source, parsed by that source's
 * connector and written as landing files under its directory for the batch ingest.
 *
 * @param bootstrapServers {@code host:port[,host:port]} of the cluster; null reads the landing
 *     files instead ({@code cdp stream --kafka} sets it)
 * @param topic the topic; null means {@code cdp-<workspace>-events}
 * @param source the {@code ingest.sources} entry whose connector parses the records and under whose
 *     landing directory ({@code kafka/<topic>/}) the stream writes them
 */
public record StreamKafkaConfig(String bootstrapServers, String topic, String source)
    implements Serializable {

  public StreamKafkaConfig {
    if (bootstrapServers != null) {
      ConfigChecks.notBlank("stream.kafka.bootstrap_servers", bootstrapServers);
    }
    if (topic != null && !topic.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new IllegalArgumentException(
          "stream.kafka.topic must be 1-249 letters, digits, '.', '_' or '-', got '" + topic + "'");
    }
    ConfigChecks.identifier("stream.kafka.source", source);
  }

  @JsonCreator
  static StreamKafkaConfig fromConfig(
      @JsonProperty("bootstrap_servers") String bootstrapServers,
      @JsonProperty("topic") String topic,
      @JsonProperty("source") String source) {
    return new StreamKafkaConfig(bootstrapServers, topic, source);
  }

  /** The cluster to read, when Kafka is the input. */
  public Optional<String> bootstrap() {
    return Optional.ofNullable(bootstrapServers);
  }

  /** The topic read for {@code workspace}. */
  public String topicFor(String workspace) {
    return topic != null ? topic : "cdp-" + workspace + "-events";
  }

  public StreamKafkaConfig withBootstrapServers(String servers) {
    return new StreamKafkaConfig(servers, topic, source);
  }

  public StreamKafkaConfig withTopic(String value) {
    return new StreamKafkaConfig(bootstrapServers, value, source);
  }
}
