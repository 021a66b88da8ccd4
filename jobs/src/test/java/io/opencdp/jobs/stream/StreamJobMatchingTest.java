package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.match.ComparisonKind;
import io.opencdp.resolve.match.ComparisonWeights;
import io.opencdp.resolve.match.FieldComparison;
import io.opencdp.resolve.match.LevelWeights;
import io.opencdp.resolve.match.MatchField;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.match.TrainingSummary;
import io.opencdp.resolve.stream.BlockNode;
import io.opencdp.resolve.stream.VectorNode;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream job matches with the batch's model when there is one, and its state keeps it. */
class StreamJobMatchingTest {
  @TempDir Path dir;

  @Test
  void theResolverMatchesWithTheModelInTheWorkDirWhenThereIsOne() throws IOException {
    CdpConfig config = config("");
    assertThat(StreamJob.resolver(config).matching()).isFalse();

    new MatchModelStore(config.workDir()).save(model());

    assertThat(StreamJob.resolver(config).matching()).isTrue();
    assertThat(StreamJob.resolver(config("resolve:\n  match:\n    enabled: false\n")).matching())
        .as("matching switched off")
        .isFalse();
  }

  @Test
  void matchStateSurvivesTheStatesJson() {
    VectorNode vector =
        new VectorNode(
            Arrays.asList("ann", "lee", null, null, null, null, null, null, null, null, null, null),
            Map.of("email:ann@x.com", 2, "event:e9", 1),
            Map.of("0a1b", 1234567L));
    BlockNode block = new BlockNode(List.of("0a1b", "2c3d"));

    assertThat(FlinkStreamState.read(FlinkStreamState.write(vector), VectorNode.class))
        .isEqualTo(vector);
    assertThat(FlinkStreamState.read(FlinkStreamState.write(block), BlockNode.class))
        .isEqualTo(block);
    assertThat(FlinkStreamState.read(FlinkStreamState.write(42L), Long.class)).isEqualTo(42L);
  }

  private CdpConfig config(String more) throws IOException {
    Path yaml = dir.resolve("cdp-" + more.hashCode() + ".yaml");
    Files.writeString(yaml, "work_dir: " + dir.resolve("work") + "\n" + more);
    return ConfigLoader.load(yaml);
  }

  private static MatchModel model() {
    FieldComparison family =
        new FieldComparison(MatchField.FAMILY_NAME, ComparisonKind.NAME, List.of(0.9), true);
    return new MatchModel(
        MatchModel.FORMAT_VERSION,
        Instant.parse("2026-11-24T00:00:00Z"),
        0.1,
        List.of(
            new ComparisonWeights(
                family.field().wireName(),
                family.kind().wireName(),
                family.thresholds(),
                true,
                List.of(
                    new LevelWeights(family.levelNames().get(0), 0.8, 0.01),
                    new LevelWeights(family.levelNames().get(1), 0.15, 0.02),
                    new LevelWeights(family.levelNames().get(2), 0.05, 0.97)))),
        new TrainingSummary(0, 0, 0, 0, 0, 0, true));
  }
}
