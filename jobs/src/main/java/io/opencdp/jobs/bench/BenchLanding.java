package io.opencdp.jobs.bench;

import io.opencdp.ingest.generator.DataGenerator;
import io.opencdp.ingest.generator.GeneratorProgress;
import io.opencdp.ingest.generator.GeneratorReport;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Generated raw files in a benchmark's scratch directory, and the config that ingests them there.
 *
 * @param generated what the generator wrote under {@code scratch/landing}
 * @param config the caller's config with its work directory in {@code scratch/work} and the landing
 *     root on the generated files
 */
record BenchLanding(GeneratorReport generated, Path landing, CdpConfig config) {
  static BenchLanding generate(CdpConfig config, long scale, long seed, Path scratch)
      throws IOException {
    Path landing = scratch.resolve("landing");
    GeneratorReport generated =
        new DataGenerator(config.generator())
            .generate((int) scale, seed, landing, GeneratorProgress.NONE);
    CdpConfig benchConfig =
        config
            .withWorkDir(scratch.resolve("work"))
            .withIngest(config.ingest().withLandingRoot(landing.toString()));
    return new BenchLanding(generated, landing, benchConfig);
  }
}
