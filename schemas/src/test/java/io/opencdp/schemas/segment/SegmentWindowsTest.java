package io.opencdp.schemas.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CdpConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The boundaries of days and windows, in the workspace time zone. */
class SegmentWindowsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void anEventExactlyNDaysAgoIsInsideAndOneTheDayBeforeIsNot() {
    SegmentWindows windows = at("2026-06-10T12:00:00Z", ZoneOffset.UTC);
    TimeRange thirty = windows.range(new EventWindow.WithinLastDays(30)).orElseThrow();

    assertThat(thirty)
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-05-11T00:00:00Z"), Instant.parse("2026-06-10T12:00:00Z")));
    assertThat(thirty.contains(Instant.parse("2026-05-11T00:00:00Z"))).isTrue();
    assertThat(thirty.contains(Instant.parse("2026-05-10T23:59:59.999999Z"))).isFalse();
    assertThat(thirty.contains(Instant.parse("2026-06-10T11:59:59Z"))).isTrue();
    assertThat(thirty.contains(Instant.parse("2026-06-10T12:00:01Z"))).isFalse();
  }

  @Test
  void todayTurnsAtMidnightOfTheWorkspaceZoneNotOfUtc() {
    SegmentWindows before = at("2026-06-10T14:59:59.999Z", TOKYO);
    SegmentWindows after = at("2026-06-10T15:00:00Z", TOKYO);

    assertThat(before.today()).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(after.today()).isEqualTo(LocalDate.of(2026, 6, 11));
    assertThat(before.instant(new DaysAgo(0))).isEqualTo(Instant.parse("2026-06-09T15:00:00Z"));
    assertThat(after.instant(new DaysAgo(0))).isEqualTo(Instant.parse("2026-06-10T15:00:00Z"));
    assertThat(after.range(new EventWindow.WithinLastDays(1)).orElseThrow().start())
        .isEqualTo(Instant.parse("2026-06-09T15:00:00Z"));
    assertThat(after.date(new DaysAgo(1))).isEqualTo(LocalDate.of(2026, 6, 10));
  }

  @Test
  void aWindowAcrossTheSpringChangeStartsAtLocalMidnight() {
    // Berlin moves from +01:00 to +02:00 at 02:00 on 29 March 2026.
    SegmentWindows windows = at("2026-03-30T08:00:00Z", BERLIN);

    assertThat(windows.range(new EventWindow.WithinLastDays(1)).orElseThrow().start())
        .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    assertThat(windows.range(new EventWindow.WithinLastDays(2)).orElseThrow().start())
        .isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
    assertThat(windows.instant(new DaysAgo(0))).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
  }

  @Test
  void betweenCoversWholeDaysOfTwentyThreeOrTwentyFiveHours() {
    SegmentWindows windows = at("2026-12-01T00:00:00Z", BERLIN);
    TimeRange spring =
        windows
            .range(new EventWindow.Between(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)))
            .orElseThrow();
    TimeRange autumn =
        windows
            .range(new EventWindow.Between(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25)))
            .orElseThrow();

    assertThat(spring)
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")));
    assertThat(autumn)
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z")));
    assertThat(autumn.contains(Instant.parse("2026-10-25T22:59:59.999Z"))).isTrue();
    assertThat(autumn.contains(Instant.parse("2026-10-25T23:00:00Z"))).isFalse();
  }

  @Test
  void aDayWhoseMidnightIsSkippedStartsAtItsFirstInstant() {
    // Santiago skipped from 24:00 to 01:00 on 7 September 2025 (-04:00 to -03:00).
    SegmentWindows windows = at("2025-09-08T12:00:00Z", ZoneId.of("America/Santiago"));

    assertThat(windows.startOf(LocalDate.of(2025, 9, 7)))
        .isEqualTo(Instant.parse("2025-09-07T04:00:00Z"));
  }

  @Test
  void aDateOnATimeFieldIsTheStartOfThatDayAndAnInstantIsItself() {
    SegmentWindows windows = at("2026-06-10T12:00:00Z", BERLIN);

    assertThat(windows.instant(new DateValue(LocalDate.of(2026, 11, 1))))
        .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(windows.instant(new InstantValue(Instant.parse("2026-11-01T09:30:00Z"))))
        .isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
    assertThat(windows.instant(new DaysAgo(10))).isEqualTo(Instant.parse("2026-05-30T22:00:00Z"));
    assertThat(windows.range(EventWindow.ALL_TIME)).isEmpty();
    assertThatThrownBy(() -> windows.instant(new TextValue("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theClockIsReadOnceSoEveryConditionOfAnEvaluationSeesTheSameDay() {
    SegmentWindows windows = new SegmentWindows(ZoneOffset.UTC, Clock.systemUTC());

    assertThat(windows.today()).isEqualTo(LocalDate.ofInstant(windows.now(), ZoneOffset.UTC));
    assertThat(windows.range(new EventWindow.WithinLastDays(1)).orElseThrow().end())
        .isEqualTo(windows.now());
  }

  @Test
  void theZoneComesFromTheSegmentsConfig() {
    SegmentWindows windows =
        SegmentWindows.of(
            CdpConfig.defaults().segments(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    assertThat(windows.zone()).isEqualTo(ZoneId.of("UTC"));
  }

  private static SegmentWindows at(String now, ZoneId zone) {
    return new SegmentWindows(zone, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }
}
