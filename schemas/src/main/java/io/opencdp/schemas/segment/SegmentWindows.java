package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.SegmentsConfig;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one place dates, {@code days_ago} and event windows become dates and instants, in the
 * workspace time zone ({@code segments.time_zone}); the Elasticsearch compiler, the Spark reference
 * and the tests all use it, so they agree on every boundary. It reads the clock once: use one
 * instance for one evaluation, so every condition of it sees the same "now" and "today".
 *
 * <ul>
 *   <li>the start of a day is its first instant in the zone (midnight, or the first instant after a
 *       daylight-saving gap that skips midnight);
 *   <li>{@code {"days_ago": N}}: the date N days before today; for a time field, the start of it;
 *   <li>{@code within_last_days: N}: {@code [start of the day N days before today, now)};
 *   <li>{@code between {from, to}}: {@code [start of from, start of the day after to)}, both days
 *       included whatever their length (23 or 25 hours on a daylight-saving change).
 * </ul>
 */
public final class SegmentWindows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ZoneId zone;
  private final Instant now;
  private final LocalDate today;

  /** Windows at the clock's current instant. */
  public SegmentWindows(ZoneId zone, Clock clock) {
    this.zone = requireNonNull(zone, "zone is null");
    this.now = requireNonNull(clock, "clock is null").instant();
    this.today = LocalDate.ofInstant(now, zone);
  }

  /** Windows in the configured workspace time zone. */
  public static SegmentWindows of(SegmentsConfig config, Clock clock) {
    return new SegmentWindows(config.timeZone(), clock);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The instant the windows are computed at. */
  public Instant now() {
    return now;
  }

  /** Today's date in the workspace time zone. */
  public LocalDate today() {
    return today;
  }

  /** The first instant of {@code day} in the workspace time zone. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** The date {@code days} days before today. */
  public LocalDate daysAgo(int days) {
    return today.minusDays(days);
  }

  /**
   * The events an event condition counts, as {@code [start, end)}; empty for {@link
   * EventWindow.AllTime} (every event).
   */
  public Optional<TimeRange> range(EventWindow window) {
    if (window instanceof EventWindow.WithinLastDays within) {
      return Optional.of(new TimeRange(startOf(daysAgo(within.days())), now));
    }
    if (window instanceof EventWindow.Between between) {
      return Optional.of(new TimeRange(startOf(between.from()), startOf(between.to().plusDays(1))));
    }
    return Optional.empty();
  }

  /**
   * The instant a value of a time field stands for: an instant itself, a date's start, the start of
   * the day {@code days_ago} days before today.
   */
  public Instant instant(Value value) {
    if (value instanceof InstantValue instant) {
      return instant.instant();
    }
    if (value instanceof DateValue date) {
      return startOf(date.date());
    }
    if (value instanceof DaysAgo daysAgo) {
      return startOf(daysAgo(daysAgo.days()));
    }
    throw new IllegalArgumentException("not a value of a time field: " + value);
  }

  /** The date a value of a date field stands for: a date itself, or {@code days_ago} days ago. */
  public LocalDate date(Value value) {
    if (value instanceof DateValue date) {
      return date.date();
    }
    if (value instanceof DaysAgo daysAgo) {
      return daysAgo(daysAgo.days());
    }
    throw new IllegalArgumentException("not a value of a date field: " + value);
  }
}
