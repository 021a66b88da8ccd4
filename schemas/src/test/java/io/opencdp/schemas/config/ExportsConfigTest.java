package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsConfigTest {
  @TempDir Path dir;

  @Test
  void exportsNeedAdTargetingConsentAndWriteUnderTheWorkDirByDefault() {
    CdpConfig config = ConfigLoader.load(null, Map.of());

    assertThat(config.exports().consentPurpose()).isEqualTo("ad_targeting");
    assertThat(config.exports().directory()).isNull();
    assertThat(config.exports().directoryIn(config.workDir()))
        .isEqualTo(config.workDir().resolve("exports"));
  }

  @Test
  void thePurposeAndDirectoryCanBeSet() throws IOException {
    ExportsConfig exports =
        ConfigLoader.load(
                write("exports:\n  consent_purpose: marketing\n  directory: /data/exports\n"),
                Map.of())
            .exports();

    assertThat(exports.consentPurpose()).isEqualTo("marketing");
    assertThat(exports.directoryIn(dir)).isEqualTo(Path.of("/data/exports"));
  }

  @Test
  void aBadPurposeNamesTheKey() throws IOException {
    Path file = write("exports:\n  consent_purpose: 'Ad Targeting'\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("exports.consent_purpose");
  }

  @Test
  void anUnknownExportsKeyIsRejected() throws IOException {
    Path file = write("exports:\n  dir: /tmp\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("exports.dir");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
