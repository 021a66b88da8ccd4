package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One record of the input topic: where it is (topic, partition, offset) and its value, one message
 * in the format of the Kafka source ({@code stream.kafka.source}), as a line of a landing file.
 */
public record KafkaLine(String topic, int partition, long offset, byte[] value)
    implements Serializable {
  public KafkaLine {
    requireNonNull(topic, "topic is null");
    requireNonNull(value, "value is null");
  }

  /**
   * What events and dead letters name as their file: {@code kafka:<topic>/<partition>@<offset>}.
   */
  public String name() {
    return "kafka:" + topic + "/" + partition + "@" + offset;
  }
}
