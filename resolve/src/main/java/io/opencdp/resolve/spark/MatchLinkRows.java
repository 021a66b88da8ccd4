package io.opencdp.resolve.spark;

import io.opencdp.resolve.guardrail.MatchLink;
import io.opencdp.resolve.guardrail.MatchLinkDecision;
import io.opencdp.resolve.match.PairScorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scored pairs at or above the link threshold as {@link MatchLink}s for the guard, and the guard's
 * decisions back as {@code match_links} rows ({@link ResolveTables#MATCH_LINKS_SCHEMA}) with the
 * pair's evidence: event ids, weight and the comparison vector as labels.
 */
final class MatchLinkRows {
  private final String workspace;
  private final PairScorer scorer;
  private final Map<String, Row> scoredByPair = new HashMap<>();

  MatchLinkRows(String workspace, PairScorer scorer) {
    this.workspace = workspace;
    this.scorer = scorer;
  }

  /** The link of a scored pair with its event ids ({@link MatchRecords#withEventIds}). */
  MatchLink link(Row scored) {
    MatchLink link =
        new MatchLink(
            scored.getAs("left_group"),
            scored.getAs("right_group"),
            scored.getAs("probability"),
            scored.getAs("left_id"),
            scored.getAs("right_id"),
            scorer.evidence(levels(scored)));
    scoredByPair.put(key(link), scored);
    return link;
  }

  /** A decision on a link made by {@link #link} as a {@code match_links} row. */
  Row row(MatchLinkDecision decision) {
    MatchLink l = decision.link();
    Row scored = scoredByPair.get(key(l));
    List<Row> labels = new ArrayList<>();
    scorer
        .comparisons()
        .labels(levels(scored))
        .forEach((field, level) -> labels.add(RowFactory.create(field, level)));
    return RowFactory.create(
        workspace,
        l.leftGroup(),
        l.rightGroup(),
        l.leftRecord(),
        l.rightRecord(),
        scored.getAs("left_event_id"),
        scored.getAs("right_event_id"),
        l.probability(),
        scored.getAs("weight"),
        decision.accepted(),
        decision.rule(),
        decision.detail(),
        labels);
  }

  static int[] levels(Row scored) {
    List<Integer> levels = scored.getList(scored.fieldIndex("levels"));
    return levels.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String key(MatchLink link) {
    return link.leftRecord() + "\u001f" + link.rightRecord();
  }
}
