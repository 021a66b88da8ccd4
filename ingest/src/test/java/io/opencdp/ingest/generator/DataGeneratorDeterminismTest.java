package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorDeterminismTest {
  @TempDir Path dir;

  @Test
  void sameSeedGivesByteIdenticalTrees() throws Exception {
    new DataGenerator(Generated.defaults())
        .generate(400, 7, dir.resolve("a"), GeneratorProgress.NONE);
    new DataGenerator(Generated.defaults())
        .generate(400, 7, dir.resolve("b"), GeneratorProgress.NONE);

    Map<String, String> a = hashes(dir.resolve("a"));
    assertThat(a)
        .containsKeys(
            "manifest.json", "truth/records.csv", "truth/persons.csv", "crm/customers.csv");
    assertThat(a.keySet())
        .anyMatch(f -> f.startsWith("web/web-"))
        .anyMatch(f -> f.startsWith("app/app-"))
        .anyMatch(f -> f.startsWith("pos/pos-"))
        .anyMatch(f -> f.startsWith("email/sendgrid-"))
        .anyMatch(f -> f.startsWith("callcenter/connect-"));
    assertThat(hashes(dir.resolve("b"))).isEqualTo(a);
  }

  @Test
  void differentSeedGivesDifferentData() throws Exception {
    new DataGenerator(Generated.defaults())
        .generate(300, 7, dir.resolve("a"), GeneratorProgress.NONE);
    new DataGenerator(Generated.defaults())
        .generate(300, 8, dir.resolve("b"), GeneratorProgress.NONE);

    Map<String, String> a = hashes(dir.resolve("a"));
    Map<String, String> b = hashes(dir.resolve("b"));
    assertThat(b.get("truth/persons.csv")).isNotEqualTo(a.get("truth/persons.csv"));
    assertThat(b.get("crm/customers.csv")).isNotEqualTo(a.get("crm/customers.csv"));
  }

  @Test
  void rerunOverwritesGeneratedFilesAndKeepsOtherFiles() throws Exception {
    Path out = dir.resolve("out");
    DataGenerator generator = new DataGenerator(Generated.defaults());
    generator.generate(300, 1, out, GeneratorProgress.NONE);
    Files.writeString(out.resolve("README.md"), "hand written");
    Files.writeString(out.resolve("web/web-1999-01.jsonl"), "stale\n");

    generator.generate(200, 2, dir.resolve("fresh"), GeneratorProgress.NONE);
    generator.generate(200, 2, out, GeneratorProgress.NONE);

    Map<String, String> rerun = hashes(out);
    assertThat(rerun.remove("README.md")).isNotNull();
    assertThat(rerun).isEqualTo(hashes(dir.resolve("fresh")));
  }

  @Test
  void reportsProgressAndCountsEveryRecord() throws Exception {
    long[] last = new long[2];
    int[] calls = new int[1];
    GeneratorReport report =
        new DataGenerator(Generated.defaults())
            .generate(
                250,
                3,
                dir,
                (done, total) -> {
                  assertThat(done).isGreaterThan(last[0]);
                  last[0] = done;
                  last[1] = total;
                  calls[0]++;
                });

    assertThat(last).containsExactly(250, 250);
    assertThat(calls[0]).isBetween(50, 101);
    assertThat(report.persons()).isEqualTo(250);
    assertThat(report.recordsPerFile().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(report.rawRecords());
    assertThat(Files.readAllLines(dir.resolve("truth/records.csv")))
        .hasSize((int) report.rawRecords() + 1);
  }

  static Map<String, String> hashes(Path root) throws IOException, NoSuchAlgorithmException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        hashes.put(
            root.relativize(file).toString().replace('\\', '/'),
            HexFormat.of().formatHex(digest.digest()));
      }
    }
    return hashes;
  }
}
