package io.opencdp.schemas.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A purchase or a return: a whole order (Segment's "Order Completed") or one POS line.
 *
 * @param orderId the order's id; the POS transaction id for store lines
 * @param lineNumber the line within the transaction, from 1; null for a whole order
 * @param total the order's total; for a POS line, the line's amount
 * @param items the products; one for a POS line
 * @param storeId the store for POS lines, null online
 * @param isReturn whether this is a return (refund) rather than a sale
 */
public record OrderProperties(
    String orderId,
    Integer lineNumber,
    Money total,
    List<LineItem> items,
    String storeId,
    @JsonProperty("is_return") boolean isReturn) {

  public OrderProperties {
    Checks.nonBlank(orderId, "order_id");
    Checks.optionalPositive(lineNumber, "line_number");
    items = Checks.list(items, "items");
  }
}
