package io.opencdp.schemas.audience;

import static io.opencdp.schemas.audience.AudienceHashes.CA;
import static io.opencdp.schemas.audience.AudienceHashes.D07;
import static io.opencdp.schemas.audience.AudienceHashes.EMAIL_JOHN_DOE;
import static io.opencdp.schemas.audience.AudienceHashes.F;
import static io.opencdp.schemas.audience.AudienceHashes.JOSE_ACCENT;
import static io.opencdp.schemas.audience.AudienceHashes.M03;
import static io.opencdp.schemas.audience.AudienceHashes.MARYANN;
import static io.opencdp.schemas.audience.AudienceHashes.OBRIENSMITH;
import static io.opencdp.schemas.audience.AudienceHashes.PHONE_DIGITS;
import static io.opencdp.schemas.audience.AudienceHashes.SANFRANCISCO;
import static io.opencdp.schemas.audience.AudienceHashes.SW1A1AA;
import static io.opencdp.schemas.audience.AudienceHashes.US;
import static io.opencdp.schemas.audience.AudienceHashes.Y1985;
import static io.opencdp.schemas.audience.AudienceHashes.ZIP_94025;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaCustomAudienceTest {
  private final AudienceLayout meta = AudienceLayout.of(AudienceFormat.META, null);

  @Test
  void headerIsMetasKeys() {
    assertThat(meta.header())
        .containsExactly(
            "EMAIL",
            "EMAIL",
            "EMAIL",
            "PHONE",
            "PHONE",
            "PHONE",
            "FN",
            "LN",
            "CT",
            "ST",
            "ZIP",
            "COUNTRY",
            "DOBY",
            "DOBM",
            "DOBD",
            "GEN",
            "EXTERN_ID");
  }

  @Test
  void emailIsTrimmedAndLowercased() {
    assertThat(Sha256.hex(MetaCustomAudience.email(" John.Doe@Example.COM ")))
        .isEqualTo(EMAIL_JOHN_DOE);
  }

  @Test
  void phoneIsDigitsWithCountryCodeWithoutPlusOrLeadingZeros() {
    assertThat(MetaCustomAudience.phone("+16505551212")).isEqualTo("16505551212");
    assertThat(Sha256.hex(MetaCustomAudience.phone("+1 (650) 555-1212"))).isEqualTo(PHONE_DIGITS);
    assertThat(MetaCustomAudience.phone("0044 20 7946 0000")).isEqualTo("442079460000");
    assertThat(MetaCustomAudience.phone("000")).isNull();
  }

  @Test
  void namesAreLowercaseLettersOnlyWithAccentsKept() {
    assertThat(Sha256.hex(MetaCustomAudience.lastName("O'Brien-Smith"))).isEqualTo(OBRIENSMITH);
    assertThat(Sha256.hex(MetaCustomAudience.firstName("José"))).isEqualTo(JOSE_ACCENT);
    // decomposed e + combining acute is composed first (NFC), so it hashes as the same name
    assertThat(Sha256.hex(MetaCustomAudience.firstName("Jose\u0301"))).isEqualTo(JOSE_ACCENT);
    assertThat(Sha256.hex(MetaCustomAudience.firstName("Mary Ann"))).isEqualTo(MARYANN);
    assertThat(MetaCustomAudience.firstName("J.")).isEqualTo("j");
    assertThat(MetaCustomAudience.firstName("--")).isNull();
  }

  @Test
  void cityIsLowercaseWithoutSpacesOrPunctuation() {
    assertThat(Sha256.hex(MetaCustomAudience.city(" San Francisco "))).isEqualTo(SANFRANCISCO);
    assertThat(MetaCustomAudience.city("Saint-Étienne")).isEqualTo("saintétienne");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "CA          | US   | ca",
        "California  | US   | ca",
        "new york    | us   | ny",
        "Atlantis    | US   | null",
        "TX          | null | tx",
        "Bavaria     | DE   | bavaria",
        "Île-de-France | FR | îledefrance",
        "null        | US   | null",
      })
  void stateIsTheLowercaseUsCodeOrTheCleanedName(String raw, String country, String expected) {
    assertThat(MetaCustomAudience.state(raw, country)).isEqualTo(expected);
  }

  @Test
  void stateHashesTheCode() {
    assertThat(Sha256.hex(MetaCustomAudience.state("California", "US"))).isEqualTo(CA);
  }

  @Test
  void zipIsFiveDigitsInTheUsAndLowercaseWithoutSpacesElsewhere() {
    assertThat(Sha256.hex(MetaCustomAudience.zip("94025-1234", "US"))).isEqualTo(ZIP_94025);
    assertThat(Sha256.hex(MetaCustomAudience.zip("SW1A 1AA", "GB"))).isEqualTo(SW1A1AA);
    assertThat(MetaCustomAudience.zip("2134", "US")).isNull();
  }

  @Test
  void countryIsLowercaseAlpha2() {
    assertThat(MetaCustomAudience.country("US")).isEqualTo("us");
    assertThat(Sha256.hex(MetaCustomAudience.country("United States"))).isEqualTo(US);
    assertThat(MetaCustomAudience.country("Narnia")).isNull();
  }

  @Test
  void birthDateIsSplitIntoYearMonthDay() {
    LocalDate dob = LocalDate.of(1985, 3, 7);
    assertThat(MetaCustomAudience.birthYear(dob)).isEqualTo("1985");
    assertThat(MetaCustomAudience.birthMonth(dob)).isEqualTo("03");
    assertThat(MetaCustomAudience.birthDay(dob)).isEqualTo("07");
    assertThat(MetaCustomAudience.birthYear(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"female, f", "Male, m", "F, f", "' m ', m", "non_binary, null", "null, null"})
  void genderIsMOrFOnly(String raw, String expected) {
    assertThat(MetaCustomAudience.gender(raw)).isEqualTo(expected);
  }

  @Test
  void rowHashesEveryKeyButExternId() {
    AudienceMember member =
        new AudienceMember(
            "p-1",
            List.of(" John.Doe@Example.COM "),
            List.of("+16505551212"),
            List.of(" C-42 "),
            "Mary Ann",
            "O'Brien-Smith",
            "San Francisco",
            "California",
            "94025-1234",
            "US",
            LocalDate.of(1985, 3, 7),
            "female");
    assertThat(meta.row(member))
        .contains(
            List.of(
                EMAIL_JOHN_DOE,
                "",
                "",
                PHONE_DIGITS,
                "",
                "",
                MARYANN,
                OBRIENSMITH,
                SANFRANCISCO,
                CA,
                ZIP_94025,
                US,
                Y1985,
                M03,
                D07,
                F,
                "C-42"));
  }

  @Test
  void externIdAloneIsNoMatch() {
    AudienceMember member =
        new AudienceMember(
            "p-1",
            List.of(),
            List.of(),
            List.of("C-42"),
            "Mary",
            null,
            null,
            null,
            null,
            "US",
            null,
            "female");
    assertThat(meta.row(member)).isEmpty();
  }

  @Test
  void nameWithZipOrBirthDateIsAMatch() {
    AudienceMember withDob =
        new AudienceMember(
            "p-1",
            List.of(),
            List.of(),
            List.of(),
            "Mary",
            "Doe",
            null,
            null,
            null,
            null,
            LocalDate.of(1985, 3, 7),
            null);
    assertThat(meta.row(withDob)).isPresent();
    AudienceMember nameOnly =
        new AudienceMember(
            "p-1", List.of(), List.of(), List.of(), "Mary", "Doe", null, null, null, "US", null,
            null);
    assertThat(meta.row(nameOnly)).isEmpty();
  }
}
