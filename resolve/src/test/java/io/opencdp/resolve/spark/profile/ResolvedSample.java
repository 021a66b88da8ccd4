package io.opencdp.resolve.spark.profile;

import io.opencdp.ingest.spark.IngestJob;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.ResolveReport;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.TraitAggregation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed sample ingested and resolved once per test JVM (ingest reads the landing files
 * without changing them, so the committed directory is read in place), shared read-only by the
 * tests that need real resolved data. Profiles are built as of 2026-11-01, the day after the
 * sample's last day, with one custom trait.
 */
final class ResolvedSample {
  private static final Logger LOG = LoggerFactory.getLogger(ResolvedSample.class);
  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static ResolvedSample instance;

  final Path sampleDir;
  final CdpConfig config;
  final TableLocations tables;
  final ResolveReport resolved;

  private ResolvedSample(Path sampleDir, CdpConfig config, ResolveReport resolved) {
    this.sampleDir = sampleDir;
    this.config = config;
    this.tables = TableLocations.of(config);
    this.resolved = resolved;
  }

  static synchronized ResolvedSample get() {
    if (instance == null) {
      Path sample = sampleDir();
      CdpConfig defaults = CdpConfig.defaults();
      CdpConfig config =
          defaults
              .withWorkDir(SharedSpark.newTableDir("resolved-sample"))
              .withIngest(defaults.ingest().withLandingRoot(sample.toAbsolutePath().toString()))
              .withProfiles(
                  defaults
                      .profiles()
                      .withAsOf(AS_OF)
                      .withCustomTraits(
                          List.of(
                              new CustomTraitConfig(
                                  "web_orders",
                                  TraitAggregation.COUNT,
                                  List.of("order_completed"),
                                  null,
                                  Map.of("channel", "web"),
                                  null))));
      try {
        new IngestJob(SharedSpark.session(), config).run(Optional.empty());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ResolveReport resolved = new ResolveJob(SharedSpark.session(), config).run();
      LOG.info("sample resolved into {} profiles", resolved.profiles());
      instance = new ResolvedSample(sample, config, resolved);
    }
    return instance;
  }

  /** The repository's {@code sample-data/}. */
  private static Path sampleDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("sample-data");
      if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
        return candidate;
      }
    }
    throw new AssertionError("no sample-data/manifest.json above " + Path.of("").toAbsolutePath());
  }
}
