package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdp suppressions} against a real node. */
@ExtendWith(ElasticsearchExtension.class)
class SuppressionsCommandTest {
  /** {@code printf '%s' 'email:ann@example.com' | sha256sum}. */
  static final String ANN_KEY = "35f3b3170d36d0a179d1bf8e9cf8cfc364ca33bccbc6a94127b30f3d71b365e2";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private Path config;

  @BeforeEach
  void setUp(EsTestCluster cluster) throws IOException {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String workspace = "supprcli" + System.nanoTime() % 1_000_000;
    config =
        Files.writeString(
            dir.resolve("cdp.yaml"),
            "workspace: " + workspace + "\nelasticsearch:\n  url: " + cluster.url() + "\n");
  }

  @AfterEach
  void restoreStreams() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString(), "suppressions"));
    all.addAll(List.of(args));
    return CdpCli.run(all.toArray(String[]::new));
  }

  @Test
  void addListAndRemoveAnIdentifier() {
    assertThat(run("add", "--identifier", "email: Ann@Example.com", "--reason", "hard_bounce"))
        .isEqualTo(0);
    assertThat(out.toString()).contains("suppressed email " + ANN_KEY + " (hard_bounce");
    assertThat(run("add", "--identifier", "email:ann@example.com", "--reason", "manual"))
        .isEqualTo(0);
    assertThat(out.toString()).contains("already suppressed: email " + ANN_KEY);
    assertThat(run("list")).isEqualTo(0);
    assertThat(out.toString()).contains("email\t" + ANN_KEY + "\thard_bounce\tcli\tcli:");
    assertThat(out.toString()).contains("1 suppressed identifier(s)");
    assertThat(run("remove", "--identifier", "email:ANN@example.com")).isEqualTo(0);
    assertThat(run("remove", "--identifier", "email:ann@example.com")).isEqualTo(1);
    assertThat(out.toString()).contains("not on the suppression list");
  }

  @Test
  void badIdentifierOrReasonIsACodedError() {
    assertThat(run("add", "--identifier", "ann@example.com", "--reason", "manual")).isEqualTo(2);
    assertThat(err.toString()).contains("[BAD_ARGUMENT]").contains("must be TYPE:VALUE");
    assertThat(run("add", "--identifier", "email:ann@example.com", "--reason", "bored"))
        .isNotZero();
    assertThat(err.toString()).contains("[BAD_ARGUMENT]").contains("'reason'");
    assertThat(run("add", "--identifier", "fax:123", "--reason", "manual")).isNotZero();
    assertThat(err.toString()).contains("identifier_type");
  }
}
