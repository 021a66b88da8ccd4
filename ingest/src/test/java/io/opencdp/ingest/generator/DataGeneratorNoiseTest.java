package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.generator.GeneratedTree.Line;
import io.opencdp.ingest.generator.GeneratedTree.PersonRow;
import io.opencdp.schemas.config.GeneratorConfig;
import io.opencdp.schemas.config.NoiseRates;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Noise is counted by reading the written files (and truth/persons.csv), never from counters. */
class DataGeneratorNoiseTest {
  @TempDir static Path noisyDir;
  @TempDir static Path defaultDir;
  static GeneratedTree noisy;
  static GeneratedTree standard;

  @BeforeAll
  static void generate() throws Exception {
    noisy = Generated.generate(Generated.noisy(), 1000, 5, noisyDir);
    standard = Generated.generate(Generated.defaults(), 1000, 6, defaultDir);
  }

  @Test
  void manifestCountsEqualWhatTheFilesContain() {
    for (GeneratedTree tree : List.of(noisy, standard)) {
      Observed observed = new Observed(tree);
      assertThat(observed.unexplained).as("values no noise rule explains").isEmpty();
      JsonNode files = tree.manifest.path("files");
      assertThat(fieldNames(files)).containsExactlyElementsOf(tree.dataFiles);
      SoftAssertions soft = new SoftAssertions();
      for (String file : tree.dataFiles) {
        JsonNode counts = files.path(file);
        for (String key : fieldNames(counts)) {
          boolean injectedOnly =
              key.equals("late") && (file.startsWith("pos/") || file.startsWith("email/"));
          if (!injectedOnly) {
            soft.assertThat(observed.count(file, key))
                .as("%s %s", file, key)
                .isEqualTo(counts.path(key).asLong());
          }
        }
        for (String kind :
            List.of("ok", "duplicate", "redelivery", "duplicate_account", "malformed")) {
          long inTruth =
              tree.lines.stream()
                  .filter(l -> l.file().equals(file) && l.kind().equals(kind))
                  .count();
          soft.assertThat(inTruth)
              .as("truth %s %s", file, kind)
              .isEqualTo(counts.path(kind).asLong());
        }
      }
      soft.assertThat(tree.manifest.path("totals").path("records").asLong())
          .isEqualTo(tree.lines.size());
      soft.assertThat(tree.manifest.path("seed").asLong()).isEqualTo(tree == noisy ? 5 : 6);
      soft.assertThat(tree.manifest.path("persons").asLong()).isEqualTo(1000);
      soft.assertThat(tree.manifest.path("config").path("noise").path("name_typo").asDouble())
          .isEqualTo(tree == noisy ? 0.20 : 0.03);
      JsonNode people = tree.manifest.path("person_counts");
      soft.assertThat(people.path("isolated").asLong())
          .isEqualTo(tree.persons.values().stream().filter(PersonRow::isolated).count());
      soft.assertThat(people.path("duplicate_accounts").asLong())
          .isEqualTo(
              tree.persons.values().stream()
                  .filter(p -> !p.get("alt_customer_id").isEmpty())
                  .count());
      soft.assertThat(people.path("shared_email").asLong()).isEqualTo(sharers(tree, "email"));
      soft.assertThat(people.path("shared_phone").asLong()).isEqualTo(sharers(tree, "phone"));
      soft.assertThat(people.path("shared_device_households").asLong())
          .isEqualTo(sharedDeviceHouseholds(tree));
      soft.assertAll();
    }
  }

  @Test
  void everyNoiseKindOccursAtItsConfiguredRate() {
    assertRates(noisy, Generated.noisy());
  }

  @Test
  void defaultRatesHoldOnTheDefaultConfig() {
    assertRates(standard, Generated.defaults());
  }

