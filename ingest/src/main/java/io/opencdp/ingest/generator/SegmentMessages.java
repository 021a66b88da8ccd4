package io.opencdp.ingest.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders Segment-spec messages (identify, track, page, screen, alias) and delivers them: receive
 * delay (normal, out of order, late), client clock skew, duplicate deliveries and malformations.
 * Usage: {@link #begin}, write the type's fields into {@link #json()}, then {@link #finish}.
 */
final class SegmentMessages {
  /** Where a message comes from: browser or app install, and who is logged in. */
  record Source(
      Channel channel,
      String anonymousId,
      String userId,
      String userAgent,
      Device device,
      boolean tablet) {}

  private static final String WEB_LIBRARY_VERSION = "next-1.72.0";

  private final Noise noise;
  private final JsonLine json = new JsonLine();
  private final StringBuilder scratch = new StringBuilder(32);
  private Malformation malformation;
  private ConsentBanner.Choice pendingConsent;
  private ConsentBanner.Choice consent;

  SegmentMessages(Noise noise) {
    this.noise = noise;
  }

  JsonLine json() {
    return json;
  }

  /**
   * The consent-banner choice the next well-formed page view carries in {@code context.consent}
   * (null: none). A truncated page leaves it to the page after, so truncated lines stay as they
   * would be without the banner.
   */
  void consentOnNextPage(ConsentBanner.Choice choice) {
    pendingConsent = choice;
  }

  /**
   * Starts a message; decides whether it is malformed (never when {@code protect}). Returns the
   * tally array for the caller's field noise.
   */
  byte[] begin(SplittableRandom r, String type, Source source, boolean protect) {
    malformation =
        protect
            ? null
            : noise.malformation(
                r,
                Malformation.TRUNCATED_JSON,
                Malformation.IMPOSSIBLE_DATE,
                Malformation.MISSING_REQUIRED);
    consent = null;
    if (pendingConsent != null
        && type.equals("page")
        && malformation != Malformation.TRUNCATED_JSON) {
      consent = pendingConsent;
      pendingConsent = null;
    }
    json.reset().begin().str("type", type);
    if (malformation != Malformation.MISSING_REQUIRED) {
      String id = source.channel() == Channel.WEB ? "ajs-next-" + Rand.hex(r, 32) : Rand.uuid(r);
      json.str("messageId", id);
    }
    json.str("anonymousId", source.anonymousId());
    json.strIf("userId", source.userId());
    return Raw.tallies();
  }

  /** Adds context and the four timestamps, and queues the line (and a duplicate delivery). */
  void finish(
      SplittableRandom r, Source source, Person person, long timestamp, byte[] t, List<Raw> out) {
    context(source, person);
    var rates = noise.rates();
    double roll = r.nextDouble();
    long delay;
    if (roll < rates.late()) {
      delay = Rand.between(r, Times.DAY, 12 * Times.DAY);
    } else if (roll < rates.late() + rates.outOfOrder()) {
      delay = Rand.between(r, Times.HOUR, 20 * Times.HOUR);
    } else {
      delay =
          source.channel() == Channel.WEB
              ? Rand.between(r, 30L, 3_000L)
              : Rand.between(r, 500L, 20_000L);
    }
    long received = timestamp + delay;
    long skew =
        Rand.chance(r, rates.clockSkew())
            ? Rand.between(r, 2 * Times.MINUTE, 90 * Times.MINUTE)
            : 0;
    long sent = received - Rand.between(r, 10L, 800L) + skew;

    if (malformation == Malformation.IMPOSSIBLE_DATE) {
      scratch.setLength(0);
      Times.isoMillis(scratch, timestamp);
      json.str("timestamp", Noise.impossibleDate(r, scratch.toString()));
    } else {
      json.isoMillis("timestamp", timestamp);
    }
    json.isoMillis("originalTimestamp", timestamp + skew);
    json.isoMillis("sentAt", sent);
    String head = json.toString();
    if (source.tablet()) {
      t[Tally.SHARED_DEVICE.ordinal()]++;
    }
    String text = head + tail(received);
    if (malformation == Malformation.TRUNCATED_JSON) {
      text = Noise.truncate(r, text);
    }
    out.add(raw(source.channel(), timestamp, received, sent, text, Kind.OK, t, out.size()));
    if (malformation == null && Rand.chance(r, rates.duplicate())) {
      long again = received + Rand.between(r, Times.SECOND, 60 * Times.SECOND);
      out.add(
          raw(
              source.channel(),
              timestamp,
              again,
              sent,
              head + tail(again),
              Kind.DUPLICATE,
              t,
              out.size()));
    }
  }

  private Raw raw(
      Channel channel,
      long timestamp,
      long received,
      long sent,
      String text,
      Kind kind,
      byte[] fieldTallies,
      int seq) {
    byte[] t = fieldTallies.clone();
    long delay = received - timestamp;
    if (delay >= Times.DAY) {
      t[Tally.LATE.ordinal()]++;
    } else if (delay >= Times.HOUR) {
      t[Tally.OUT_OF_ORDER.ordinal()]++;
    }
    if (sent > received) {
      t[Tally.CLOCK_SKEW.ordinal()]++;
    }
    Malformation m = kind == Kind.OK ? malformation : null;
    return new Raw(
        channel, received, Times.month(received), Times.month(timestamp), seq, text, kind, m, t);
  }

  private String tail(long received) {
    scratch.setLength(0);
    scratch.append(",\"receivedAt\":\"");
    Times.isoMillis(scratch, received);
    scratch.append("\",\"version\":2}");
    return scratch.toString();
  }

  private void context(Source source, Person person) {
    json.object("context");
    json.str("ip", person.habits().ip());
    if (source.channel() == Channel.WEB) {
      json.object("library").str("name", "analytics.js").str("version", WEB_LIBRARY_VERSION).end();
      json.str("locale", locale(person));
      json.str("userAgent", source.userAgent());
      if (consent != null) {
        json.object("consent")
            .object("categoryPreferences")
            .bool(ConsentBanner.AD_TARGETING, consent.adTargeting())
            .bool(ConsentBanner.ANALYTICS, consent.analytics())
            .end()
            .end();
      }
    } else {
      Device d = source.device();
      json.object("app")
          .str("name", "Northwind")
          .str("version", "5.12.0")
          .str("build", "5120")
          .end();
      json.object("device")
          .str("id", d.id())
          .str("manufacturer", d.manufacturer())
          .str("model", d.model())
          .str("type", d.type())
          .end();
      json.object("library")
          .str("name", d.ios() ? "analytics-ios" : "analytics-android")
          .str("version", d.ios() ? "4.1.8" : "4.11.3")
          .end();
      json.str("locale", locale(person));
      json.object("os").str("name", d.ios() ? "iOS" : "Android").str("version", d.os()).end();
      json.str("timezone", person.city().zone().getId());
    }
    json.end();
  }

  private static String locale(Person person) {
    return switch (person.country()) {
      case "GB" -> "en-GB";
      case "DE" -> "de-DE";
      default -> "en-US";
    };
  }
}
