package io.opencdp.api.segment;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.opencdp.schemas.segment.Condition;
import io.opencdp.schemas.segment.SegmentLookup;
import io.opencdp.schemas.segment.SegmentWindows;

/**
 * Compiles a segment condition into one Elasticsearch query over the profile documents
 * (docs/segments.md, "Evaluation"): its hits are the segment's members. No script, query string or
 * pattern syntax is ever built from a definition's values.
 */
public final class SegmentQueries {
  private SegmentQueries() {}

  /**
   * The query of {@code condition}.
   *
   * @param windows the workspace time zone and the evaluation's instant: dates, {@code days_ago}
   *     and event windows become instants through it
   * @param segments the saved segments; each {@code in_segment} is replaced by the current
   *     definition found here
   * @throws io.opencdp.schemas.error.CdpException {@code BAD_ARGUMENT} when a referenced segment is
   *     unknown or references itself through others (a definition saved before the reference
   *     changed)
   */
  public static Query compile(Condition condition, SegmentWindows windows, SegmentLookup segments) {
    return condition.accept(new ConditionCompiler(windows, segments));
  }
}
