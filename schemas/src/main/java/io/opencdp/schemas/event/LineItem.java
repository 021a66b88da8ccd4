package io.opencdp.schemas.event;

/**
 * One product line of an order or a return.
 *
 * @param sku the product's stock-keeping unit
 * @param description the product's description as the source printed it
 * @param quantity units bought (or returned) as the source counts them
 * @param unitPrice price of one unit
 */
public record LineItem(String sku, String description, int quantity, Money unitPrice) {

  public LineItem {
    Checks.nonBlank(sku, "sku");
  }
}
