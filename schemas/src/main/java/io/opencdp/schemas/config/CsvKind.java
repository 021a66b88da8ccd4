package io.opencdp.schemas.config;

import java.util.List;
import java.util.Locale;

/**
 * What one row of a CSV source is ({@code ingest.sources.<name>.csv_kind}), and the canonical
 * fields its {@code csv_mapping} maps to columns. Required fields must be mapped to a column; an
 * optional field may be mapped to null when the export has no such column. Columns no field maps
 * are kept in the event's {@code custom} map under their header name.
 */
public enum CsvKind {
  /** One line item of a store POS transaction. */
  POS_LINE(
      List.of(
          "transaction_id",
          "line_number",
          "store_id",
          "occurred_at",
          "sku",
          "quantity",
          "unit_price",
          "currency"),
      List.of(
          "loyalty_id",
          "first_name",
          "last_name",
          "phone",
          "postal_code",
          "description",
          "card_last4")),
  /** One customer of the CRM's customer master. */
  CUSTOMER_MASTER(
      List.of("customer_id", "updated_at"),
      List.of(
          "email",
          "phone",
          "first_name",
          "last_name",
          "birth_date",
          "street",
          "city",
          "region",
          "postal_code",
          "country",
          "created_at"));

  private final String wireName = name().toLowerCase(Locale.ROOT);
  private final List<String> requiredFields;
  private final List<String> optionalFields;

  CsvKind(List<String> requiredFields, List<String> optionalFields) {
    this.requiredFields = requiredFields;
    this.optionalFields = optionalFields;
  }

  /** The config spelling, e.g. {@code pos_line}. */
  public String wireName() {
    return wireName;
  }

  /** Fields that must be mapped to a column. */
  public List<String> requiredFields() {
    return requiredFields;
  }

  /** Fields that may be mapped to null. */
  public List<String> optionalFields() {
    return optionalFields;
  }

  /** Whether {@code field} is one of this kind's canonical fields. */
  public boolean hasField(String field) {
    return requiredFields.contains(field) || optionalFields.contains(field);
  }

  static CsvKind parse(String key, String value) {
    return Enums.parse(key, value, values(), CsvKind::wireName);
  }
}
