package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.api.export.ExportFixture;
import io.opencdp.api.testing.ElasticsearchExtension;
import io.opencdp.api.testing.EsTestCluster;
import io.opencdp.schemas.audience.AudienceFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdp export} against a real node: an export end to end, and its coded errors. */
@ExtendWith(ElasticsearchExtension.class)
class ExportCommandTest {
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

  private Path config(String esUrl) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(
        file,
        "workspace: expcli\nwork_dir: "
            + dir.resolve("work")
            + "\nelasticsearch:\n  url: "
            + esUrl
            + "\n");
    return file;
  }

  /** Runs {@code cdp export ARGS} against the cluster at {@code esUrl}; the exit code. */
  private int export(String esUrl, String... args) throws IOException {
    String[] all = new String[args.length + 3];
    all[0] = "--config";
    all[1] = config(esUrl).toString();
    all[2] = "export";
    System.arraycopy(args, 0, all, 3, args.length);
    return CdpCli.run(all);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exportsASegmentAndPrintsItsMatchReadinessAndFiles(EsTestCluster cluster) throws IOException {
    try (ExportFixture fixture = ExportFixture.open(cluster, "expcli")) {
      fixture.put(
          ExportFixture.profile("p-1", "US", "a@example.com", "+15550100001", true),
          ExportFixture.profile("p-2", "US", "b@example.com", null, false),
          ExportFixture.profile("p-3", "US", null, null, true));
      fixture.saveSegment(
          "seg-us-0000cc", "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}");
      Path file = dir.resolve("out/us.csv");

      int exit =
          export(
              cluster.url(),
              "--segment",
              "seg-us-0000cc",
              "--format",
              "meta",
              "--out",
              file.toString(),
              "--destination",
              "acme",
              "--since-last");

      assertThat(exit).as(err()).isZero();
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .contains("of seg-us-0000cc (version 1) as meta to acme: 3 members, 1 exported")
          .contains("1 without consent, 0 suppressed, 1 without a hashable identifier")
          .contains("1 adds, 0 removes")
          .contains(file.toAbsolutePath().toString())
          .contains(dir.resolve("out/us.removes.csv").toAbsolutePath().toString());
      List<String> lines = Files.readAllLines(file);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0))
          .isEqualTo(String.join(",", ExportFixture.header(AudienceFormat.META)));
      assertThat(Files.readAllLines(dir.resolve("out/us.removes.csv")))
          .containsExactly(lines.get(0));
    }
  }

  @Test
  void anUnknownFormatIsABadArgument(EsTestCluster cluster) throws IOException {
    int exit =
        export(cluster.url(), "--segment", "seg-x-000000", "--format", "tiktok", "--out", "x.csv");

    assertThat(exit).isEqualTo(2);
    assertThat(err()).contains("[BAD_ARGUMENT]").contains("google, meta, csv").contains("tiktok");
  }

  @Test
  void fieldsAreForCsvOnly(EsTestCluster cluster) throws IOException {
    int exit =
        export(
            cluster.url(),
            "--segment",
            "seg-x-000000",
            "--format",
            "google",
            "--out",
            "x.csv",
            "--fields",
            "email,phone");

    assertThat(exit).isEqualTo(2);
    assertThat(err()).contains("'fields' is only for format csv");
  }

  @Test
  void aBadDestinationIsABadArgument(EsTestCluster cluster) throws IOException {
    int exit =
        export(
            cluster.url(),
            "--segment",
            "seg-x-000000",
            "--format",
            "meta",
            "--out",
            "x.csv",
            "--destination",
            "Acme Ads");

    assertThat(exit).isEqualTo(2);
    assertThat(err()).contains("'destination'");
  }

  @Test
  void anUnknownSegmentIsNotFound(EsTestCluster cluster) throws IOException {
    Path file = dir.resolve("out/x.csv");
    int exit =
        export(
            cluster.url(),
            "--segment",
            "seg-nope-000000",
            "--format",
            "google",
            "--out",
            file.toString());

    assertThat(exit).as(err()).isEqualTo(3);
    assertThat(err()).contains("[NOT_FOUND]").contains("no segment 'seg-nope-000000'");
    assertThat(file).doesNotExist();
  }

  @Test
  void elasticsearchDownIsSaidSo() throws IOException {
    String closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "http://127.0.0.1:" + socket.getLocalPort();
    }
    int exit = export(closed, "--segment", "seg-x-000000", "--format", "google", "--out", "x.csv");

    assertThat(exit).as(err()).isEqualTo(5);
    assertThat(err())
        .contains("[ELASTICSEARCH_UNAVAILABLE]")
        .contains(closed)
        .contains("cdp es start");
  }
}
