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

class IndexConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsKeepTheFullEventHistoryWithoutReplicas() {
    IndexConfig index = ConfigLoader.load(null, Map.of()).index();

    assertThat(index.eventsRetention()).isEmpty();
    assertThat(index.replicas()).isZero();
    assertThat(index.bulkActions()).isEqualTo(1000);
  }

  @Test
  void retentionIsReadInDays() throws IOException {
    IndexConfig index =
        ConfigLoader.load(write("index:\n  events_retention_days: 90\n"), Map.of()).index();

    assertThat(index.eventsRetention()).contains(Duration.ofDays(90));
  }

  @Test
  void outOfRangeValueNamesTheKey() throws IOException {
    Path file = write("index:\n  bulk_actions: 0\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("index.bulk_actions");
  }

  @Test
  void unknownIndexKeyIsRejected() throws IOException {
    Path file = write("index:\n  bulk_action: 10\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("index.bulk_action");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
