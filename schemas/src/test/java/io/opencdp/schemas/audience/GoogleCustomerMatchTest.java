package io.opencdp.schemas.audience;

import static io.opencdp.schemas.audience.AudienceHashes.DOE;
import static io.opencdp.schemas.audience.AudienceHashes.EMAIL_JOHN_DOE;
import static io.opencdp.schemas.audience.AudienceHashes.JOHN;
import static io.opencdp.schemas.audience.AudienceHashes.PHONE_E164;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleCustomerMatchTest {
  private final AudienceLayout google = AudienceLayout.of(AudienceFormat.GOOGLE, List.of());

  @Test
  void headerIsGooglesTemplateWithRepeatedEmailAndPhoneColumns() {
    assertThat(google.header())
        .containsExactly(
            "Email",
            "Email",
            "Email",
            "Phone",
            "Phone",
            "Phone",
            "First Name",
            "Last Name",
            "Country",
            "Zip");
  }

  @Test
  void emailIsTrimmedAndLowercasedThenHashed() {
    assertThat(GoogleCustomerMatch.email(" John.Doe@Example.COM "))
        .isEqualTo("john.doe@example.com");
    assertThat(Sha256.hex(GoogleCustomerMatch.email(" John.Doe@Example.COM ")))
        .isEqualTo(EMAIL_JOHN_DOE);
  }

  @Test
  void phoneKeepsThePlusOfE164() {
    assertThat(GoogleCustomerMatch.phone("+16505551212")).isEqualTo("+16505551212");
    assertThat(GoogleCustomerMatch.phone("+1 (650) 555-1212")).isEqualTo("+16505551212");
    assertThat(Sha256.hex(GoogleCustomerMatch.phone("+16505551212"))).isEqualTo(PHONE_E164);
    assertThat(GoogleCustomerMatch.phone("n/a")).isNull();
  }

  @Test
  void namesAreLowercasedFirstWithoutSpacesLastWithoutPunctuation() {
    assertThat(GoogleCustomerMatch.firstName("Mary Ann")).isEqualTo("maryann");
    assertThat(GoogleCustomerMatch.firstName("José")).isEqualTo("josé");
    assertThat(GoogleCustomerMatch.lastName("O'Brien-Smith")).isEqualTo("obriensmith");
    assertThat(GoogleCustomerMatch.lastName(" ")).isNull();
  }

  @Test
  void countryAndZipAreUnhashedUsZipFiveDigits() {
    assertThat(GoogleCustomerMatch.country("us")).isEqualTo("US");
    assertThat(GoogleCustomerMatch.country("United Kingdom")).isEqualTo("GB");
    assertThat(GoogleCustomerMatch.zip("94025-1234", "US")).isEqualTo("94025");
    assertThat(GoogleCustomerMatch.zip("SW1A 1AA", "GB")).isEqualTo("SW1A 1AA");
  }

  @Test
  void rowHashesEmailsAndPhonesAndTheFullNameAndAddress() {
    AudienceMember member =
        new AudienceMember(
            "p-1",
            List.of("john.doe@example.com", " JOHN.DOE@example.com"),
            List.of("+16505551212"),
            List.of("c-1"),
            "John",
            "Doe",
            "Menlo Park",
            "CA",
            "94025-1234",
            "US",
            LocalDate.of(1985, 3, 7),
            "male");
    assertThat(google.row(member))
        .contains(List.of(EMAIL_JOHN_DOE, "", "", PHONE_E164, "", "", JOHN, DOE, "US", "94025"));
  }

  @Test
  void nameAndAddressAreWrittenOnlyWhenAllFourAreKnown() {
    AudienceMember noZip = member(List.of("john.doe@example.com"), List.of(), "John", "Doe", null);
    assertThat(google.row(noZip))
        .contains(List.of(EMAIL_JOHN_DOE, "", "", "", "", "", "", "", "", ""));
    AudienceMember nameOnly = member(List.of(), List.of(), "John", "Doe", null);
    assertThat(google.row(nameOnly)).isEmpty();
    AudienceMember address = member(List.of(), List.of(), "John", "Doe", "94025");
    assertThat(google.row(address))
        .contains(List.of("", "", "", "", "", "", JOHN, DOE, "US", "94025"));
  }

  @Test
  void memberWithNothingToMatchHasNoRow() {
    assertThat(
            google.row(
                new AudienceMember(
                    "p-1",
                    null,
                    null,
                    List.of("c-1"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)))
        .isEmpty();
  }

  private static AudienceMember member(
      List<String> emails, List<String> phones, String first, String last, String zip) {
    return new AudienceMember(
        "p-1", emails, phones, List.of(), first, last, null, null, zip, "US", null, null);
  }
}
