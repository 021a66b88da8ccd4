package io.opencdp.api;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latency histograms per method, route and status, written in the Prometheus
 * text exposition format (version 0.0.4). Small on purpose: two metric families do not justify a
 * metrics library.
 */
final class RequestMetrics {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Upper bounds in seconds, as Prometheus client libraries default to. */
  static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  private record Key(String method, String route, int status) {}

  private static final class Series {
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];

    Series() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  private final Map<Key, Series> series = new ConcurrentHashMap<>();

  void observe(String method, String route, int status, double seconds) {
    Series s = series.computeIfAbsent(new Key(method, route, status), k -> new Series());
    s.count.increment();
    s.sum.add(seconds);
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        s.buckets[i].increment();
        break;
      }
    }
  }

  String scrape() {
    var sorted =
        series.entrySet().stream()
            .sorted(
                Comparator.comparing((Map.Entry<Key, Series> e) -> e.getKey().route())
                    .thenComparing(e -> e.getKey().method())
                    .thenComparingInt(e -> e.getKey().status()))
            .toList();
    StringBuilder out = new StringBuilder();
    out.append("# HELP cdp_api_requests_total Requests answered, by method, route and status.\n");
    out.append("# TYPE cdp_api_requests_total counter\n");
    for (var e : sorted) {
      out.append("cdp_api_requests_total")
          .append(labels(e.getKey(), null))
          .append(' ')
          .append(e.getValue().count.sum())
          .append('\n');
    }
    out.append(
        "# HELP cdp_api_request_duration_seconds Time to answer a request, by method, route and"
            + " status.\n");
    out.append("# TYPE cdp_api_request_duration_seconds histogram\n");
    for (var e : sorted) {
      Series s = e.getValue();
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += s.buckets[i].sum();
        out.append("cdp_api_request_duration_seconds_bucket")
            .append(labels(e.getKey(), Double.toString(BUCKETS[i])))
            .append(' ')
            .append(cumulative)
            .append('\n');
      }
      long count = s.count.sum();
      out.append("cdp_api_request_duration_seconds_bucket")
          .append(labels(e.getKey(), "+Inf"))
          .append(' ')
          .append(count)
          .append('\n');
      out.append("cdp_api_request_duration_seconds_sum")
          .append(labels(e.getKey(), null))
          .append(' ')
          .append(s.sum.sum())
          .append('\n');
      out.append("cdp_api_request_duration_seconds_count")
          .append(labels(e.getKey(), null))
          .append(' ')
          .append(count)
          .append('\n');
    }
    return out.toString();
  }

  private static String labels(Key key, String le) {
    StringBuilder out = new StringBuilder("{method=\"");
    out.append(escape(key.method()))
        .append("\",route=\"")
        .append(escape(key.route()))
        .append("\",status=\"")
        .append(key.status())
        .append('"');
    if (le != null) {
      out.append(",le=\"").append(le).append('"');
    }
    return out.append('}').toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
