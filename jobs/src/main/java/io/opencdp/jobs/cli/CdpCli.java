package io.opencdp.jobs.cli;

import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code cdp} command line: one entry point for every job, the local node, the generator and
 * benchmarks.
 */
@Command(
    name = "cdp",
    mixinStandardHelpOptions = true,
    version = "OpenCDP 0.1.0",
    description =
        "Open-source customer data platform: ingest, identity resolution, profiles, segments.",
    subcommands = {
      QuickstartCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      CollectCommand.class,
      ResolveCommand.class,
      IndexCommand.class,
      StreamCommand.class,
      SegmentsCommand.class,
      IdentityCommand.class,
      SuppressionsCommand.class,
      PrivacyCommand.class,
      EvaluateCommand.class,
      MatchCommand.class,
      EsCommand.class,
      KafkaCommand.class,
      ServeCommand.class,
      ApiCommand.class,
      ExportCommand.class,
      BenchCommand.class,
      ConfigCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CdpCli {
  static final Path DEFAULT_CONFIG = Path.of("cdp.yaml");

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Config file (YAML; keys and defaults in cdp-defaults.yaml). Default: ./cdp.yaml if present.")
  Path configFile;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  private CdpConfig config;

  /** The loaded, validated config; loaded once per command. */
  CdpConfig config() {
    if (config == null) {
      Path file = configFile;
      if (file == null && Files.isRegularFile(DEFAULT_CONFIG)) {
        file = DEFAULT_CONFIG;
      }
      config = ConfigLoader.load(file);
      // the names in resolve.match are known to the matcher, not to the loader: check them now
      MatchSettings.from(config.resolve().match());
    }
    return config;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; errors are printed as one line. */
  public static int run(String... args) {
    CdpCli root = new CdpCli();
    CommandLine commandLine = new CommandLine(root);
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parseResult) -> {
          if (error instanceof CdpException cdp) {
            cmd.getErr().println("cdp: error [" + cdp.code() + "]: " + cdp.getMessage());
            if (root.verbose) {
              error.printStackTrace(cmd.getErr());
            }
            return cdp.code().exitCode();
          }
          cmd.getErr()
              .println(
                  "cdp: internal error: "
                      + firstLine(error)
                      + (root.verbose ? "" : " (run with --verbose for the stack trace)"));
          if (root.verbose) {
            error.printStackTrace(cmd.getErr());
          }
          return ErrorCode.INTERNAL.exitCode();
        });
    return commandLine.execute(args);
  }

  /**
   * Engines put whole query plans in messages: one line of at most 300 characters is enough here.
   */
  private static String firstLine(Throwable error) {
    String text = String.valueOf(error);
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }
}
