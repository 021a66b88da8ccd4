package io.opencdp.ingest.generator;

import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;

/**
 * Regenerates a data set with the default config, e.g. the committed sample: {@code java -cp ...
 * io.opencdp.ingest.generator.GenerateMain 2000 42 sample-data}.
 */
final class GenerateMain {
  private GenerateMain() {}

  public static void main(String[] args) throws Exception {
    int persons = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    Path out = Path.of(args[2]);
    GeneratorReport report =
        new DataGenerator(CdpConfig.defaults().generator())
            .generate(
                persons,
                seed,
                out,
                (done, total) -> {
                  if (done == total || done % 100_000 == 0) {
                    System.err.printf("%,d / %,d persons%n", done, total);
                  }
                });
    double seconds = report.elapsed().toNanos() / 1e9;
    System.out.printf(
        "persons=%d records=%d files=%d seconds=%.1f records_per_s=%.0f%n",
        report.persons(),
        report.rawRecords(),
        report.recordsPerFile().size(),
        seconds,
        report.rawRecords() / seconds);
  }
}
