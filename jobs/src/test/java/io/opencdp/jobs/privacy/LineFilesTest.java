package io.opencdp.jobs.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFilesTest {
  @TempDir Path dir;

  @Test
  void blankingKeepsEveryOtherByteAndEveryLineNumber() throws IOException {
    Path file = dir.resolve("a.csv");
    Files.writeString(file, "id,email\r\n1,ann@mail.test\r\n2,bob@mail.test\r\n3,joann@mail.test");
    TextNeedles ann = new TextNeedles(Set.of("ann@mail.test"));

    long removed =
        LineFiles.rewrite(
            file,
            false,
            (line, text) -> ann.foundIn(text) ? LineFiles.Action.BLANK : LineFiles.Action.KEEP);

    assertThat(removed).isEqualTo(1);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("id,email\r\n\r\n2,bob@mail.test\r\n3,joann@mail.test");
  }

  @Test
  void droppingRemovesTheLineAndAnUntouchedFileKeepsItsTime() throws IOException {
    Path file = dir.resolve("b.csv");
    Files.writeString(file, "h\nx C1234\ny C12345\n");
    TextNeedles id = new TextNeedles(Set.of("C1234"));
    LineFiles.Decider drop =
        (line, text) -> id.foundIn(text) ? LineFiles.Action.DROP : LineFiles.Action.KEEP;

    assertThat(LineFiles.rewrite(file, false, drop)).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo("h\ny C12345\n");
    var modified = Files.getLastModifiedTime(file);
    assertThat(LineFiles.rewrite(file, false, drop)).isZero();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
  }

  @Test
  void valuesMatchAsWholeTokensAndEmailsInAnyCase() {
    TextNeedles needles = new TextNeedles(Set.of("ann@mail.test", "+15550100001"));
    assertThat(needles.foundIn("{\"email\":\"ANN@Mail.test\"}")).isTrue();
    assertThat(needles.foundIn("{\"email\":\"joann@mail.test\"}")).isFalse();
    assertThat(needles.foundIn("phone=+15550100001;")).isTrue();
    assertThat(needles.foundIn("phone=+155501000012")).isFalse();
  }
}