  @Test
  void sharedFamilyContactsAppearForSeveralPersonsInTheFiles() {
    // the ESP keys its list by address (one subscriber per shared email); logins show the sharing
    Map<String, Set<String>> personsOfEmail = new HashMap<>();
    noisy
        .wellFormed("web")
        .filter(l -> l.json().path("traits").has("email"))
        .forEach(
            l ->
                personsOfEmail
                    .computeIfAbsent(
                        l.json()
                            .path("traits")
                            .path("email")
                            .asText()
                            .strip()
                            .toLowerCase(java.util.Locale.ROOT),
                        k -> new HashSet<>())
                    .add(l.personId()));
    assertThat(personsOfEmail.values()).anyMatch(persons -> persons.size() >= 2);

    Map<String, Set<String>> personsOfPhone = new HashMap<>();
    noisy
        .wellFormed("callcenter")
        .filter(l -> l.json().path("CustomerEndpoint").has("Address"))
        .forEach(
            l ->
                personsOfPhone
                    .computeIfAbsent(
                        l.json().path("CustomerEndpoint").path("Address").asText(),
                        k -> new HashSet<>())
                    .add(l.personId()));
    assertThat(personsOfPhone.values()).anyMatch(persons -> persons.size() >= 2);
  }

  @Test
  void eachStoreHasOneDefaultPhoneThatManyWalkInsCarry() {
    Map<String, Set<String>> storePhones = new HashMap<>();
    Map<String, Set<String>> personsOfPhone = new HashMap<>();
    noisy
        .wellFormed("pos")
        .filter(l -> l.csv(Observed.POS_HEADER, "loyalty_id").isEmpty())
        .forEach(
            l -> {
              String phone = l.csv(Observed.POS_HEADER, "phone");
              String truth = noisy.person(l).get("phone");
              if (!phone.isEmpty()
                  && !Observed.JUNK.contains(phone)
                  && !Observed.normalize(phone, truth).equals(truth)) {
                storePhones
                    .computeIfAbsent(l.csv(Observed.POS_HEADER, "store_id"), k -> new HashSet<>())
                    .add(phone);
                personsOfPhone.computeIfAbsent(phone, k -> new HashSet<>()).add(l.personId());
              }
            });
    assertThat(storePhones).hasSizeGreaterThan(20);
    assertThat(storePhones.values()).allSatisfy(phones -> assertThat(phones).hasSize(1));
    assertThat(personsOfPhone.values()).anyMatch(persons -> persons.size() >= 5);
  }

  @Test
  void lateEventsLandInLaterMonthFiles() {
    long laterFile = noisy.manifest.path("totals").path("late_in_later_file").asLong();
    assertThat(laterFile).isPositive();
    assertThat(noisy.dataFiles)
        .anyMatch(f -> f.startsWith("web/web-2026-11"))
        .anyMatch(f -> f.startsWith("email/sendgrid-2026-11"));
  }

  @Test
  void activityIsSkewedWithAboutTwentyRecordsPerPerson() {
    Map<String, Long> perPerson =
        standard.lines.stream()
            .collect(Collectors.groupingBy(Line::personId, Collectors.counting()));
    double mean = (double) standard.lines.size() / standard.persons.size();
    long max = perPerson.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(mean).isBetween(16.0, 24.0);
    assertThat(max).isGreaterThan((long) (mean * 6));
  }

