package io.opencdp.jobs.cli;

import io.opencdp.ingest.generator.DataGenerator;
import io.opencdp.ingest.generator.GeneratorReport;
import io.opencdp.jobs.progress.ProgressReporter;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write seeded raw files for the five channels and the customer master in their vendors' formats,",
      "with a ground-truth file naming the true person of every record and a manifest of injected noise.",
      "The same seed always gives byte-identical files."
    })
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand CdpCli root;

  @Option(
      names = "--persons",
      required = true,
      paramLabel = "N",
      description = "How many persons, e.g. 2000, 100k, 1M.")
  String persons;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Override
  public Integer call() throws Exception {
    long count = Counts.parse("--persons", persons);
    if (count > Integer.MAX_VALUE) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT, "--persons must be at most " + Integer.MAX_VALUE);
    }
    ProgressReporter progress = new ProgressReporter("generate", "persons");
    GeneratorReport report =
        new DataGenerator(root.config().generator())
            .generate((int) count, seed, out, progress::update);
    double seconds = report.elapsed().toMillis() / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "generated %,d persons, %,d raw records in %d files under %s in %.1f s (%,.0f records/s)%n",
        report.persons(),
        report.rawRecords(),
        report.recordsPerFile().size(),
        out.toAbsolutePath().normalize(),
        seconds,
        report.rawRecords() / Math.max(seconds, 1e-3));
    return 0;
  }
}
