package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.DeviceProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.PageProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The typed properties of Segment messages: order, page or screen, device. */
final class SegmentProperties {
  /** Segment's documented default currency when an order names none. */
  static final String DEFAULT_CURRENCY = "USD";

  private SegmentProperties() {}

  /**
   * An order from Order Completed / Order Refunded properties (Segment e-commerce spec): {@code
   * order_id} (required), {@code total}, {@code currency} (default USD), {@code products[]} with
   * {@code sku} (else {@code product_id}), {@code name}, {@code quantity} (default 1), {@code
   * price}. A product with neither sku nor product id is left in custom.
   */
  static OrderProperties order(JsonFields properties, boolean refund) {
    String orderId = properties.scalarText("order_id");
    if (orderId == null) {
      throw RecordException.missing(properties.path("order_id"));
    }
    String currencyRaw = properties.text("currency");
    String currency =
        currencyRaw == null
            ? DEFAULT_CURRENCY
            : Amounts.currency(properties.path("currency"), currencyRaw);
    BigDecimal totalAmount = properties.decimal("total");
    Money total =
        totalAmount == null ? null : Amounts.money(properties.path("total"), totalAmount, currency);
    List<LineItem> items = new ArrayList<>();
    for (JsonFields product : properties.objects("products")) {
      String sku = product.has("sku") ? product.scalarText("sku") : null;
      if (sku == null && product.has("product_id")) {
        sku = product.scalarText("product_id");
      }
      if (sku == null) {
        continue;
      }
      Long quantity = product.integer("quantity");
      if (quantity != null && (quantity > Integer.MAX_VALUE || quantity < Integer.MIN_VALUE)) {
        throw RecordException.wrongType(
            product.path("quantity"), "a whole number of units", quantity.toString());
      }
      BigDecimal price = product.decimal("price");
      items.add(
          new LineItem(
              sku,
              product.text("name"),
              quantity == null ? 1 : quantity.intValue(),
              price == null ? null : Amounts.money(product.path("price"), price, currency)));
    }
    return new OrderProperties(orderId, null, total, items, null, refund);
  }

  /**
   * The page: for page and screen messages from their properties ({@code url}, {@code path}, {@code
   * title}, {@code referrer}; the title defaults to the message's name), for any message from
   * {@code context.page}.
   */
  static PageProperties page(String type, String name, JsonFields properties, JsonFields context) {
    String url = null;
    String path = null;
    String title = null;
    String referrer = null;
    if (type.equals(EventTypes.PAGE) || type.equals(EventTypes.SCREEN)) {
      url = properties.text("url");
      path = properties.text("path");
      title = properties.text("title");
      referrer = properties.text("referrer");
      if (title == null) {
        title = name;
      }
    }
    JsonFields page = context.object("page");
    url = url != null ? url : page.text("url");
    path = path != null ? path : page.text("path");
    title = title != null ? title : page.text("title");
    referrer = referrer != null ? referrer : page.text("referrer");
    if (url == null && path == null && title == null && referrer == null) {
      return null;
    }
    return new PageProperties(url, path, title, referrer);
  }

  /** The device from {@code context.device} and {@code context.os}. */
  static DeviceProperties device(JsonFields context) {
    JsonFields device = context.object("device");
    JsonFields os = context.object("os");
    String id = device.text("id");
    String type = device.text("type");
    String manufacturer = device.text("manufacturer");
    String model = device.text("model");
    String osName = os.text("name");
    String osVersion = os.text("version");
    String osText =
        osName == null ? osVersion : osVersion == null ? osName : osName + " " + osVersion;
    if (id == null && type == null && manufacturer == null && model == null && osText == null) {
      return null;
    }
    return new DeviceProperties(id, type, manufacturer, model, osText);
  }
}
