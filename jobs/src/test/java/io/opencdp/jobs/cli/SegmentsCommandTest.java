package io.opencdp.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.jobs.segment.RefreshReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsCommandTest {
  private static final List<RefreshReport.Segment> SEGMENTS =
      List.of(
          new RefreshReport.Segment("seg-us-3f9a1c", 2L, "US buyers", 1_200, 10, 3),
          new RefreshReport.Segment("seg-old-000000", null, null, 0, 0, 40));

  @Test
  void printsEachSegmentWithItsCountsAndTheTotals() {
    String out =
        SegmentsCommand.summary(
            new RefreshReport(
                "refresh-1-ab",
                Instant.parse("2026-10-20T22:30:00Z"),
                false,
                SEGMENTS,
                53,
                1,
                Duration.ofSeconds(2)));

    assertThat(out)
        .containsPattern("seg-us-3f9a1c\\s+US buyers\\s+1,200\\s+10\\s+3")
        .containsPattern("seg-old-000000\\s+\\(deleted\\)\\s+0\\s+0\\s+40")
        .containsPattern("total\\s+2 segment\\(s\\)\\s+1,200\\s+10\\s+43")
        .contains("53 profile documents updated (1 without a document)");
  }

  @Test
  void aDryRunSaysNothingWasWritten() {
    String out =
        SegmentsCommand.summary(
            new RefreshReport(
                "refresh-1-ab",
                Instant.parse("2026-10-20T22:30:00Z"),
                true,
                SEGMENTS.subList(0, 1),
                0,
                0,
                Duration.ZERO));

    assertThat(out).contains("dry run refresh-1-ab").contains("nothing written");
  }

  @Test
  void theCommandIsRegistered() {
    assertThat(CdpCli.run("segments", "refresh", "--help")).isZero();
  }
}
