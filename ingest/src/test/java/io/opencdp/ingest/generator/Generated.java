package io.opencdp.ingest.generator;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.GeneratorConfig;
import io.opencdp.schemas.config.NoiseRates;
import java.io.IOException;
import java.nio.file.Path;

/** Test fixtures: configs and a generate-then-read helper. */
final class Generated {
  private Generated() {}

  static GeneratorConfig defaults() {
    return CdpConfig.defaults().generator();
  }

  /** Every noise kind at a high rate, so that small runs measure each one precisely. */
  static GeneratorConfig noisy() {
    return defaults()
        .withNoise(
            new NoiseRates(
                0.20, 0.40, 0.40, 0.30, 0.20, 0.10, 0.40, 0.40, 0.40, 0.40, 0.10, 0.30, 0.10, 0.10,
                0.10, 0.10, 0.25, 0.05));
  }

  static GeneratedTree generate(GeneratorConfig config, int persons, long seed, Path out)
      throws IOException {
    new DataGenerator(config).generate(persons, seed, out, GeneratorProgress.NONE);
    return new GeneratedTree(out);
  }
}
