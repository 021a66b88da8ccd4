package io.opencdp.ingest.spark;

import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clean ingest of a private copy of the whole sample, run once per test JVM (it takes ~45 s)
 * and shared, read-only, by every test that needs it: tests that change files or tables work on
 * their own copies. Public for the later stages' tests (resolve, profiles), which start from the
 * same ingested sample.
 */
public final class IngestedSample {
  private static final Logger LOG = LoggerFactory.getLogger(IngestedSample.class);
  private static IngestedSample instance;

  final Path dir;
  final Path landing;
  final CdpConfig config;
  final TableLocations tables;
  final IngestReport report;

  private IngestedSample(Path dir, Path landing, CdpConfig config, IngestReport report) {
    this.dir = dir;
    this.landing = landing;
    this.config = config;
    this.tables = TableLocations.of(config);
    this.report = report;
  }

  /** The config the sample was ingested with: its work directory holds the tables. */
  public CdpConfig config() {
    return config;
  }

  /** The sample's ground truth: truth/records.csv of the committed sample. */
  public static Path truthRecords() {
    return SampleData.root().resolve("truth").resolve("records.csv");
  }

  public static synchronized IngestedSample get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("cdp-ingested-sample");
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> SampleData.deleteQuietly(dir), "delete-ingested-sample"));
        Path landing = SampleData.copyLanding(dir.resolve("landing"));
        CdpConfig config = SampleData.config(landing, dir.resolve("work"));
        IngestReport report = new IngestJob(SharedSpark.session(), config).run(Optional.empty());
        LOG.info("sample ingested in {}:\n{}", report.elapsed(), report.table());
        instance = new IngestedSample(dir, landing, config, report);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }
}
