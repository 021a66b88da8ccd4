package io.opencdp.jobs.segment;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one {@code cdp segments refresh} run found (and, unless a dry run, recorded).
 *
 * @param runId {@code refresh-<epoch ms>-<8 hex>}
 * @param evaluatedAt the one instant every segment was evaluated at
 * @param dryRun nothing was written
 * @param segments per segment, in the order evaluated; deleted segments whose open rows were closed
 *     last
 * @param documentsUpdated profile documents whose {@code segments} field was rewritten
 * @param documentsMissing profiles that entered or left something but have no document (skipped)
 * @param elapsed the run's wall time
 */
public record RefreshReport(
    String runId,
    Instant evaluatedAt,
    boolean dryRun,
    List<Segment> segments,
    long documentsUpdated,
    long documentsMissing,
    Duration elapsed) {
  public RefreshReport {
    requireNonNull(runId, "runId is null");
    requireNonNull(evaluatedAt, "evaluatedAt is null");
    segments = List.copyOf(segments);
  }

  /**
   * One segment's result.
   *
   * @param version the definition's version; null for a segment deleted since the last run
   * @param name the definition's name; null for a deleted segment
   */
  public record Segment(
      String segmentId, Long version, String name, long members, long entered, long exited) {
    public Segment {
      requireNonNull(segmentId, "segmentId is null");
    }

    public boolean deleted() {
      return version == null;
    }
  }

  public long members() {
    return segments.stream().mapToLong(Segment::members).sum();
  }

  public long entered() {
    return segments.stream().mapToLong(Segment::entered).sum();
  }

  public long exited() {
    return segments.stream().mapToLong(Segment::exited).sum();
  }
}
