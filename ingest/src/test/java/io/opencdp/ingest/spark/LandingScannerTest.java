package io.opencdp.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingScannerTest {
  @Test
  void listsLandedFilesButNothingHiddenOrInProgressAtAnyDepth(@TempDir Path landing)
      throws IOException {
    IngestConfig ingest = SampleData.config(landing, landing.resolve("work")).ingest();
    SourceConfig web = ingest.source("web");
    for (String file :
        List.of(
            "web/a.jsonl",
            "web/2026/11/b.jsonl",
            "web/.a.jsonl.swp",
            "web/_c.jsonl",
            "web/_temporary/0/task_0/d.jsonl",
            "web/.staging/e.jsonl",
            "web/2026/_tmp/f.jsonl")) {
      Path path = landing.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "{}\n");
    }

    List<LandedFile> files = new LandingScanner(ingest, new Configuration()).list(web);

    assertThat(files)
        .extracting(LandedFile::relativePath)
        .containsExactly("web/2026/11/b.jsonl", "web/a.jsonl");
    assertThat(files)
        .allSatisfy(
            f -> {
              assertThat(f.source()).isEqualTo("web");
              assertThat(f.size()).isEqualTo(3);
              assertThat(f.uri()).startsWith("file:").endsWith(f.relativePath());
            });
  }

  @Test
  void aMissingLandingDirectoryNamesTheSourceAndItsKey(@TempDir Path landing) {
    IngestConfig ingest = SampleData.config(landing, landing.resolve("work")).ingest();

    assertThatThrownBy(
            () -> new LandingScanner(ingest, new Configuration()).list(ingest.source("pos")))
        .isInstanceOfSatisfying(
            CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
        .hasMessageContaining("'pos'")
        .hasMessageContaining("ingest.sources.pos.path");
  }
}
