package io.opencdp.jobs.bench;

import io.opencdp.jobs.bench.load.RequestLine;
import io.opencdp.schemas.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The load of {@code cdp bench stream}: Segment {@code track} calls as a site's browsers send them,
 * one event per request, each with a unique messageId (the collector drops a repeated one). Event
 * {@code i} of a run is a person drawn by the seed from {@code persons} known customers (Segment
 * {@code userId} {@code c<k>}, {@code context.traits.email} {@code c<k>@bench.opencdp.test}), so
 * the persons' profiles grow as the run goes.
 */
final class StreamBenchEvents {
  private static final String[] EVENTS = {
    "Product Viewed", "Product Viewed", "Product Added", "Checkout Started", "Order Completed"
  };

  private StreamBenchEvents() {}

  static List<RequestLine> track(String runLabel, long count, long persons, long seed, String key) {
    Map<String, String> auth =
        Map.of(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
    SplittableRandom random = new SplittableRandom(seed ^ runLabel.hashCode());
    List<RequestLine> lines = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      long person = random.nextLong(persons);
      String event = EVENTS[random.nextInt(EVENTS.length)];
      var body =
          Json.mapper()
              .createObjectNode()
              .put("type", "track")
              .put("event", event)
              .put("messageId", "b" + runLabel + "-" + i)
              .put("userId", "c" + person);
      var properties = body.putObject("properties");
      if (event.equals("Order Completed")) {
        properties
            .put("order_id", "o" + runLabel + "-" + i)
            .put("total", random.nextInt(10, 400) + 0.5)
            .put("currency", "USD");
      } else {
        properties
            .put("product_id", "p" + random.nextInt(500))
            .put("price", random.nextInt(1, 200) + 0.99);
      }
      body.putObject("context")
          .putObject("traits")
          .put("email", "c" + person + "@bench.opencdp.test");
      lines.add(RequestLine.post("/v1/track", auth, body.toString()));
    }
    return lines;
  }
}
