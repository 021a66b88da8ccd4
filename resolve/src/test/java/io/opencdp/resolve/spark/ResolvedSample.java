package io.opencdp.resolve.spark;

import io.opencdp.ingest.spark.IngestedSample;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.TraitAggregation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed sample ingested (once per test JVM, shared with ingest's own tests through {@link
 * IngestedSample}) and resolved once, shared read-only by the tests that need real resolved data.
 * Profiles are built as of 2026-11-01, the day after the sample's last day, with one custom trait.
 */
public final class ResolvedSample {
  private static final Logger LOG = LoggerFactory.getLogger(ResolvedSample.class);
  public static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static ResolvedSample instance;

  public final Path sampleDir;
  public final CdpConfig config;
  public final TableLocations tables;
  public final ResolveReport resolved;

  private ResolvedSample(Path sampleDir, CdpConfig config, ResolveReport resolved) {
    this.sampleDir = sampleDir;
    this.config = config;
    this.tables = TableLocations.of(config);
    this.resolved = resolved;
  }

  public static synchronized ResolvedSample get() {
    if (instance == null) {
      CdpConfig ingested = IngestedSample.get().config();
      CdpConfig config =
          ingested.withProfiles(
              ingested
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
      ResolveReport resolved = new ResolveJob(SharedSpark.session(), config).run(ResolveMode.FULL);
      LOG.info("sample resolved into {} profiles", resolved.profiles());
      instance =
          new ResolvedSample(
              IngestedSample.truthRecords().getParent().getParent(), config, resolved);
    }
    return instance;
  }
}
