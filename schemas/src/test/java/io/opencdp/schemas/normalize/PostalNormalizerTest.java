package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalNormalizerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "US | 12345          | 12345",
        "US | ' 02134 '      | 02134",
        "US | 12345-6789     | 12345-6789",
        "US | 12345 6789     | 12345-6789",
        "US | 123456789      | 12345-6789",
        "GB | sw1a1aa        | SW1A 1AA",
        "GB | SW1A 1AA       | SW1A 1AA",
        "GB | '  ec1a  1bb ' | EC1A 1BB",
        "GB | m1 1ae         | M1 1AE",
        "GB | B338TH         | B33 8TH",
        "GB | DN55 1PT       | DN55 1PT",
        "GB | gir 0aa        | GIR 0AA",
        "DE | 10115          | 10115",
        "DE | ' 01067 '      | 01067",
        "FR | ' 75001 '      | 75001",
        "CA | k1a  0b1       | K1A 0B1",
        "   | ' ab 12 '      | AB 12",
      })
  void normalizesPostalCodesByCountry(String country, String raw, String expected) {
    Normalized<String> postal = PostalNormalizer.postalCode(raw, country);

    assertThat(postal.valid()).isTrue();
    assertThat(postal.value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "US | 2134",
        "US | 1234a",
        "US | 123456",
        "US | 12345-678",
        "US | 12345_6789",
        "GB | SW1A",
        "GB | 12345",
        "GB | SW1A 1A1",
        "DE | 1011",
        "DE | D-10115",
        "DE | 101155",
      })
  void rejectsPostalCodesWithoutTheirCountrysShape(String country, String raw) {
    Normalized<String> postal = PostalNormalizer.postalCode(raw, country);

    assertThat(postal.valid()).isFalse();
    assertThat(postal.invalidReason()).isEqualTo(InvalidReason.POSTAL_SYNTAX);
    assertThat(postal.raw()).isEqualTo(raw);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "New York             | NY",
        "ny                   | NY",
        "'  new   york '      | NY",
        "District of Columbia | DC",
        "Washington D.C.      | DC",
        "Washington           | WA",
        "PR                   | PR",
        "Puerto Rico          | PR",
      })
  void readsUsStatesAsUspsCodes(String raw, String expected) {
    assertThat(PostalNormalizer.region(raw, "US").value()).isEqualTo(expected);
  }

  @Test
  void anUnknownUsStateIsFlagged() {
    assertThat(PostalNormalizer.region("Narnia", "US").invalidReason())
        .isEqualTo(InvalidReason.REGION_UNKNOWN);
  }

  @Test
  void keepsRegionsOfOtherCountriesAsCleanedText() {
    assertThat(PostalNormalizer.region("  Bavaria ", "DE").value()).isEqualTo("Bavaria");
    assertThat(PostalNormalizer.region("ny", null).value()).isEqualTo("ny");
  }

  @Test
  void collapsesWhitespaceInStreetAndCityKeepingCase() {
    assertThat(PostalNormalizer.street(" 1600   Pennsylvania Ave\u00A0 NW ").value())
        .isEqualTo("1600 Pennsylvania Ave NW");
    assertThat(PostalNormalizer.city("  San\tFrancisco ").value()).isEqualTo("San Francisco");
  }

  @Test
  void normalizesEveryPartOfAnAddressByItsCountry() {
    NormalizedAddress address =
        PostalNormalizer.normalize(
            " 10  Downing St ", "London", " Greater London ", "sw1a2aa", "United Kingdom");

    assertThat(address.street().value()).isEqualTo("10 Downing St");
    assertThat(address.city().value()).isEqualTo("London");
    assertThat(address.region().value()).isEqualTo("Greater London");
    assertThat(address.postalCode().value()).isEqualTo("SW1A 2AA");
    assertThat(address.country().value()).isEqualTo("GB");
  }

  @Test
  void aBadPartDoesNotInvalidateTheOthers() {
    NormalizedAddress address =
        PostalNormalizer.normalize("1 Main St", null, "California", "9021", "USA");

    assertThat(address.street().valid()).isTrue();
    assertThat(address.city().invalidReason()).isEqualTo(InvalidReason.EMPTY);
    assertThat(address.region().value()).isEqualTo("CA");
    assertThat(address.postalCode().invalidReason()).isEqualTo(InvalidReason.POSTAL_SYNTAX);
    assertThat(address.country().value()).isEqualTo("US");
  }

  @Test
  void anUnknownCountryReadsThePostalCodeWithTheGenericRule() {
    NormalizedAddress address = PostalNormalizer.normalize(null, null, null, " 9021 ", "Narnia");

    assertThat(address.country().invalidReason()).isEqualTo(InvalidReason.COUNTRY_UNKNOWN);
    assertThat(address.postalCode().value()).isEqualTo("9021");
  }
}
