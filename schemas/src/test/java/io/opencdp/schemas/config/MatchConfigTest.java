package io.opencdp.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsLinkAboveTheReviewBandAndLeaveTermFrequencyOffUnlessAsked() {
    MatchConfig match = ConfigLoader.load(null, Map.of()).resolve().match();

    assertThat(match.linkThreshold()).isGreaterThan(match.reviewThreshold());
    assertThat(match.comparisons())
        .filteredOn(c -> c.field().equals("birth_date"))
        .singleElement()
        .matches(c -> !c.termFrequency() && c.thresholds().isEmpty());
  }

  @Test
  void aReviewThresholdAboveTheLinkThresholdNamesBothKeys() throws IOException {
    Path file = write("resolve:\n  match:\n    link_threshold: 0.9\n    review_threshold: 0.95\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining(
            "resolve.match.review_threshold must be in (0, link_threshold = 0.9]");
  }

  @Test
  void aProbabilityOutsideZeroToOneIsRejected() throws IOException {
    Path file = write("resolve:\n  match:\n    link_threshold: 1.5\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(CdpException.class)
        .hasMessageContaining("resolve.match.link_threshold must be a probability in (0, 1)");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cdp.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
