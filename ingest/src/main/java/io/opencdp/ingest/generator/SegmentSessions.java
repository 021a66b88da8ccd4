package io.opencdp.ingest.generator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A person's web and app sessions as Segment messages: pages/screens, product events, orders. */
final class SegmentSessions {
  static final String SITE = "https://www.northwind-shop.com";
  private static final double WEB_SESSIONS = 1.3;
  private static final double APP_SESSIONS = 2.9;
  private static final String[] REFERRERS = {
    "",
    "",
    "https://www.google.com/",
    "https://www.google.com/",
    "https://www.bing.com/",
    "https://www.facebook.com/",
    "https://www.instagram.com/",
    "https://mail.google.com/"
  };
  private static final String[] COLORS = {
    "teal", "navy", "red", "green", "black", "purple", "orange"
  };
  private static final String[] PLANS = {"free", "plus", "premium"};

  private final SegmentMessages messages;
  private final Noise noise;
  private final Window window;
  private final double scale;
  private final ConsentBanner banner;

  SegmentSessions(Noise noise, Window window, double scale, long seed) {
    this.noise = noise;
    this.messages = new SegmentMessages(noise);
    this.window = window;
    this.scale = scale;
    this.banner = new ConsentBanner(seed);
  }

  void web(Person p, SplittableRandom r, List<Raw> out) {
    Habits h = p.habits();
    if (!h.web()) {
      return;
    }
    int sessions = Rand.poisson(r, h.activity() * scale * WEB_SESSIONS);
    if (p.isolated()) {
      sessions = Math.max(sessions, 1);
    }
    long[] starts = new long[sessions + (h.signupInWindow() ? 1 : 0)];
    for (int i = 0; i < sessions; i++) {
      starts[i] = daytime(r, p);
    }
    if (h.signupInWindow()) {
      starts[sessions] = h.accountCreatedMs();
    }
    Arrays.sort(starts);
    ConsentBanner.Choice[] consent = banner.plan(p, starts.length);
    boolean anonymousIdentify = false;
    for (int session = 0; session < starts.length; session++) {
      long start = starts[session];
      // the consent manager reports the stored choice with the first page view of a session
      messages.consentOnNextPage(consent[session]);
      int browser = r.nextInt(h.webAnonymousIds().length);
      boolean signup = h.signupInWindow() && start == h.accountCreatedMs();
      boolean loggedIn =
          p.customerId() != null
              && start >= h.accountCreatedMs()
              && (signup || r.nextInt(100) < 55);
      var source =
          new SegmentMessages.Source(
              Channel.WEB,
              h.webAnonymousIds()[browser],
              loggedIn ? p.customerId() : null,
              h.userAgents()[browser],
              null,
              false);
      long t = start;
      String referrer = Rand.pick(r, REFERRERS);
      if (signup) {
        page(r, p, source, t, "Sign Up", "/account/signup", referrer, out);
        referrer = SITE + "/account/signup";
        t += Rand.between(r, 20_000L, 120_000L);
        track(r, p, source, t, "Signed Up", out);
        t += Rand.between(r, 200L, 2_000L);
        identify(r, p, source, t, out);
        t += Rand.between(r, 10L, 500L);
        alias(r, p, source, t, out);
        t += Rand.between(r, 5_000L, 60_000L);
      } else if (loggedIn && r.nextInt(100) < 45) {
        identify(r, p, source, t, out);
        t += Rand.between(r, 100L, 2_000L);
      } else if (p.isolated() && !anonymousIdentify) {
        // the newsletter form: an identify with traits but no userId
        identify(r, p, source, t, out);
        anonymousIdentify = true;
        t += Rand.between(r, 100L, 2_000L);
      }
      t = browse(r, p, source, t, referrer, out, false);
    }
    messages.consentOnNextPage(null);
  }

