package io.opencdp.ingest.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigTest {
  @TempDir Path root;

  @Test
  void defaultsAreSegmentsLimits() {
    CollectorConfig c = CdpConfig.defaults().collector();

    assertThat(c.writeKeys()).isEmpty();
    assertThat(c.maxBodyBytes()).isEqualTo(500 * 1024);
    assertThat(c.maxMessageBytes()).isEqualTo(32 * 1024);
    assertThat(c.maxBatchMessages()).isEqualTo(500);
    assertThat(c.rotateBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(c.rotateSeconds()).isEqualTo(60);
    assertThat(c.dedupWindowHours()).isEqualTo(24);
    assertThat(c.dedupMaxIds()).isEqualTo(1_000_000);
  }

  @Test
  void writeKeysLoadFromTheConfigFile() throws Exception {
    Path file = root.resolve("cdp.yaml");
    Files.writeString(
        file,
        "collector:\n  write_keys:\n    - {key: web-write-key-0123456789, source: web,"
            + " workspace: default}\n");

    CollectorConfig c = ConfigLoader.load(file).collector();

    assertThat(c.writeKeys())
        .containsExactly(
            new CollectorConfig.WriteKey("web-write-key-0123456789", "web", "default"));
    assertThat(c.writeKeys().toString()).doesNotContain("web-write-key-0123456789");
  }

  @Test
  void badWriteKeysAreRefusedNamingTheKeyButNotTheSecret() throws Exception {
    Path file = root.resolve("cdp.yaml");
    Files.writeString(
        file,
        "collector:\n  write_keys:\n    - {key: web-write-key-0123456789, source: email,"
            + " workspace: default}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("collector.write_keys")
        .hasMessageContaining("'email'")
        .hasMessageNotContaining("web-write-key-0123456789");
    assertThatThrownBy(() -> new CollectorConfig.WriteKey("short", "web", "default"))
        .hasMessageContaining("at least 16 characters");
  }

  @Test
  void collectorWithoutWriteKeysRefusesToStart() {
    assertThatThrownBy(() -> Collector.create(CdpConfig.defaults()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("collector.write_keys is empty")
        .satisfies(e -> assertThat(((CdpException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID));
  }

  @Test
  void writeKeyOfAnotherWorkspaceIsRefused() {
    CollectorConfig config =
        new CollectorFixture(root)
            .config.withWriteKeys(
                List.of(new CollectorConfig.WriteKey("web-write-key-0123456789", "web", "other")));

    assertThatThrownBy(
            () -> Collector.create(config, "default", Map.of("web", root.resolve("web"))))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("collector.write_keys[0].workspace is 'other'");
  }
}
