package io.opencdp.resolve.match;

import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * What one event says about its person, as matching reads it: the batch fills it from the Delta
 * row's columns ({@code MatchInput}), the stream from the event ({@link #of(TouchpointEvent)}), and
 * {@link #values()} turns it into match values by {@link MatchValues}, so both compare the same
 * thing.
 *
 * @param email the event's first valid email identifier (normalized), or null
 * @param phone the event's first valid phone identifier (normalized), or null
 * @param cardLast4 the {@code card_last4} custom value as text, or null
 */
public record PersonValues(
    String firstName,
    String lastName,
    String fullName,
    LocalDate birthDate,
    String street,
    String city,
    String region,
    String postalCode,
    String country,
    String cardLast4,
    String email,
    String phone) {

  /** Whether the event names its person: only such events are match records. */
  public boolean named() {
    return firstName != null || lastName != null || fullName != null;
  }

  /** The match values, indexed by {@link MatchField#ordinal()}; null where the event is silent. */
  public String[] values() {
    String[] v = new String[MatchField.values().length];
    String[] name = MatchValues.givenAndFamily(firstName, lastName, fullName);
    v[MatchField.GIVEN_NAME.ordinal()] = name[0];
    v[MatchField.FAMILY_NAME.ordinal()] = name[1];
    v[MatchField.BIRTH_DATE.ordinal()] = MatchValues.birthDate(birthDate);
    String[] line = MatchValues.street(street);
    v[MatchField.HOUSE_NUMBER.ordinal()] = line[0];
    v[MatchField.STREET.ordinal()] = line[1];
    v[MatchField.CITY.ordinal()] = MatchValues.text(city);
    v[MatchField.POSTAL_CODE.ordinal()] = MatchValues.postalCode(postalCode, country);
    v[MatchField.REGION.ordinal()] = MatchValues.region(region, country);
    v[MatchField.CARD_LAST4.ordinal()] = MatchValues.cardLast4(cardLast4);
    v[MatchField.EMAIL.ordinal()] = email;
    v[MatchField.PHONE.ordinal()] = phone;
    return v;
  }

  /** What {@code event} says about its person. */
  public static PersonValues of(TouchpointEvent event) {
    PersonAttributes p = event.person();
    PostalAddress a = p == null ? null : p.address();
    Object card = event.custom() == null ? null : event.custom().get("card_last4");
    return new PersonValues(
        p == null ? null : p.firstName(),
        p == null ? null : p.lastName(),
        p == null ? null : p.fullName(),
        p == null ? null : p.birthDate(),
        a == null ? null : a.street(),
        a == null ? null : a.city(),
        a == null ? null : a.region(),
        a == null ? null : a.postalCode(),
        a == null ? null : a.country(),
        card == null ? null : String.valueOf(card),
        first(event.identifiers(), IdentifierType.EMAIL),
        first(event.identifiers(), IdentifierType.PHONE));
  }

  private static String first(List<Identifier> identifiers, IdentifierType type) {
    for (Identifier i : identifiers) {
      if (i.valid() && i.type() == type) {
        return i.normalized();
      }
    }
    return null;
  }
}