  private static void assertRates(GeneratedTree tree, GeneratorConfig config) {
    NoiseRates n = config.noise();
    Observed o = new Observed(tree);
    Map<String, Double> expected = new java.util.LinkedHashMap<>();
    expected.put("name_typo", n.nameTypo());
    expected.put("nickname", n.nickname());
    expected.put("phone_format", n.phoneFormat());
    expected.put("email_format", n.emailFormat());
    expected.put("missing_field", n.missingField());
    expected.put("junk_value", n.junkValue());
    expected.put("store_phone", n.storePhone());
    expected.put("duplicate", n.duplicate());
    expected.put("redelivery", n.redelivery());
    expected.put("late", n.late());
    expected.put("out_of_order", n.outOfOrder());
    expected.put("clock_skew", n.clockSkew());
    expected.put("duplicate_account", n.duplicateAccount() / (1 + n.duplicateAccount()));

    SoftAssertions soft = new SoftAssertions();
    expected.forEach(
        (noise, p) -> {
          long[] r = o.rates.get(noise);
          soft.assertThat(r).as("opportunities of %s", noise).isNotNull();
          if (r != null) {
            soft.assertThat((double) r[1] / r[0])
                .as("%s over %d opportunities", noise, r[0])
                .isCloseTo(p, tolerance(p, r[0]));
          }
        });

    long persons = tree.persons.size();
    long isolated = tree.persons.values().stream().filter(PersonRow::isolated).count();
    soft.assertThat((double) isolated / persons)
        .as("isolated")
        .isCloseTo(n.isolated(), tolerance(n.isolated(), persons / 2));
    long members =
        tree.persons.values().stream()
            .filter(p -> householdSize(tree, p) > 1 && !isHead(p))
            .count();
    soft.assertThat((double) sharers(tree, "email") / members)
        .as("shared_email")
        .isCloseTo(n.sharedEmail(), tolerance(n.sharedEmail(), members));
    soft.assertThat((double) sharers(tree, "phone") / members)
        .as("shared_phone")
        .isCloseTo(n.sharedPhone(), tolerance(n.sharedPhone(), members));
    long multi =
        tree.persons.values().stream().filter(p -> isHead(p) && householdSize(tree, p) > 1).count();
    soft.assertThat((double) sharedDeviceHouseholds(tree) / multi)
        .as("shared_device")
        .isCloseTo(n.sharedDevice(), tolerance(n.sharedDevice(), multi));

    long malformed = tree.lines.stream().filter(Line::malformedInTruth).count();
    long originals =
        tree.lines.stream()
            .filter(l -> !l.kind().equals("duplicate") && !l.kind().equals("redelivery"))
            .count();
    soft.assertThat((double) malformed / originals)
        .as("malformed")
        .isCloseTo(n.malformed(), tolerance(n.malformed(), originals));
    soft.assertAll();
  }

  /** Five standard errors, widened for records of one person being correlated. */
  private static org.assertj.core.data.Offset<Double> tolerance(double p, long n) {
    double se = Math.sqrt(Math.max(p * (1 - p), 1e-4) / Math.max(1, n) * 3);
    return org.assertj.core.data.Offset.offset(Math.max(5 * se, 0.002));
  }

  private static long householdSize(GeneratedTree tree, PersonRow p) {
    return tree.persons.values().stream()
        .filter(q -> q.get("household_id").equals(p.get("household_id")))
        .count();
  }

  private static boolean isHead(PersonRow p) {
    return p.get("household_id").substring(1).equals(p.get("person_id").substring(1));
  }

  /** Non-head members whose email (or phone) is their household head's. */
  static long sharers(GeneratedTree tree, String column) {
    Map<String, String> headValue = new HashMap<>();
    tree.persons.values().stream()
        .filter(DataGeneratorNoiseTest::isHead)
        .forEach(p -> headValue.put(p.get("household_id"), p.get(column)));
    return tree.persons.values().stream()
        .filter(p -> !isHead(p) && p.get(column).equals(headValue.get(p.get("household_id"))))
        .count();
  }

  /** Households whose members share an app device, seen in the app files. */
  static long sharedDeviceHouseholds(GeneratedTree tree) {
    Map<String, Set<String>> personsOfDevice = new HashMap<>();
    tree.wellFormed("app")
        .forEach(
            l ->
                personsOfDevice
                    .computeIfAbsent(
                        l.json().path("context").path("device").path("id").asText(),
                        k -> new HashSet<>())
                    .add(l.personId()));
    return personsOfDevice.values().stream()
        .filter(persons -> persons.size() > 1)
        .map(
            persons ->
                persons.stream()
                    .map(id -> tree.persons.get(id).get("household_id"))
                    .collect(Collectors.toSet()))
        .peek(households -> assertThat(households).hasSize(1))
        .count();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
