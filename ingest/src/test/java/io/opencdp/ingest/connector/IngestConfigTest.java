package io.opencdp.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.config.CsvKind;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceFormat;
import io.opencdp.schemas.config.TimestampFormat;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.event.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest section of the config: documented defaults and messages that name the key. */
class IngestConfigTest {
  @TempDir Path dir;

  private CdpConfig load(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file);
  }

  @Test
  void defaultsCoverTheSixSourcesOfTheGenerator() {
    IngestConfig ingest = CdpConfig.defaults().ingest();

    assertThat(ingest.landingRoot()).isEqualTo("sample-data");
    assertThat(ingest.maxLineBytes()).isEqualTo(1024 * 1024);
    assertThat(ingest.futureToleranceMinutes()).isEqualTo(10);
    assertThat(ingest.defaultTimeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(ingest.sources())
        .containsOnlyKeys("web", "app", "email", "callcenter", "pos", "crm");
    assertThat(ingest.source("callcenter").format()).isEqualTo(SourceFormat.AMAZON_CONNECT);
    assertThat(ingest.source("callcenter").channel()).isEqualTo(Channel.CALL_CENTER);
    assertThat(ingest.source("pos").csv().kind()).isEqualTo(CsvKind.POS_LINE);
    assertThat(ingest.source("pos").csv().column("occurred_at")).isEqualTo("transaction_ts");
    assertThat(ingest.source("pos").csv().timestampFormat()).isEqualTo(TimestampFormat.ISO_LOCAL);
    assertThat(ingest.source("pos").csv().storeTimeZones())
        .containsEntry("S003", ZoneId.of("America/Los_Angeles"));
    assertThat(ingest.source("crm").csv().column("region")).isEqualTo("state");
    assertThat(ingest.location(ingest.source("web"))).isEqualTo("sample-data/web");
  }

  @Test
  void anAbsolutePathOrUriIsNotUnderTheLandingRoot() throws IOException {
    IngestConfig ingest =
        load("ingest:\n  landing_root: s3a://bucket/landing/\n  sources:\n    web:\n"
                + "      path: gs://other/web\n    app:\n      path: /data/app\n")
            .ingest();

    assertThat(ingest.location(ingest.source("web"))).isEqualTo("gs://other/web");
    assertThat(ingest.location(ingest.source("app"))).isEqualTo("/data/app");
    assertThat(ingest.location(ingest.source("pos"))).isEqualTo("s3a://bucket/landing/pos");
  }

  @Test
  void aColumnCanBeRenamedAndAnOptionalFieldUnmapped() throws IOException {
    IngestConfig ingest =
        load("ingest:\n  sources:\n    pos:\n      delimiter: \";\"\n      csv_mapping:\n"
                + "        occurred_at: sold_at\n        card_last4: null\n")
            .ingest();

    assertThat(ingest.source("pos").csv().column("occurred_at")).isEqualTo("sold_at");
    assertThat(ingest.source("pos").csv().column("card_last4")).isNull();
    assertThat(ingest.source("pos").csv().delimiter()).isEqualTo(';');
  }

  @Test
  void anUnknownFormatNamesItsKey() {
    assertThatThrownBy(() -> load("ingest:\n  sources:\n    pos:\n      format: cvs\n"))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("ingest.sources.pos.format")
        .hasMessageContaining("amazon_connect");
  }

  @Test
  void anUnmappedRequiredFieldNamesItsKey() {
    assertThatThrownBy(
            () -> load("ingest:\n  sources:\n    pos:\n      csv_mapping:\n        sku: null\n"))
        .hasMessageContaining("ingest.sources.pos.csv_mapping.sku is required");
  }

  @Test
  void badValuesNameTheirKeys() {
    assertThatThrownBy(() -> load("ingest:\n  default_time_zone: Mars/Base\n"))
        .hasMessageContaining("ingest.default_time_zone");
    assertThatThrownBy(() -> load("ingest:\n  max_line_bytes: 10\n"))
        .hasMessageContaining("ingest.max_line_bytes");
    assertThatThrownBy(() -> load("ingest:\n  future_tolerance_minutes: -1\n"))
        .hasMessageContaining("ingest.future_tolerance_minutes");
    assertThatThrownBy(() -> load("ingest:\n  sources:\n    web:\n      channel: tv\n"))
        .hasMessageContaining("ingest.sources.web.channel");
    assertThatThrownBy(
            () -> load("ingest:\n  sources:\n    crm:\n      default_phone_region: XX\n"))
        .hasMessageContaining("ingest.sources.crm.default_phone_region");
    assertThatThrownBy(() -> load("ingest:\n  sources:\n    crm:\n      source_system: CRM!\n"))
        .hasMessageContaining("ingest.sources.crm.source_system");
    assertThatThrownBy(
            () ->
                load(
                    "ingest:\n  sources:\n    pos:\n      store_time_zones:\n        S001: Nowhere\n"))
        .hasMessageContaining("ingest.sources.pos.store_time_zones.S001");
    assertThatThrownBy(() -> load("ingest:\n  sources:\n    pos:\n      delimiter: \"::\"\n"))
        .hasMessageContaining("ingest.sources.pos.delimiter");
  }

  @Test
  void csvKeysOnAJsonSourceAreRejected() {
    assertThatThrownBy(() -> load("ingest:\n  sources:\n    web:\n      delimiter: \",\"\n"))
        .hasMessageContaining("ingest.sources.web")
        .hasMessageContaining("only to format csv");
  }

  @Test
  void anUnknownKeyIsRejectedByItsDottedName() {
    assertThatThrownBy(() -> load("ingest:\n  sources:\n    web:\n      paht: x\n"))
        .hasMessageContaining("ingest.sources.web.paht");
  }

  @Test
  void connectorsAreCreatedForEveryDefaultSource() {
    IngestConfig ingest = CdpConfig.defaults().ingest();

    ingest
        .sources()
        .forEach(
            (name, source) -> {
              Connector connector = Connectors.create(name, source, ingest, "default");
              assertThat(connector.channel()).isEqualTo(source.channel());
              assertThat(connector.sourceSystem()).isEqualTo(source.sourceSystem());
              assertThat(connector.hasHeader()).isEqualTo(source.format() == SourceFormat.CSV);
            });
  }

  @Test
  void connectorsAreSerializableForSpark() throws Exception {
    IngestConfig ingest = CdpConfig.defaults().ingest();
    for (String name : ingest.sources().keySet()) {
      var bytes = new java.io.ByteArrayOutputStream();
      try (var out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(Connectors.create(name, ingest, "default"));
      }
      assertThat(bytes.size()).isPositive();
    }
  }
}
