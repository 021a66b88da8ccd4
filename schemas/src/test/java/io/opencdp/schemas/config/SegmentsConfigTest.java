package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentsConfigTest {
  @TempDir Path dir;

  @Test
  void theWorkspaceTimeZoneDefaultsToUtc() {
    assertThat(ConfigLoader.load(null, Map.of()).segments().timeZone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void theTimeZoneIsAnIanaId() throws IOException {
    SegmentsConfig segments =
        ConfigLoader.load(write("segments:\n  time_zone: Europe/Berlin\n"), Map.of()).segments();

    assertThat(segments.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void anUnknownZoneNamesTheKey() throws IOException {
    Path file = write("segments:\n  time_zone: Europe/Atlantis\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("segments.time_zone must be an IANA time zone")
        .hasMessageContaining("Europe/Atlantis");
  }

  @Test
  void anUnknownSegmentsKeyIsRejected() throws IOException {
    Path file = write("segments:\n  timezone: UTC\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("segments.timezone");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
