package io.opencdp.api.segment;

import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.ProfileFields;
import java.util.Map;

/**
 * Where a profile document holds each field of the segment profile catalog ({@link ProfileFields};
 * docs/profile-store.md): the folded names and city in {@code search.*}, the birth date in {@code
 * birth_date_value}, money traits in their {@code amount}; every other field under its own name
 * ({@code traits.order_count}, {@code country}, {@code custom_traits.<name>}, a keyword by the
 * mapping's dynamic template). The event catalog's fields are in {@link
 * io.opencdp.api.store.ActivityFields}.
 */
final class ProfileDocFields {
  private static final Map<String, String> RENAMED =
      Map.of(
          "first_name", "search.first_name",
          "last_name", "search.last_name",
          "city", "search.city.keyword",
          "birth_date", "birth_date_value",
          "traits.total_spend", "traits.total_spend.amount",
          "traits.average_order_value", "traits.average_order_value.amount",
          "traits.returned_amount", "traits.returned_amount.amount");

  private ProfileDocFields() {}

  /** The document field that holds {@code field}. */
  static String path(Field field) {
    return RENAMED.getOrDefault(field.name(), field.name());
  }
}
