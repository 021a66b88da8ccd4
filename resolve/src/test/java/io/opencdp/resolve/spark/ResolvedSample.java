package io.opencdp.resolve.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opencdp.ingest.spark.IngestedSample;
import io.opencdp.ingest.spark.SampleData;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.ingest.testing.FixtureCache;
import io.opencdp.ingest.testing.SharedSpark;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.TraitAggregation;
import io.opencdp.schemas.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
  private static final String FIXTURE = "resolved-sample";

  /** The code whose changes change the resolved sample: the ingested sample's, resolve's, this. */
  private static final List<Class<?>> CODE =
      Stream.concat(IngestedSample.CODE.stream(), Stream.of(ResolveJob.class, ResolvedSample.class))
          .toList();

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
      Optional<FixtureCache.Fixture> cached = FixtureCache.find(FIXTURE, CODE);
      CdpConfig config;
      ResolveReport resolved;
      if (cached.isPresent()) {
        Path work = SharedSpark.newTableDir("resolved-sample");
        SampleData.copyTree(cached.get().work(), work);
        config = withProfileSettings(IngestedSample.privateConfig(work));
        resolved = read(cached.get().report());
      } else {
        config = withProfileSettings(IngestedSample.privateCopy());
        resolved = new ResolveJob(SharedSpark.session(), config).run(ResolveMode.FULL);
        FixtureCache.publish(FIXTURE, CODE, config.workDir(), write(resolved));
      }
      LOG.info("sample resolved into {} profiles", resolved.profiles());
      instance =
          new ResolvedSample(
              IngestedSample.truthRecords().getParent().getParent(), config, resolved);
    }
    return instance;
  }

  /** Profiles as of {@link #AS_OF}, with one custom trait. */
  private static CdpConfig withProfileSettings(CdpConfig ingested) {
    return ingested.withProfiles(
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
  }

  private static String write(ResolveReport report) {
    try {
      return Json.mapper().writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResolveReport read(String json) {
    try {
      return Json.mapper().readValue(json, ResolveReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
