package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsAreDocumentedValues() {
    CdpConfig config = ConfigLoader.load(null, Map.of());

    assertThat(config.workspace()).isEqualTo("default");
    assertThat(config.workDir()).isEqualTo(Path.of(".cdp"));
    assertThat(config.elasticsearch().url()).isNull();
    assertThat(config.elasticsearch().port()).isEqualTo(9200);
    assertThat(config.elasticsearch().heapMb()).isEqualTo(1024);
    assertThat(config.spark().master()).isEqualTo("local[*]");
  }

  @Test
  void userFileOverridesOnlyTheKeysItNames() throws IOException {
    Path file = write("elasticsearch:\n  port: 9400\nworkspace: brand_b\n");

    CdpConfig config = ConfigLoader.load(file, Map.of());

    assertThat(config.elasticsearch().port()).isEqualTo(9400);
    assertThat(config.elasticsearch().heapMb()).isEqualTo(1024);
    assertThat(config.workspace()).isEqualTo("brand_b");
  }

  @Test
  void unknownKeyIsRejectedByItsDottedName() throws IOException {
    Path file = write("elasticsearch:\n  hep_mb: 512\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("elasticsearch.hep_mb")
        .hasMessageContaining("elasticsearch.heap_mb")
        .extracting(e -> ((CdpException) e).code())
        .isEqualTo(ErrorCode.CONFIG_INVALID);
  }

  @Test
  void outOfRangeValueNamesTheKeyAndTheFile() throws IOException {
    Path file = write("elasticsearch:\n  heap_mb: 10\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("elasticsearch.heap_mb must be between 256");
  }

  @Test
  void wrongTypeNamesTheKey() throws IOException {
    Path file = write("spark:\n  shuffle_partitions: many\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("spark.shuffle_partitions");
  }

  @Test
  void userMayAddSourcesAndStoresButNotOtherKeys() throws IOException {
    Path file =
        write(
            "ingest:\n  sources:\n    pos:\n      store_time_zones:\n        S999: Europe/Berlin\n");

    CdpConfig config = ConfigLoader.load(file, Map.of());

    assertThat(config.ingest().source("pos").csv().storeTimeZones())
        .containsEntry("S999", java.time.ZoneId.of("Europe/Berlin"));
  }

  @Test
  void missingFileIsAnInputError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of()))
        .isInstanceOf(CdpException.class)
        .extracting(e -> ((CdpException) e).code())
        .isEqualTo(ErrorCode.INPUT_NOT_FOUND);
  }

  @Test
  void environmentPointsAtAnExistingCluster() {
    CdpConfig config = ConfigLoader.load(null, Map.of("CDP_ES_URL", "http://es.example:9200"));

    assertThat(config.elasticsearch().externalUrl()).contains("http://es.example:9200");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
