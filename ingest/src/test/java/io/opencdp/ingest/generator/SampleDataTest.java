package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-data/ is exactly what the generator writes for its seed and persons. */
class SampleDataTest {
  static final int PERSONS = 2000;
  static final long SEED = 42;

  @TempDir Path dir;

  @Test
  void committedSampleEqualsAFreshGeneration() throws Exception {
    Path sample = repoRoot().resolve("sample-data");
    new DataGenerator(Generated.defaults()).generate(PERSONS, SEED, dir, GeneratorProgress.NONE);

    Map<String, String> committed = DataGeneratorDeterminismTest.hashes(sample);
    committed.remove("README.md");
    assertThat(committed).isEqualTo(DataGeneratorDeterminismTest.hashes(dir));
    assertThat(Files.readString(sample.resolve("README.md")))
        .contains("--seed " + SEED, "--persons " + PERSONS);
  }

  static Path repoRoot() {
    String property = System.getProperty("cdp.repo.root");
    if (property != null && Files.isDirectory(Path.of(property, "sample-data"))) {
      return Path.of(property);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-data"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository's sample-data/ (set -Dcdp.repo.root)");
  }
}
