package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsMonitorEverySecondCheckpointEveryFiveAndKeepStateOnTheHeap() {
    StreamConfig stream = ConfigLoader.load(null, Map.of()).stream();

    assertThat(stream.monitorInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(stream.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(stream.stateBackend()).isEqualTo(StreamConfig.StateBackend.HASHMAP);
    assertThat(stream.flushInterval()).isEqualTo(Duration.ofMillis(200));
    assertThat(stream.flushSize()).isEqualTo(1000);
  }

  @Test
  void kafkaIsOffByDefaultAndItsTopicIsNamedAfterTheWorkspace() throws IOException {
    StreamKafkaConfig off = ConfigLoader.load(null, Map.of()).stream().kafka();
    StreamKafkaConfig on =
        ConfigLoader.load(
                write("stream:\n  kafka:\n    bootstrap_servers: broker:9092\n"), Map.of())
            .stream()
            .kafka();

    assertThat(off.bootstrap()).isEmpty();
    assertThat(on.bootstrap()).contains("broker:9092");
    assertThat(on.topicFor("acme")).isEqualTo("cdp-acme-events");
    assertThat(on.withTopic("clicks").topicFor("acme")).isEqualTo("clicks");
    assertThat(on.source()).isEqualTo("web");
  }

  @Test
  void aBadKafkaTopicNamesTheKey() throws IOException {
    Path file = write("stream:\n  kafka:\n    topic: \"a topic\"\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("stream.kafka.topic");
  }

  @Test
  void stateBackendIsReadFromItsConfigSpelling() throws IOException {
    StreamConfig stream =
        ConfigLoader.load(write("stream:\n  state_backend: rocksdb\n"), Map.of()).stream();

    assertThat(stream.stateBackend()).isEqualTo(StreamConfig.StateBackend.ROCKSDB);
  }

  @Test
  void unknownStateBackendNamesTheKeyAndTheChoices() throws IOException {
    Path file = write("stream:\n  state_backend: memory\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("stream.state_backend")
        .hasMessageContaining("rocksdb, hashmap");
  }

  @Test
  void outOfRangeFlushSizeNamesTheKey() throws IOException {
    Path file = write("stream:\n  flush_size: 0\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("stream.flush_size");
  }

  @Test
  void unknownStreamKeyIsRejected() throws IOException {
    Path file = write("stream:\n  monitor_interval: 1s\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("stream.monitor_interval");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
