package io.opencdp.resolve.guardrail;

import static io.opencdp.resolve.guardrail.Guardrails.anonymous;
import static io.opencdp.resolve.guardrail.Guardrails.customer;
import static io.opencdp.resolve.guardrail.Guardrails.device;
import static io.opencdp.resolve.guardrail.Guardrails.email;
import static io.opencdp.resolve.guardrail.Guardrails.phone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedIdentifierDetectorTest {
  private static final SharedIdentifierDetector DETECTOR =
      SharedIdentifierDetector.from(Guardrails.defaults());

  private static List<String> names(String... firstLast) {
    return java.util.Arrays.stream(firstLast)
        .map(
            n -> {
              String[] parts = n.split(" ");
              return SharedIdentifierDetector.nameKey(parts[0], parts[1]);
            })
        .toList();
  }

  @Test
  void nameKeyFoldsCaseAndDiacritics() {
    assertThat(SharedIdentifierDetector.nameKey(" ZOË ", "Müller")).isEqualTo("zoe|muller");
    assertThat(SharedIdentifierDetector.nameKey(null, "Smith")).isEqualTo("|smith");
    assertThat(SharedIdentifierDetector.nameKey(" ", null)).isNull();
  }

  @Test
  void onePersonsSpellingsCountAsOnePerson() {
    List<String> spellings =
        names("Kathleen Smith", "KATHLEEN SMITH", "Kathy Smith", "Kathleen Smtih", "Katleen Smith");

    assertThat(SharedIdentifierDetector.distinctPersons(spellings, 100)).isEqualTo(1);
  }

  @Test
  void familyOfFiveWithSpellingVariantsCountsFiveAndItsEmailIsShared() {
    List<String> family =
        names(
            "Robert Berg",
            "Rob Berg",
            "Anna Berg",
            "Ana Berg",
            "Emily Berg",
            "Emma Berg",
            "Lucas Berg",
            "Lukas Berg");

    assertThat(SharedIdentifierDetector.distinctPersons(family, 100)).isEqualTo(5);
    assertThat(DETECTOR.isShared(IdentifierUsage.of(email("berg@gmail.com"), family, 0))).isTrue();
  }

  @Test
  void nicknamesAndTyposOfNicknamesCountAsOnePerson() {
    assertThat(
            SharedIdentifierDetector.distinctPersons(
                names("Robert Berg", "Bob Berg", "Bbo Berg", "Bobby Berg", "ROB BERG"), 100))
        .isEqualTo(1);
    assertThat(
            SharedIdentifierDetector.distinctPersons(
                names("Kate Hill", "Kathy Hill", "Katherine Hill"), 100))
        .isEqualTo(1);
  }

  @Test
  void householdMembersWithSimilarFirstNamesCountTwice() {
    List<String> household = names("Maria Peters", "Margaret Peters", "Maggie Peters");

    assertThat(SharedIdentifierDetector.distinctPersons(household, 100)).isEqualTo(2);
    assertThat(DETECTOR.isShared(IdentifierUsage.of(phone("+13102348462"), household, 0))).isTrue();
  }

  @Test
  void countingStopsOnceTheLimitIsPassed() {
    List<String> many =
        IntStream.range(0, 1000)
            .mapToObj(i -> ("p" + i).repeat(3) + "|" + ("x" + i).repeat(3))
            .toList();

    assertThat(SharedIdentifierDetector.distinctPersons(many, 5)).isEqualTo(6);
  }

  @Test
  void storePhoneTypedForManyWalkInsIsShared() {
    List<String> walkIns =
        names(
            "Randy Spencer",
            "Teresa Lopez",
            "Kathleen Smith",
            "Billy Butler",
            "Michelle Carpenter",
            "Isabella Myers",
            "Samantha Price",
            "Emily Smith");

    IdentifierUsage usage = IdentifierUsage.of(phone("+14125551015"), walkIns, 0);

    assertThat(DETECTOR.check(usage))
        .hasValueSatisfying(
            r -> {
              assertThat(r.code()).isEqualTo("shared_identifier");
              assertThat(r.identifier()).isEqualTo(phone("+14125551015"));
              assertThat(r.detail()).contains("max_persons_per_email_or_phone 1");
            });
  }

  @Test
  void twoDifferentPersonsMakeAnEmailSharedOnePersonDoesNot() {
    List<String> two = names("Anna Berg", "Ben Cole");

    assertThat(DETECTOR.isShared(IdentifierUsage.of(email("office@corp.com"), two, 0))).isTrue();
    assertThat(DETECTOR.isShared(IdentifierUsage.of(email("anna@corp.com"), two.subList(0, 1), 0)))
        .isFalse();
  }

  @Test
  void deviceOrAppInstallUsedByTwoCustomersIsShared() {
    assertThat(DETECTOR.isShared(IdentifierUsage.of(device("TABLET"), List.of(), 2))).isTrue();
    assertThat(DETECTOR.isShared(IdentifierUsage.of(anonymous("anon"), List.of(), 2))).isTrue();
    assertThat(DETECTOR.isShared(IdentifierUsage.of(device("PHONE"), List.of(), 1))).isFalse();
  }

  @Test
  void customerIdsAreNeverSharedByThisRule() {
    List<String> many = IntStream.range(0, 50).mapToObj(i -> "p" + i + "|x" + i).toList();

    assertThat(DETECTOR.isShared(IdentifierUsage.of(customer("C1"), many, 9))).isFalse();
  }

  @Test
  void withinOneEditCountsInsertDeleteSubstituteAndAdjacentSwap() {
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "smith")).isTrue();
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "smth")).isTrue();
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "smiths")).isTrue();
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "smyth")).isTrue();
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "smtih")).isTrue();
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "mitsh")).isFalse();
    assertThat(SharedIdentifierDetector.withinOneEdit("smith", "smythe")).isFalse();
    assertThat(SharedIdentifierDetector.withinOneEdit("", "a")).isTrue();
  }
}
