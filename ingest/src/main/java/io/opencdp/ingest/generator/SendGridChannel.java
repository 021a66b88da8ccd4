package io.opencdp.ingest.generator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SendGrid Event Webhook events of the campaigns a subscriber receives: processed, delivered or
 * deferred/bounce/dropped, opens, clicks and the occasional unsubscribe or spam report. Delivery to
 * the webhook is at least once: some events arrive twice with the identical sg_event_id.
 */
final class SendGridChannel {
  private static final double SENDS = 5.0;
  private static final String[] OPEN_AGENTS = {
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)"
  };
  private static final String[] CAMPAIGNS = {
    "weekly_newsletter", "new_arrivals", "seasonal_sale", "loyalty_rewards", "abandoned_cart"
  };

  private final Noise noise;
  private final Window window;
  private final double scale;
  private final JsonLine json = new JsonLine();

  SendGridChannel(Noise noise, Window window, double scale) {
    this.noise = noise;
    this.window = window;
    this.scale = scale;
  }

  void generate(Person p, SplittableRandom r, List<Raw> out) {
    if (!p.habits().emailSubscriber()) {
      return;
    }
    int sends = Rand.poisson(r, scale * SENDS * (0.5 + 0.5 * Math.min(p.habits().activity(), 4)));
    long[] times = new long[sends];
    for (int i = 0; i < sends; i++) {
      times[i] = window.randomDay(r) + 14 * Times.HOUR + r.nextLong(4 * Times.HOUR);
    }
    Arrays.sort(times);
    for (long t0 : times) {
      if (!send(p, r, t0, out)) {
        return;
      }
    }
  }

  /** One email; false when the person unsubscribed or reported spam (no more sends). */
  private boolean send(Person p, SplittableRandom r, long t0, List<Raw> out) {
    Message m =
        new Message(
            Rand.alnum(r, 22)
                + ".filterdrecv-"
                + Rand.hex(r, 10)
                + "-"
                + Rand.alnum(r, 5).toLowerCase(java.util.Locale.ROOT)
                + "-1-"
                + Rand.hex(r, 8).toUpperCase(java.util.Locale.ROOT)
                + "-"
                + r.nextInt(64)
                + ".0",
            "<" + Rand.alnum(r, 22) + "@geopod-ismtpd-" + r.nextInt(40) + ">",
            Rand.pick(r, CAMPAIGNS),
            Times.civil(Math.floorDiv(t0, Times.DAY)));
    event(p, r, m, t0, "processed", out);
    int outcome = r.nextInt(100);
    long t = t0 + Rand.between(r, Times.SECOND, 30 * Times.SECOND);
    if (outcome < 2) {
      event(p, r, m, t, "dropped", out);
      return true;
    }
    if (outcome < 4) {
      event(p, r, m, t, "bounce", out);
      return true;
    }
    if (outcome < 7) {
      event(p, r, m, t, "deferred", out);
      t += Rand.between(r, 5 * Times.MINUTE, 2 * Times.HOUR);
    }
    event(p, r, m, t, "delivered", out);
    if (r.nextInt(100) < 38) {
      int opens = 1 + (r.nextInt(100) < 30 ? 1 + r.nextInt(2) : 0);
      long to = t;
      for (int i = 0; i < opens; i++) {
        to += Rand.between(r, 2 * Times.MINUTE, 2 * Times.DAY);
        event(p, r, m, to, "open", out);
      }
      if (r.nextInt(100) < 25) {
        to += Rand.between(r, 5 * Times.SECOND, 10 * Times.MINUTE);
        event(p, r, m, to, "click", out);
      }
      int end = r.nextInt(1000);
      if (end < 6) {
        event(
            p, r, m, to + Rand.between(r, 10 * Times.SECOND, 5 * Times.MINUTE), "unsubscribe", out);
        return false;
      }
      if (end < 10) {
        event(
            p,
            r,
            m,
            to + Rand.between(r, 10 * Times.SECOND, 5 * Times.MINUTE),
            "group_unsubscribe",
            out);
        return false;
      }
      if (end < 12) {
        event(
            p, r, m, to + Rand.between(r, 10 * Times.SECOND, 5 * Times.MINUTE), "spamreport", out);
        return false;
      }
    }
    return true;
  }

  private record Message(String sgMessageId, String smtpId, String campaign, long ymd) {}

  private void event(Person p, SplittableRandom r, Message m, long t, String event, List<Raw> out) {
    Malformation mf =
        noise.malformation(r, Malformation.TRUNCATED_JSON, Malformation.MISSING_REQUIRED);
    json.reset().begin();
    if (mf != Malformation.MISSING_REQUIRED) {
      json.str("email", p.email());
    }
    json.num("timestamp", Math.floorDiv(t, Times.SECOND));
    json.str("smtp-id", m.smtpId());
    json.str("event", event);
    if (m.campaign().equals("abandoned_cart")) {
      json.str("category", "abandoned_cart");
    } else {
      json.array("category").element("marketing").element(m.campaign()).endArray();
    }
    json.str("sg_event_id", Rand.base64url(r, 22));
    json.str("sg_message_id", m.sgMessageId());
    json.str("campaign_id", "cmp_" + m.campaign() + "_" + m.ymd());
    json.str("email_id", "tmpl_" + m.campaign());
    json.strIf("customer_id", p.customerId());
    switch (event) {
      case "delivered" ->
          json.str("response", "250 2.0.0 OK " + (t / 1000) + " " + Rand.alnum(r, 12) + " - gsmtp")
              .num("tls", 1);
      case "deferred" ->
          json.str(
                  "response",
                  "421 4.7.28 Our system has detected an unusual rate of unsolicited mail, try again later")
              .str("attempts", "1");
      case "bounce" -> {
        boolean blocked = r.nextInt(3) == 0;
        json.str(
                "reason",
                blocked
                    ? "550 5.7.1 Message rejected due to local policy"
                    : "550 5.1.1 The email account that you tried to reach does not exist")
            .str("status", blocked ? "5.7.1" : "5.1.1")
            .str("type", blocked ? "blocked" : "bounce")
            .str("bounce_classification", blocked ? "Reputation" : "Invalid Address");
      }
      case "dropped" ->
          json.str("reason", r.nextBoolean() ? "Bounced Address" : "Unsubscribed Address")
              .str("status", "5.0.0");
      case "open" ->
          json.str("useragent", Rand.pick(r, OPEN_AGENTS))
              .str("ip", p.habits().ip())
              .bool("sg_machine_open", r.nextInt(10) == 0);
      case "click" ->
          json.str("useragent", Rand.pick(r, OPEN_AGENTS))
              .str("ip", p.habits().ip())
              .str(
                  "url",
                  SegmentSessions.SITE
                      + "/products/"
                      + Products.pick(r).slug()
                      + "?utm_source=sendgrid&utm_medium=email&utm_campaign="
                      + m.campaign());
      case "group_unsubscribe" ->
          json.str("useragent", Rand.pick(r, OPEN_AGENTS))
              .str("ip", p.habits().ip())
              .num("asm_group_id", 1042);
      default -> {}
    }
    json.end();
    String text = json.toString();
    if (mf == Malformation.TRUNCATED_JSON) {
      text = Noise.truncate(r, text);
    }
    boolean late = Rand.chance(r, noise.rates().late());
    long received =
        t
            + (late
                ? Rand.between(r, Times.DAY, 12 * Times.DAY)
                : Rand.between(r, Times.SECOND, 10 * Times.SECOND));
    byte[] tallies = Raw.tallies();
    if (late) {
      tallies[Tally.LATE.ordinal()]++;
    }
    int eventMonth = Times.month(t);
    out.add(
        new Raw(
            Channel.EMAIL,
            received,
            Times.month(received),
            eventMonth,
            out.size(),
            text,
            Kind.OK,
            mf,
            tallies));
    if (mf == null && Rand.chance(r, noise.rates().duplicate())) {
      long again = received + Rand.between(r, 5 * Times.SECOND, 5 * Times.MINUTE);
      out.add(
          new Raw(
              Channel.EMAIL,
              again,
              Times.month(again),
              eventMonth,
              out.size(),
              text,
              Kind.DUPLICATE,
              null,
              tallies.clone()));
    }
  }
}
