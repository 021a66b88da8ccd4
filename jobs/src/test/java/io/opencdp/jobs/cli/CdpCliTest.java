package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdpCliTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureStreams() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStreams() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void helpListsTheSubcommands() {
    int exit = CdpCli.run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("quickstart", "generate", "index", "es", "bench", "config");
  }

  @Test
  void unknownConfigKeyFailsWithOneLineNamingTheKey() throws IOException {
    Path config = dir.resolve("cdp.yaml");
    Files.writeString(config, "elasticsearch:\n  prot: 9200\n");

    int exit = CdpCli.run("--config", config.toString(), "config");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("cdp: error [CONFIG_INVALID]: ")
        .contains("elasticsearch.prot")
        .doesNotContain("Exception");
  }

  @Test
  void configPrintsEveryDefault() {
    int exit = CdpCli.run("config");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("heap_mb: 1024", "workspace: \"default\"");
  }

  @Test
  void badCountIsRejectedNamingTheOption() {
    int exit = CdpCli.run("generate", "--persons", "lots", "--out", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--persons", "'lots'");
  }

  @Test
  void retentionAsOfMustBeAnInstant() {
    int exit = CdpCli.run("privacy", "retention", "--as-of", "yesterday");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--as-of", "'yesterday'");
  }

  @Test
  void eraseNeedsExactlyOnePersonOrCompleteAlone() {
    assertThat(CdpCli.run("privacy", "erase")).isEqualTo(2);
    assertThat(CdpCli.run("privacy", "erase", "--complete", "--profile-id", "p_1")).isEqualTo(2);
    assertThat(CdpCli.run("privacy", "erase", "--identifier", "ssn:123")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--identifier TYPE:VALUE and --profile-id ID", "unknown identifier type 'ssn'");
  }

  @Test
  void missingRequiredOptionPrintsUsage() {
    int exit = CdpCli.run("generate", "--persons", "10");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option", "--out");
  }

  @Test
  void generateWritesRawFilesTruthAndManifest() {
    Path outDir = dir.resolve("gen");

    int exit = CdpCli.run("generate", "--persons", "50", "--seed", "7", "--out", outDir.toString());

    assertThat(exit).isZero();
    assertThat(outDir.resolve("manifest.json")).isRegularFile();
    assertThat(outDir.resolve("truth/records.csv")).isRegularFile();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("generated 50 persons");
  }

  @Test
  void countsAcceptSuffixes() {
    assertThat(Counts.parse("--scale", "100k")).isEqualTo(100_000);
    assertThat(Counts.parse("--scale", "1M")).isEqualTo(1_000_000);
    assertThat(Counts.label(1_000_000)).isEqualTo("1M");
    assertThat(Counts.label(2_500)).isEqualTo("2500");
  }

  @Test
  void identityOverrideWithAnUnknownTypeFailsBeforeStartingSpark() {
    int exit =
        CdpCli.run(
            "identity",
            "never-link",
            "--left",
            "mail:a@mail.test",
            "--right",
            "phone:+15550100001");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("cdp: error [BAD_ARGUMENT]: unknown identifier type 'mail'");
  }

  @Test
  void identityOverrideOnABlockedValueIsRejected() {
    int exit =
        CdpCli.run("identity", "split", "--profile", "p_1", "--identifier", "email:test@test.com");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is a blocked value");
  }

  @Test
  void evaluateWithoutATruthFileSaysWhatToGive() {
    int exit = CdpCli.run("evaluate");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("cdp: error [BAD_ARGUMENT]: give --truth FILE");
  }

  @Test
  void evaluateFebrlWithoutTheFilesNamesTheDirectory() {
    int exit = CdpCli.run("evaluate", "febrl", "--dir", dir.toString());

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("cdp: error [INPUT_NOT_FOUND]: no Febrl files")
        .contains(dir.toString());
  }

  @Test
  void anUnknownBlockingTransformFailsAtStartNamingTheKey() throws IOException {
    Path config = dir.resolve("cdp.yaml");
    Files.writeString(config, "resolve:\n  match:\n    blocking: [\"family_name:phonex\"]\n");

    int exit = CdpCli.run("--config", config.toString(), "config");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "cdp: error [CONFIG_INVALID]: resolve.match.blocking[0]: unknown blocking transform"
                + " 'phonex'");
  }

  @Test
  void streamHelpNamesTheOnceOption() {
    int exit = CdpCli.run("stream", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--once", "stream.*");
  }

  @Test
  void streamWithoutSourceDirectoriesFailsWithOneLineNamingTheKey() throws IOException {
    Path config = dir.resolve("cdp.yaml");
    Files.writeString(
        config,
        "work_dir: "
            + dir.resolve("work")
            + "\nelasticsearch:\n  url: http://127.0.0.1:1\ningest:\n  landing_root: "
            + dir.resolve("empty")
            + "\n");

    int exit = CdpCli.run("--config", config.toString(), "stream", "--once");

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("cdp: error [INPUT_NOT_FOUND]: ")
        .contains("ingest.landing_root")
        .doesNotContain("Exception");
  }
}
