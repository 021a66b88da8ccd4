package io.opencdp.ingest.connector;

import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.normalize.BirthDateNormalizer;
import io.opencdp.schemas.normalize.CountryNormalizer;
import io.opencdp.schemas.normalize.InvalidReason;
import io.opencdp.schemas.normalize.NameNormalizer;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.NormalizedAddress;
import io.opencdp.schemas.normalize.PersonName;
import io.opencdp.schemas.normalize.PostalNormalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a record says about the person, gathered raw and turned into {@link PersonAttributes} in
 * display form: names as {@link NameNormalizer} displays them (case kept), email and phone trimmed
 * as sent (their normalized forms are the identifiers), the birth date and address through their
 * normalizers.
 *
 * <p>A value that fails its normalizer never rejects the record: it is left out of the attributes
 * (or, for a free-text address part, kept as sent) and recorded in {@link #invalid()} with its raw
 * text and reason, which the connector puts in {@code custom.invalid_attributes}.
 */
final class PersonFields {
  /** The custom key that holds attribute values that failed their normalizer. */
  static final String INVALID_ATTRIBUTES = "invalid_attributes";

  String firstName;
  String lastName;
  String fullName;
  String email;
  String phone;
  String birthDate;
  String street;
  String city;
  String region;
  String postalCode;
  String country;

  private final Map<String, Object> invalid = new LinkedHashMap<>();

  /** The address country as an ISO code when it is readable, else null: a phone region hint. */
  String countryCode() {
    if (country == null) {
      return null;
    }
    Normalized<String> c = CountryNormalizer.normalize(country);
    return c.valid() ? c.value() : null;
  }

  PersonAttributes build(BirthDateNormalizer dates) {
    PersonAttributes person =
        new PersonAttributes(
            name("first_name", firstName),
            name("last_name", lastName),
            name("full_name", fullName),
            trimmed(email),
            trimmed(phone),
            address(),
            birthDate(dates));
    return person.equals(PersonAttributes.EMPTY) ? null : person;
  }

  /** Values that failed their normalizer: field to {@code {raw, reason}}. */
  Map<String, Object> invalid() {
    return invalid;
  }

  private String name(String field, String raw) {
    if (raw == null) {
      return null;
    }
    Normalized<PersonName> name = NameNormalizer.normalize(raw);
    return name.valid() ? name.value().display() : null;
  }

  private LocalDate birthDate(BirthDateNormalizer dates) {
    if (birthDate == null || birthDate.isBlank()) {
      return null;
    }
    Normalized<LocalDate> date = dates.normalize(birthDate);
    if (date.valid()) {
      return date.value();
    }
    markInvalid("birth_date", date);
    return null;
  }

  private PostalAddress address() {
    if (isBlank(street)
        && isBlank(city)
        && isBlank(region)
        && isBlank(postalCode)
        && isBlank(country)) {
      return null;
    }
    NormalizedAddress a = PostalNormalizer.normalize(street, city, region, postalCode, country);
    String countryCode = a.country().valid() ? a.country().value() : null;
    if (!isBlank(country) && countryCode == null) {
      markInvalid("country", a.country());
    }
    return new PostalAddress(
        part("street", a.street()),
        part("city", a.city()),
        part("region", a.region()),
        part("postal_code", a.postalCode()),
        countryCode);
  }

  /** The normalized part, or the trimmed raw value when it failed (recorded as invalid). */
  private String part(String field, Normalized<String> value) {
    if (value.valid()) {
      return value.value();
    }
    if (value.raw() == null || value.raw().isBlank()) {
      return null;
    }
    markInvalid(field, value);
    return value.raw().strip();
  }

  private void markInvalid(String field, Normalized<?> value) {
    if (!InvalidReason.EMPTY.equals(value.invalidReason())) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("raw", value.raw());
      entry.put("reason", value.invalidReason());
      invalid.put(field, entry);
    }
  }

  private static String trimmed(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
