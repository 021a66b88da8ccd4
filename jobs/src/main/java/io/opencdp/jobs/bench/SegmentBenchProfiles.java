package io.opencdp.jobs.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ConsentCondition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Seeded synthetic profile documents for {@code cdp bench segments}, in the shape the indexer
 * writes ({@code ProfileDocs}): {@code identifiers}, {@code country}, {@code traits} computed from
 * the profile's orders, {@code consent} rows with their {@code consent_granted} keys, and 5 to 15
 * {@code activity} entries (skewed towards 5, newest first) over the 180 days before the bench's
 * clock. Profile {@code i} depends only on the seed and {@code i}, so any scale is generated one
 * document at a time, in any order, and a test can generate the same documents again.
 */
final class SegmentBenchProfiles {
  static final String WORKSPACE = "segbench";
  static final int MIN_EVENTS = 5;
  static final int MAX_EVENTS = 15;
  static final int HISTORY_DAYS = 180;

  /** Countries with their weight in percent. */
  private static final String[] COUNTRIES = {
    "DE", "US", "FR", "GB", "NL", "AT", "ES", "IT", "PL", "SE"
  };

  private static final int[] COUNTRY_WEIGHTS = {30, 22, 12, 10, 7, 5, 5, 4, 3, 2};

  /** Event types with their weight in percent. */
  private static final String[] TYPES = {
    EventTypes.ORDER_COMPLETED,
    EventTypes.EMAIL_DELIVERED,
    EventTypes.EMAIL_OPEN,
    EventTypes.EMAIL_CLICK,
    EventTypes.PAGE
  };

  private static final int[] TYPE_WEIGHTS = {20, 25, 25, 10, 20};

  private SegmentBenchProfiles() {}

  /** The id of profile {@code index}. */
  static String profileId(long index) {
    return String.format(Locale.ROOT, "bp-%09d", index);
  }

  /** Profile {@code index} of the run with {@code seed}, as of {@code now}. */
  static ObjectNode profile(long seed, long index, Instant now) {
    SplittableRandom rng = new SplittableRandom(mix(seed) ^ mix(index + 1));
    ObjectNode doc = Json.mapper().createObjectNode();
    String id = profileId(index);
    doc.put("workspace_id", WORKSPACE);
    doc.put("profile_id", id);
    doc.putArray("merged_from");
    ObjectNode identifiers = doc.putObject("identifiers");
    if (rng.nextInt(100) < 90) {
      identifiers.putArray("email").add("user" + index + "@example.com");
    }
    if (rng.nextInt(100) < 40) {
      identifiers.putArray("customer_id").add("C" + index);
    }
    doc.put("country", pick(rng, COUNTRIES, COUNTRY_WEIGHTS));

    // how much this profile's activity leans towards the recent past (1: evenly spread)
    double recency = 1 + 2 * rng.nextDouble();
    double u = rng.nextDouble();
    int events = MIN_EVENTS + (int) ((MAX_EVENTS - MIN_EVENTS + 1) * u * u);
    List<ObjectNode> activity = new ArrayList<>();
    TreeSet<String> channels = new TreeSet<>();
    int orders = 0;
    double spend = 0;
    Instant lastOrder = null;
    for (int e = 0; e < events; e++) {
      String type = pick(rng, TYPES, TYPE_WEIGHTS);
      double ago = Math.pow(rng.nextDouble(), recency) * HISTORY_DAYS * 86_400;
      Instant at = now.minusSeconds((long) ago + 1);
      ObjectNode entry = Json.mapper().createObjectNode();
      entry.put(ActivityFields.OCCURRED_AT, at.truncatedTo(ChronoUnit.SECONDS).toString());
      entry.put(ActivityFields.EVENT_TYPE, type);
      if (type.equals(EventTypes.ORDER_COMPLETED)) {
        double amount = Math.round((10 + rng.nextDouble() * rng.nextDouble() * 290) * 100) / 100.0;
        boolean store = rng.nextInt(100) < 30;
        entry.put("channel", store ? "pos" : "web");
        entry.put("source_system", store ? "pos" : "shop");
        entry.put("order_order_id", id + "-o" + e);
        entry.put("order_total_amount", amount);
        entry.put("order_total_currency", "EUR");
        entry.put("order_is_return", false);
        orders++;
        spend += amount;
        lastOrder = lastOrder == null || at.isAfter(lastOrder) ? at : lastOrder;
      } else if (type.equals(EventTypes.PAGE)) {
        entry.put("channel", "web");
        entry.put("source_system", "segment");
        entry.put("page_path", "/p/" + rng.nextInt(500));
      } else {
        entry.put("channel", "email");
        entry.put("source_system", "sendgrid");
        entry.put("email_campaign_id", "cmp-" + rng.nextInt(40));
      }
      channels.add(entry.get("channel").asText());
      activity.add(entry);
    }
    activity.sort(
        Comparator.comparing((ObjectNode n) -> n.get(ActivityFields.OCCURRED_AT).asText())
            .reversed());

    ObjectNode traits = doc.putObject("traits");
    String first = activity.get(activity.size() - 1).get(ActivityFields.OCCURRED_AT).asText();
    String last = activity.get(0).get(ActivityFields.OCCURRED_AT).asText();
    traits.put("first_seen_at", first);
    traits.put("last_seen_at", last);
    traits.put("event_count", events);
    ArrayNode channelList = traits.putArray("channels");
    channels.forEach(channelList::add);
    traits.put("order_count", orders);
    if (orders > 0) {
      double total = Math.round(spend * 100) / 100.0;
      traits.putObject("total_spend").put("amount", total).put("currency", "EUR");
      traits
          .putObject("average_order_value")
          .put("amount", Math.round(total / orders * 100) / 100.0)
          .put("currency", "EUR");
      traits.put("last_order_at", lastOrder.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    consent(rng, doc, now);
    doc.set(ActivityFields.PATH, Json.mapper().valueToTree(activity));
    doc.putArray("segments");
    doc.put("as_of", now.toString());
    doc.put("updated_at", last);
    doc.put("indexed_at", now.toString());
    doc.put("delta_version", 1);
    return doc;
  }

  /**
   * Marketing consent: a row for the email channel on most profiles (granted on most of those), and
   * on a few a channel-less row, which grants every channel without a row of its own.
   */
  private static void consent(SplittableRandom rng, ObjectNode doc, Instant now) {
    ArrayNode rows = doc.putArray("consent");
    TreeSet<String> granted = new TreeSet<>();
    String changedAt = now.minus(200, ChronoUnit.DAYS).toString();
    if (rng.nextInt(100) < 85) {
      boolean yes = rng.nextInt(100) < 65;
      rows.addObject()
          .put("purpose", "marketing")
          .put("channel", "email")
          .put("granted", yes)
          .put("source", "crm_opt_in_flag")
          .put("changed_at", changedAt);
      if (yes) {
        granted.add(ConsentCondition.grantedKey("marketing", "email"));
      }
    }
    if (rng.nextInt(100) < 10) {
      boolean yes = rng.nextInt(100) < 80;
      rows.addObject()
          .put("purpose", "marketing")
          .put("granted", yes)
          .put("source", "web_form")
          .put("changed_at", changedAt);
      if (yes) {
        granted.add(ConsentCondition.grantedKey("marketing", null));
      }
    }
    ArrayNode keys = doc.putArray("consent_granted");
    granted.forEach(keys::add);
  }

  private static String pick(SplittableRandom rng, String[] values, int[] weights) {
    int r = rng.nextInt(100);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** SplitMix64's finalizer: spreads a seed or an index over all 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
