package io.opencdp.schemas.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryNormalizerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "US                       | US",
        "us                       | US",
        "USA                      | US",
        "U.S.A.                   | US",
        "United States            | US",
        "united states of america | US",
        "GB                       | GB",
        "UK                       | GB",
        "United Kingdom           | GB",
        "England                  | GB",
        "Germany                  | DE",
        "DE                       | DE",
        "DEU                      | DE",
        "Deutschland              | DE",
        "'  france  '             | FR",
        "Österreich               | AT",
        "ＵＳ                     | US",
      })
  void readsCodesNamesAndAliasesAsAlpha2(String raw, String expected) {
    Normalized<String> country = CountryNormalizer.normalize(raw);

    assertThat(country.valid()).isTrue();
    assertThat(country.value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Narnia", "XX", "ZZZ", "12"})
  void anUnknownCountryIsFlagged(String raw) {
    assertThat(CountryNormalizer.normalize(raw).invalidReason())
        .isEqualTo(InvalidReason.COUNTRY_UNKNOWN);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void blankIsEmpty(String raw) {
    assertThat(CountryNormalizer.normalize(raw).invalidReason()).isEqualTo(InvalidReason.EMPTY);
  }
}
