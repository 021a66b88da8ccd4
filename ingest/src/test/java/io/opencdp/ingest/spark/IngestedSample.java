package io.opencdp.ingest.spark;

import io.opencdp.ingest.testing.FixtureCache;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  private static final String FIXTURE = "ingested-sample";

  /** The code whose changes change the ingested sample: schemas, ingest and these tests. */
  public static final List<Class<?>> CODE =
      List.of(TouchpointEvent.class, IngestJob.class, IngestedSample.class);

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

  /**
   * The config of a private copy of the ingested sample's tables, for the later stages' tests: from
   * the build's {@link FixtureCache} when the same code ingested the sample before (the ingest
   * module's tests do, in an earlier JVM of the build), else ingested now. Its landing root is the
   * committed sample, which nothing downstream ingests again.
   */
  public static CdpConfig privateCopy() {
    Path work = SharedSpark.newTableDir("ingested-sample");
    Path from =
        FixtureCache.find(FIXTURE, CODE)
            .map(FixtureCache.Fixture::work)
            .orElseGet(() -> get().config.workDir());
    SampleData.copyTree(from, work);
    return privateConfig(work);
  }

  /** The config of the tests downstream of ingest, their tables in {@code work}. */
  public static CdpConfig privateConfig(Path work) {
    return SampleData.config(SampleData.root(), work);
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
        FixtureCache.publish(FIXTURE, CODE, config.workDir(), report.runId());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }
}
