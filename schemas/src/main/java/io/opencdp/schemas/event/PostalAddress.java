package io.opencdp.schemas.event;

import java.util.regex.Pattern;

/**
 * A postal address as the source gave it; every part is optional.
 *
 * @param street street and number, one line
 * @param city city or locality
 * @param region state, province or region
 * @param postalCode postal or ZIP code
 * @param country ISO 3166-1 alpha-2 country code in upper case, e.g. {@code US}
 */
public record PostalAddress(
    String street, String city, String region, String postalCode, String country) {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public PostalAddress {
    Checks.optionalMatches(country, COUNTRY, "country");
  }
}
