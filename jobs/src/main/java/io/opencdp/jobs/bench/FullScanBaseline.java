package io.opencdp.jobs.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.segment.SegmentWindows;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of {@code cdp bench segments}: what a store without an index does to count a
 * segment. Reads every profile document (the fields the segments use) in one point in time, pages
 * of {@value #PAGE} in index order, and evaluates every segment of {@link SegmentBenchCases} in
 * Java.
 */
final class FullScanBaseline {
  static final int PAGE = 2_000;
  private static final String KEEP_ALIVE = "2m";
  private static final List<String> FIELDS =
      List.of("profile_id", "country", "traits", "consent", "consent_granted", "activity");

  /** Profiles read, members per segment name, and the scan's wall time. */
  record Result(long profiles, Map<String, Long> members, double seconds) {
    Result {
      members = Map.copyOf(members);
    }
  }

  private FullScanBaseline() {}

  static Result run(ElasticsearchClient client, String alias, SegmentWindows windows)
      throws IOException {
    long start = System.nanoTime();
    Map<String, Long> members = new LinkedHashMap<>();
    SegmentBenchCases.ALL.forEach(c -> members.put(c.name(), 0L));
    long profiles = 0;
    String pit =
        client.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time(KEEP_ALIVE))).id();
    List<FieldValue> after = null;
    try {
      while (true) {
        String pitId = pit;
        List<FieldValue> from = after;
        SearchResponse<ObjectNode> page =
            client.search(
                s -> {
                  s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                      .size(PAGE)
                      .trackTotalHits(t -> t.enabled(false))
                      .sort(so -> so.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                      .source(src -> src.filter(f -> f.includes(FIELDS)));
                  if (from != null) {
                    s.searchAfter(from);
                  }
                  return s;
                },
                ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        for (Hit<ObjectNode> hit : hits) {
          profiles++;
          for (SegmentBenchCases.Case c : SegmentBenchCases.ALL) {
            if (c.rule().matches(hit.source(), windows)) {
              members.merge(c.name(), 1L, Long::sum);
            }
          }
        }
        if (page.pitId() != null) {
          pit = page.pitId();
        }
        if (hits.size() < PAGE) {
          break;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } finally {
      String pitId = pit;
      client.closePointInTime(c -> c.id(pitId));
    }
    return new Result(profiles, members, (System.nanoTime() - start) / 1e9);
  }
}
