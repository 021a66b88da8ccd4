package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchModelStoreTest {
  private static final FieldComparison SURNAME =
      new FieldComparison(MatchField.FAMILY_NAME, ComparisonKind.NAME, List.of(0.9), true);

  @TempDir Path work;

  @Test
  void retrainingKeepsThePreviousModelBesideTheNewCurrentOne() throws IOException {
    MatchModelStore store = new MatchModelStore(work);
    assertThat(store.loadCurrent()).isEmpty();

    MatchModelStore.Saved first = store.save(model("2026-11-24T08:00:00Z", 0.1));
    MatchModelStore.Saved second = store.save(model("2026-11-25T09:30:00.250Z", 0.2));

    assertThat(first.previous()).isEmpty();
    assertThat(second.current()).isEqualTo(work.resolve("match/model.json"));
    assertThat(second.kept())
        .isEqualTo(work.resolve("match/models/model-20261125-093000-250.json"));
    assertThat(second.previous()).contains(first.kept());
    assertThat(store.loadCurrent()).get().extracting(MatchModel::matchPrior).isEqualTo(0.2);
    assertThat(MatchModel.load(first.kept()).matchPrior()).isEqualTo(0.1);
    assertThat(archived()).hasSize(2);
  }

  @Test
  void aCurrentModelWithoutACopyInTheArchiveIsKeptBeforeItIsReplaced() throws IOException {
    MatchModelStore store = new MatchModelStore(work);
    // as an older version wrote it: model.json only
    model("2026-11-20T00:00:00Z", 0.05).save(store.current());

    MatchModelStore.Saved saved = store.save(model("2026-11-25T00:00:00Z", 0.2));

    assertThat(saved.previous())
        .contains(work.resolve("match/models/model-20261120-000000-000.json"));
    assertThat(MatchModel.load(saved.previous().orElseThrow()).matchPrior()).isEqualTo(0.05);
  }

  @Test
  void anUnreadableCurrentModelIsKeptAsItWas() throws IOException {
    MatchModelStore store = new MatchModelStore(work);
    Files.createDirectories(store.current().getParent());
    Files.writeString(store.current(), "{\"format_version\": 99}");

    MatchModelStore.Saved saved = store.save(model("2026-11-25T00:00:00Z", 0.2));

    assertThat(saved.previous()).isPresent();
    assertThat(saved.previous().orElseThrow().getFileName().toString()).startsWith("unreadable-");
    assertThat(Files.readString(saved.previous().orElseThrow())).contains("99");
  }

  private List<Path> archived() throws IOException {
    try (Stream<Path> files = Files.list(work.resolve("match/models"))) {
      return files.toList();
    }
  }

  private static MatchModel model(String trainedAt, double prior) {
    return new MatchModel(
        MatchModel.FORMAT_VERSION,
        Instant.parse(trainedAt),
        prior,
        List.of(
            ComparisonWeights.of(
                SURNAME, new double[] {0.8, 0.15, 0.05}, new double[] {0.01, 0.02, 0.97})),
        new TrainingSummary(10, 5, 3, 100, 42, 7, true));
  }
}
