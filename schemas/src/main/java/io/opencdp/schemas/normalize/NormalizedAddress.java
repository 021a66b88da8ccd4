package io.opencdp.schemas.normalize;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A postal address normalized part by part. Each part keeps its raw value and its own validity, so
 * a bad postal code does not throw away a good street; addresses are often partial, and which parts
 * an address needs is the caller's decision.
 */
public record NormalizedAddress(
    Normalized<String> street,
    Normalized<String> city,
    Normalized<String> region,
    Normalized<String> postalCode,
    Normalized<String> country)
    implements Serializable {
  public NormalizedAddress {
    requireNonNull(street, "street is null");
    requireNonNull(city, "city is null");
    requireNonNull(region, "region is null");
    requireNonNull(postalCode, "postalCode is null");
    requireNonNull(country, "country is null");
  }
}
