package io.opencdp.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {
  @TempDir Path dir;

  @Test
  void quotesAsRfc4180WithNewlineLineEnds() throws IOException {
    Path out = dir.resolve("a/b/m.csv");

    long rows =
        CsvFiles.write(
            out,
            List.of("profile_id", "name"),
            List.of(
                List.of("p-1", "Doe, \"Jo\""), List.of("p-2", "Zoë\nline"), List.of("p-3", "")));

    assertThat(rows).isEqualTo(3);
    assertThat(Files.readString(out, StandardCharsets.UTF_8))
        .isEqualTo("profile_id,name\np-1,\"Doe, \"\"Jo\"\"\"\np-2,\"Zoë\nline\"\np-3,\n");
    assertThat(ExportFixture.readCsv(out))
        .containsExactly(
            List.of("profile_id", "name"),
            List.of("p-1", "Doe, \"Jo\""),
            List.of("p-2", "Zoë\nline"),
            List.of("p-3", ""));
  }

  @Test
  void aFailureWhileWritingLeavesNeitherAHalfFileNorTheTemporaryOne() throws IOException {
    Path out = dir.resolve("m.csv");
    Files.writeString(out, "previous\n");
    Iterable<List<String>> failing =
        () ->
            new Iterator<>() {
              int n;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public List<String> next() {
                if (n++ == 2) {
                  throw new IllegalStateException("boom");
                }
                return List.of("p-" + n);
              }
            };

    assertThatThrownBy(() -> CsvFiles.write(out, List.of("profile_id"), failing))
        .hasMessage("boom");
    assertThat(Files.readString(out)).isEqualTo("previous\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void removalsGoNextToTheFile() {
    assertThat(CsvFiles.removesOf(Path.of("/x/adds.csv")))
        .isEqualTo(Path.of("/x/adds.removes.csv"));
    assertThat(CsvFiles.removesOf(Path.of("out"))).isEqualTo(Path.of("out.removes.csv"));
  }
}