  void app(Person p, SplittableRandom r, List<Raw> out) {
    Habits h = p.habits();
    if (!h.app()) {
      return;
    }
    int sessions = Rand.poisson(r, h.activity() * scale * APP_SESSIONS);
    if (p.usesTablet()) {
      sessions = Math.max(sessions, 1);
    }
    long[] starts = new long[sessions];
    for (int i = 0; i < sessions; i++) {
      starts[i] = daytime(r, p);
    }
    Arrays.sort(starts);
    boolean phoneSeen = false;
    boolean tabletSeen = false;
    boolean ownPhone = p.customerId() != null;
    for (int i = 0; i < starts.length; i++) {
      boolean tablet = p.usesTablet() && (i == 0 || !ownPhone || r.nextInt(100) < 60);
      Device device = tablet ? p.household().tablet() : h.phoneDevice();
      var source =
          new SegmentMessages.Source(
              Channel.APP, device.anonymousId(), p.customerId(), null, device, tablet);
      long t = starts[i];
      boolean first = tablet ? !tabletSeen : !phoneSeen;
      // the first tablet message of each of its two users is kept well-formed, so the shared device
      // shows in the files
      byte[] tallies = messages.begin(r, "track", source, tablet && first);
      messages.json().str("event", first ? "Application Installed" : "Application Opened");
      messages.json().object("properties").str("version", "5.12.0").str("build", "5120");
      if (!first) {
        messages.json().bool("from_background", r.nextBoolean());
      }
      messages.json().end();
      messages.finish(r, source, p, t, tallies, out);
      t += Rand.between(r, 300L, 3_000L);
      if (p.customerId() != null && (first || r.nextInt(100) < 15)) {
        identify(r, p, source, t, out);
        t += Rand.between(r, 100L, 2_000L);
      }
      if (tablet) {
        tabletSeen = true;
      } else {
        phoneSeen = true;
      }
      browse(r, p, source, t, null, out, true);
    }
  }

  /** Page or screen views with product events, sometimes ending in an order. */
  private long browse(
      SplittableRandom r,
      Person p,
      SegmentMessages.Source source,
      long t,
      String referrer,
      List<Raw> out,
      boolean app) {
    int views = 1 + Math.min(6, geometric(r, 0.45));
    int added = 0;
    long cart = 0;
    Products.Product[] inCart = new Products.Product[4];
    for (int i = 0; i < views; i++) {
      Products.Product product = Products.pick(r);
      boolean productPage = r.nextInt(100) < 65;
      String path =
          productPage
              ? "/products/" + product.slug()
              : i == 0
                  ? "/"
                  : "/c/" + product.category().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      String title = productPage ? product.name() : i == 0 ? "Home" : product.category();
      if (app) {
        byte[] tallies = messages.begin(r, "screen", source, false);
        messages.json().str("name", productPage ? "Product Detail" : i == 0 ? "Home" : "Category");
        messages.json().object("properties").str("title", title).str("path", path).end();
        messages.finish(r, source, p, t, tallies, out);
      } else {
        page(
            r,
            p,
            source,
            t,
            productPage ? "Product" : i == 0 ? "Home" : "Category",
            path,
            referrer,
            out);
        referrer = SITE + path;
      }
      t += Rand.between(r, 500L, 4_000L);
      if (productPage && r.nextInt(100) < 55) {
        productEvent(r, p, source, t, "Product Viewed", product, 0, out);
        t += Rand.between(r, 5_000L, 60_000L);
        if (r.nextInt(100) < 22 && added < inCart.length) {
          inCart[added++] = product;
          cart += product.priceCents();
          productEvent(r, p, source, t, "Product Added", product, 1, out);
          t += Rand.between(r, 3_000L, 30_000L);
        }
      }
      t += Rand.between(r, 5_000L, 90_000L);
    }
    if (added > 0 && r.nextInt(100) < 45) {
      order(r, p, source, t, inCart, added, out);
      t += Rand.between(r, 1_000L, 5_000L);
    }
    return t;
  }

  private void page(
      SplittableRandom r,
      Person p,
      SegmentMessages.Source source,
      long t,
      String name,
      String path,
      String referrer,
      List<Raw> out) {
    byte[] tallies = messages.begin(r, "page", source, false);
    JsonLine j = messages.json();
    j.str("name", name);
    j.object("properties").str("path", path).str("referrer", referrer == null ? "" : referrer);
    j.str("title", name.equals("Home") ? "Northwind Shop" : name + " | Northwind Shop");
    j.str("url", SITE + path).end();
    messages.finish(r, source, p, t, tallies, out);
  }

  private void track(
      SplittableRandom r,
      Person p,
      SegmentMessages.Source source,
      long t,
      String event,
      List<Raw> out) {
    byte[] tallies = messages.begin(r, "track", source, false);
    JsonLine j = messages.json();
    j.str("event", event);
    j.object("properties").str("method", r.nextInt(4) == 0 ? "google" : "email");
    j.str("plan", PLANS[p.index() % PLANS.length]).end();
    messages.finish(r, source, p, t, tallies, out);
  }

