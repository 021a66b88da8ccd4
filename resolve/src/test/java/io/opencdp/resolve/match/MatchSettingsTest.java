package io.opencdp.resolve.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.MatchComparisonConfig;
import io.opencdp.schemas.config.MatchConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchSettingsTest {
  private static final MatchConfig DEFAULTS = CdpConfig.defaults().resolve().match();

  @Test
  void theDefaultsAreOneValidFrozenSetting() {
    MatchSettings settings = MatchSettings.from(DEFAULTS);
    assertThat(settings.comparisons().fields())
        .extracting(f -> f.field())
        .contains(MatchField.GIVEN_NAME, MatchField.FAMILY_NAME, MatchField.BIRTH_DATE);
    assertThat(settings.blocking())
        .extracting(BlockingRule::name)
        .contains("family_name:metaphone + given_name:initial");
    assertThat(settings.linkThreshold()).isGreaterThan(settings.reviewThreshold());
  }

  @Test
  void aBadFieldOrTransformNamesItsKey() {
    List<MatchComparisonConfig> comparisons = new ArrayList<>(DEFAULTS.comparisons());
    comparisons.set(1, new MatchComparisonConfig("surname", "name", List.of(0.9), true));
    assertThatThrownBy(() -> MatchSettings.from(withComparisons(comparisons)))
        .hasMessageContaining("resolve.match.comparisons[1]: unknown match field 'surname'");

    MatchConfig badRule =
        new MatchConfig(
            DEFAULTS.enabled(),
            DEFAULTS.comparisons(),
            List.of("family_name:phonex"),
            DEFAULTS.maxBlockSize(),
            DEFAULTS.linkThreshold(),
            DEFAULTS.reviewThreshold(),
            DEFAULTS.training());
    assertThatThrownBy(() -> MatchSettings.from(badRule))
        .hasMessageContaining("resolve.match.blocking[0]: unknown blocking transform 'phonex'");
  }

  @Test
  void theDefaultsRefineBlocksOverFiftyByPostalAreaThenBirthYearThenCity() {
    BlockRefinement refinement = MatchSettings.from(DEFAULTS).refinement();
    assertThat(refinement.blockSize()).isEqualTo(50);
    assertThat(refinement.keys())
        .extracting(BlockingKey::toString)
        .containsExactly("postal_code:first_3", "birth_date:first_4", "city:metaphone");
  }

  @Test
  void aBadRefinementKeyOrSizeNamesItsKey() {
    assertThatThrownBy(() -> MatchSettings.from(withRefinement(50, List.of("city:phonex"))))
        .hasMessageContaining("resolve.match.refine_by[0]: unknown blocking transform 'phonex'");
    assertThatThrownBy(() -> withRefinement(DEFAULTS.maxBlockSize() + 1, List.of("city")))
        .hasMessageContaining("resolve.match.refine_block_size must be between 2 and 1000");
    assertThat(MatchSettings.from(withRefinement(50, List.of())).refinement().keys()).isEmpty();
  }

  @Test
  void estimatingTheRecallRefusesADeterministicRuleWithATransformNamingItsKey() {
    MatchConfig.Training training = DEFAULTS.training();
    MatchConfig.Training transformed =
        new MatchConfig.Training(
            training.randomPairs(),
            training.seed(),
            training.maxIterations(),
            "sessions",
            List.of("given_name + family_name + birth_date", "family_name:metaphone + phone"),
            0.5,
            true);
    assertThatThrownBy(() -> MatchSettings.from(withTraining(transformed)))
        .hasMessageContaining(
            "resolve.match.training.deterministic_rules[1]: 'family_name:metaphone' has a"
                + " transform");

    // assuming the recall, any blocking rule will do
    MatchConfig.Training assumed =
        new MatchConfig.Training(
            training.randomPairs(),
            training.seed(),
            training.maxIterations(),
            "sessions",
            transformed.deterministicRules(),
            0.5,
            false);
    assertThat(MatchSettings.from(withTraining(assumed)).estimateRecall()).isFalse();
  }

  @Test
  void aModelFileReadsBackAsWritten(@TempDir Path dir) {
    MatchSettings settings = MatchSettings.from(DEFAULTS);
    Comparisons comparisons = settings.comparisons();
    double[][] m = new double[comparisons.size()][];
    double[][] u = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      int levels = comparisons.get(k).levelCount();
      m[k] = new double[levels];
      u[k] = new double[levels];
      for (int l = 0; l < levels; l++) {
        m[k][l] = 1.0 / levels;
        u[k][l] = 1.0 / levels;
      }
    }
    PatternCounts none = new PatternCounts();
    MatchModel model =
        ModelFit.fit(comparisons, none, u, settings, 0, Instant.parse("2026-11-24T00:00:00Z"));
    Path file = dir.resolve("model.json");
    model.save(file);

    MatchModel read = MatchModel.load(file);
    assertThat(read).isEqualTo(model);
    assertThat(read.toComparisons()).isEqualTo(comparisons);
  }

  private static MatchConfig withRefinement(int size, List<String> keys) {
    return new MatchConfig(
        DEFAULTS.enabled(),
        DEFAULTS.comparisons(),
        DEFAULTS.blocking(),
        DEFAULTS.maxBlockSize(),
        DEFAULTS.linkThreshold(),
        DEFAULTS.reviewThreshold(),
        DEFAULTS.training(),
        size,
        keys);
  }

  private static MatchConfig withTraining(MatchConfig.Training training) {
    return new MatchConfig(
        DEFAULTS.enabled(),
        DEFAULTS.comparisons(),
        DEFAULTS.blocking(),
        DEFAULTS.maxBlockSize(),
        DEFAULTS.linkThreshold(),
        DEFAULTS.reviewThreshold(),
        training);
  }

  private static MatchConfig withComparisons(List<MatchComparisonConfig> comparisons) {
    return new MatchConfig(
        DEFAULTS.enabled(),
        comparisons,
        DEFAULTS.blocking(),
        DEFAULTS.maxBlockSize(),
        DEFAULTS.linkThreshold(),
        DEFAULTS.reviewThreshold(),
        DEFAULTS.training());
  }
}
