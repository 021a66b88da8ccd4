package io.opencdp.ingest.connector;

import io.opencdp.schemas.config.CsvFormat;
import io.opencdp.schemas.event.EventProperties;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.LineItem;
import io.opencdp.schemas.event.Money;
import io.opencdp.schemas.event.OrderProperties;
import io.opencdp.schemas.event.SourceSystems;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.event.TouchpointEventBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One POS line item row.
 *
 * <ul>
 *   <li>{@code source_key} = {@link SourceSystems#posLineKey}(transaction_id, line_number); {@code
 *       event_type} = {@code order_line}, or {@code return_line} when the quantity is negative;
 *       {@code occurred_at} = {@code occurred_at} read in the store's zone ({@code
 *       store_time_zones}, else {@code ingest.default_time_zone}); {@code received_at} = the run.
 *   <li>Identifiers: loyalty id and phone. A walk-in sale with neither is kept (anonymous).
 *   <li>Order: transaction id, line number, store, one line item (sku, description, quantity as
 *       sent, unit price), total = unit price x quantity (negative for a return).
 *   <li>{@code card_last4} stays in custom, never an identifier; a full card number in it is {@code
 *       card_number_in_record}, with the number masked in the dead letter.
 * </ul>
 */
final class PosLineRows {
  private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");
  private static final Pattern CARD_NUMBER = Pattern.compile("[0-9][0-9 -]{10,22}[0-9]");
  private static final Pattern LINE_NUMBER = Pattern.compile("[1-9][0-9]{0,5}");
  private static final Pattern QUANTITY = Pattern.compile("[-+]?[0-9]{1,6}");

  private PosLineRows() {}

  static TouchpointEvent read(CsvRow row, CsvFormat format, RecordContext ctx) {
    PersonFields person = new PersonFields();
    person.firstName = row.text("first_name");
    person.lastName = row.text("last_name");
    person.phone = row.text("phone");
    person.postalCode = row.text("postal_code");
    ctx.identifiers.id(IdentifierType.LOYALTY_ID, row.text("loyalty_id"));
    ctx.identifiers.phone(person.phone, null);

    String transactionId = row.required("transaction_id");
    String lineText = row.required("line_number").strip();
    if (!LINE_NUMBER.matcher(lineText).matches()) {
      throw row.wrongType("line_number", "a line number from 1", lineText);
    }
    int lineNumber = Integer.parseInt(lineText);
    String storeId = row.required("store_id").strip();
    ZoneId zone = format.storeTimeZones().getOrDefault(storeId, ctx.settings.defaultTimeZone());
    Instant occurredAt =
        EventTimes.read(
            format.timestampFormat(),
            format.column("occurred_at"),
            row.required("occurred_at"),
            zone);
    ctx.checkNotInFuture(
        format.column("occurred_at"), occurredAt, "the ingest run", ctx.ingestedAt);
    String card = cardLast4(row, ctx);

    String sku = row.required("sku").strip();
    String quantityText = row.required("quantity").strip();
    if (!QUANTITY.matcher(quantityText).matches()) {
      throw row.wrongType("quantity", "a whole number of units", quantityText);
    }
    int quantity = Integer.parseInt(quantityText);
    String currency = Amounts.currency(format.column("currency"), row.required("currency"));
    BigDecimal price = Amounts.decimal(format.column("unit_price"), row.required("unit_price"));
    Money unitPrice = Amounts.money(format.column("unit_price"), price, currency);
    Money total =
        Amounts.money(
            format.column("unit_price"), price.multiply(BigDecimal.valueOf(quantity)), currency);
    boolean isReturn = quantity < 0;
    OrderProperties order =
        new OrderProperties(
            transactionId,
            lineNumber,
            total,
            List.of(new LineItem(sku, row.text("description"), quantity, unitPrice)),
            storeId,
            isReturn);

    TouchpointEventBuilder builder =
        ctx.builder()
            .sourceKey(SourceSystems.posLineKey(transactionId, lineNumber))
            .eventType(isReturn ? EventTypes.RETURN_LINE : EventTypes.ORDER_LINE)
            .occurredAt(occurredAt)
            .receivedAt(ctx.ingestedAt)
            .person(person.build(ctx.dates))
            .properties(new EventProperties(order, null, null, null, null));
    builder.custom(row.remaining());
    if (card != null) {
      builder.custom("card_last4", card);
    }
    if (!person.invalid().isEmpty()) {
      builder.custom(PersonFields.INVALID_ATTRIBUTES, person.invalid());
    }
    return ctx.build(builder);
  }

  /** Empty or four digits; a full card number never lands, not even in a dead letter's text. */
  private static String cardLast4(CsvRow row, RecordContext ctx) {
    String card = row.text("card_last4");
    if (card == null) {
      return null;
    }
    String s = card.strip();
    if (LAST4.matcher(s).matches()) {
      return s;
    }
    if (CARD_NUMBER.matcher(s).matches()) {
      String masked = ctx.record.text().replace(card, mask(card));
      throw new RecordException(
          ReasonCodes.CARD_NUMBER_IN_RECORD,
          row.describe("card_last4")
              + " holds a full card number (masked here); it must be empty"
              + " or four digits",
          masked);
    }
    throw row.wrongType("card_last4", "empty or four digits", s);
  }

  /** The number with every digit but the last four replaced by '*'. */
  static String mask(String number) {
    StringBuilder masked = new StringBuilder(number);
    int keep = 4;
    for (int i = masked.length() - 1; i >= 0; i--) {
      if (Character.isDigit(masked.charAt(i))) {
        if (keep > 0) {
          keep--;
        } else {
          masked.setCharAt(i, '*');
        }
      }
    }
    return masked.toString();
  }
}
