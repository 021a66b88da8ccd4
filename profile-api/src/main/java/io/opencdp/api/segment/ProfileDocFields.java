package io.opencdp.api.segment;

import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.segment.Field;
import io.opencdp.schemas.segment.ProfileFields;
import java.util.Map;

/**
 * Where each field of the segment profile catalog ({@link ProfileFields}) is held: in a profile
 * document (docs/profile-store.md), for the Elasticsearch compiler, and in a row of the Delta
 * {@code profiles} table (docs/profiles.md) that the document field is built from, for the Spark
 * reference. One table, so the two engines cannot read different things.
 *
 * <p>Documents hold the folded names and city in {@code search.*} (the engine folds the column),
 * the birth date in {@code birth_date_value}, the address parts and money traits flattened; every
 * other field under its own name ({@code traits.order_count}, {@code custom_traits.<name>}, a
 * keyword by the mapping's dynamic template). The event catalog's fields are in {@link
 * io.opencdp.api.store.ActivityFields}.
 */
public final class ProfileDocFields {
  /** A field's document field and the {@code profiles} column it is built from. */
  private record Place(String document, String column) {}

  private static final Map<String, Place> RENAMED =
      Map.of(
          "first_name", new Place("search.first_name", "first_name.value"),
          "last_name", new Place("search.last_name", "last_name.value"),
          "city", new Place("search.city.keyword", "address.value.city"),
          "postal_code", new Place("postal_code", "address.value.postal_code"),
          "country", new Place("country", "address.value.country"),
          "birth_date", new Place("birth_date_value", "birth_date.value"),
          "traits.total_spend", new Place("traits.total_spend.amount", "traits.total_spend.amount"),
          "traits.average_order_value",
              new Place("traits.average_order_value.amount", "traits.average_order_value.amount"),
          "traits.returned_amount",
              new Place("traits.returned_amount.amount", "traits.returned_amount.amount"));

  private static final String IDENTIFIERS = "identifiers.";

  private ProfileDocFields() {}

  /** The document field that holds {@code field}. */
  public static String path(Field field) {
    Place place = RENAMED.get(field.name());
    return place == null ? field.name() : place.document();
  }

  /**
   * The dotted column of the Delta {@code profiles} row the document field of {@code field} is
   * built from, unfolded ({@code first_name.value}, {@code address.value.city}, {@code
   * traits.order_count}); for {@code custom_traits.<name>}, the key {@code name} of the map column
   * {@code custom_traits}.
   */
  public static String column(Field field) {
    Place place = RENAMED.get(field.name());
    return place == null ? field.name() : place.column();
  }

  /** The document field listing the profile's identifiers of {@code type} (keyword array). */
  public static String identifierPath(IdentifierType type) {
    return IDENTIFIERS + type.wireName();
  }

  /**
   * The contact-point list column of the Delta {@code profiles} row whose {@code value}s the
   * document field {@link #identifierPath} lists ({@code emails}, {@code customer_ids}, ...).
   */
  public static String identifierColumn(IdentifierType type) {
    return type.wireName() + "s";
  }
}