  private void productEvent(
      SplittableRandom r,
      Person p,
      SegmentMessages.Source source,
      long t,
      String event,
      Products.Product product,
      int quantity,
      List<Raw> out) {
    byte[] tallies = messages.begin(r, "track", source, false);
    JsonLine j = messages.json();
    j.str("event", event);
    j.object("properties")
        .str("product_id", product.id())
        .str("sku", product.sku())
        .str("name", product.name())
        .str("category", product.category())
        .money("price", product.priceCents())
        .str("currency", currency(p));
    if (quantity > 0) {
      j.num("quantity", quantity);
    }
    j.end();
    messages.finish(r, source, p, t, tallies, out);
  }

  private void order(
      SplittableRandom r,
      Person p,
      SegmentMessages.Source source,
      long t,
      Products.Product[] items,
      int count,
      List<Raw> out) {
    byte[] tallies = messages.begin(r, "track", source, false);
    JsonLine j = messages.json();
    long subtotal = 0;
    for (int i = 0; i < count; i++) {
      subtotal += items[i].priceCents();
    }
    long shipping = subtotal >= 5000 ? 0 : 599;
    long tax = Math.round(subtotal * 0.0725);
    j.str("event", "Order Completed");
    j.object("properties")
        .str("order_id", "W" + Rand.digits(r, 10))
        .str("checkout_id", Rand.hex(r, 16))
        .money("total", subtotal + shipping + tax)
        .money("subtotal", subtotal)
        .money("revenue", subtotal)
        .money("shipping", shipping)
        .money("tax", tax)
        .str("currency", currency(p));
    if (r.nextInt(10) == 0) {
      j.str("coupon", "WELCOME10");
    }
    j.array("products");
    for (int i = 0; i < count; i++) {
      j.begin()
          .str("product_id", items[i].id())
          .str("sku", items[i].sku())
          .str("name", items[i].name())
          .str("category", items[i].category())
          .money("price", items[i].priceCents())
          .num("quantity", 1)
          .end();
    }
    j.endArray();
    j.bool("gift_wrap", r.nextInt(20) == 0);
    j.str("delivery_method", r.nextInt(4) == 0 ? "express" : "standard");
    j.end();
    messages.finish(r, source, p, t, tallies, out);
  }

  private void identify(
      SplittableRandom r, Person p, SegmentMessages.Source source, long t, List<Raw> out) {
    byte[] tallies = messages.begin(r, "identify", source, false);
    JsonLine j = messages.json();
    j.object("traits");
    j.str("email", noise.email(r, p.email(), tallies));
    if (!p.isolated() && !noise.missing(r, tallies)) {
      j.str("phone", noise.phone(r, p.phone(), tallies));
    }
    j.str("firstName", noise.firstName(r, p.firstName(), tallies));
    j.str("lastName", noise.lastName(r, p.lastName(), tallies));
    if (!noise.missing(r, tallies)) {
      j.key("birthday").buffer().append('"');
      Times.isoDate(j.buffer(), p.birthEpochDay());
      j.buffer().append('"');
    }
    if (!noise.missing(r, tallies)) {
      Household hh = p.household();
      j.object("address")
          .str("street", hh.street())
          .str("city", hh.city().name())
          .str("postalCode", hh.postalCode())
          .str("state", hh.city().state())
          .str("country", hh.city().country())
          .end();
    }
    if (p.customerId() != null) {
      j.str("plan", PLANS[p.index() % PLANS.length]);
    }
    if (p.index() % 10 < 3) {
      j.str("favorite_color", COLORS[p.index() % COLORS.length]);
    }
    j.bool("newsletter_opt_in", p.habits().emailSubscriber() || p.isolated());
    j.end();
    messages.finish(r, source, p, t, tallies, out);
  }

  private void alias(
      SplittableRandom r, Person p, SegmentMessages.Source source, long t, List<Raw> out) {
    byte[] tallies = messages.begin(r, "alias", source, false);
    messages.json().str("previousId", source.anonymousId());
    messages.finish(r, source, p, t, tallies, out);
  }

  /** An instant in the window, mostly between 07:00 and 23:00 in the person's zone. */
  private long daytime(SplittableRandom r, Person p) {
    long day = window.randomDay(r);
    long offset =
        p.city().zone().getRules().getOffset(java.time.Instant.ofEpochMilli(day)).getTotalSeconds()
            * 1000L;
    long local = (7 * Times.HOUR) + r.nextLong(16 * Times.HOUR);
    long t = day + local - offset;
    return Math.max(window.startMs(), Math.min(window.endMs() - Times.HOUR, t));
  }

  private static int geometric(SplittableRandom r, double p) {
    int k = 0;
    while (r.nextDouble() > p && k < 50) {
      k++;
    }
    return k;
  }

  static String currency(Person p) {
    return switch (p.country()) {
      case "GB" -> "GBP";
      case "DE" -> "EUR";
      default -> "USD";
    };
  }
}
