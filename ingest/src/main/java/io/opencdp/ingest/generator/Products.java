package io.opencdp.ingest.generator;

import java.util.SplittableRandom;

/** The shop's small catalog, shared by the web shop, the app and the stores. */
final class Products {
  record Product(
      String id, String sku, String name, String category, long priceCents, String slug) {}

  private static Product p(String sku, String name, String category, long cents) {
    String slug =
        name.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    return new Product("prod_" + sku.substring(4), sku, name, category, cents, slug);
  }

  static final Product[] ALL = {
    p("SKU-10001", "Classic Crew T-Shirt, White", "Apparel", 1999),
    p("SKU-10002", "Classic Crew T-Shirt, Black", "Apparel", 1999),
    p("SKU-10003", "Slim Fit Chinos", "Apparel", 4999),
    p("SKU-10004", "Hooded Sweatshirt", "Apparel", 5499),
    p("SKU-10005", "Merino Wool Socks (3 pack)", "Apparel", 2400),
    p("SKU-10006", "Rain Jacket", "Apparel", 12900),
    p("SKU-20001", "12\" Cast Iron Skillet", "Kitchen", 3999),
    p("SKU-20002", "Chef's Knife 8\"", "Kitchen", 7900),
    p("SKU-20003", "Pour-Over Coffee Set", "Kitchen", 4500),
    p("SKU-20004", "Glass Food Containers, Set of 10", "Kitchen", 3299),
    p("SKU-20005", "Bamboo Cutting Board", "Kitchen", 2499),
    p("SKU-30001", "Wireless Earbuds", "Electronics", 9999),
    p("SKU-30002", "USB-C Charger 65W", "Electronics", 3999),
    p("SKU-30003", "Bluetooth Speaker", "Electronics", 5999),
    p("SKU-30004", "Phone Case, Clear", "Electronics", 1999),
    p("SKU-40001", "Yoga Mat", "Sports", 3499),
    p("SKU-40002", "Insulated Water Bottle 32oz", "Sports", 2999),
    p("SKU-40003", "Running Cap", "Sports", 2200),
    p("SKU-40004", "Resistance Bands, Set of 5", "Sports", 1899),
    p("SKU-50001", "Scented Candle \"Cedar\"", "Home", 2800),
    p("SKU-50002", "Throw Blanket", "Home", 5900),
    p("SKU-50003", "Linen Pillow Cover", "Home", 2400),
    p("SKU-50004", "Ceramic Planter, Small", "Home", 1600),
    p("SKU-60001", "Gift Card $25", "Gift Cards", 2500),
    p("SKU-60002", "Gift Card $50", "Gift Cards", 5000)
  };

  private Products() {}

  static Product pick(SplittableRandom r) {
    // a few best sellers are picked more often
    int i = Math.min(r.nextInt(ALL.length), r.nextInt(ALL.length + 10));
    return ALL[Math.min(i, ALL.length - 1)];
  }
}
