package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.generator.GeneratedTree.Line;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTruthTest {
  @TempDir static Path dir;
  static GeneratedTree tree;

  @BeforeAll
  static void generate() throws Exception {
    tree = Generated.generate(Generated.noisy(), 800, 11, dir);
  }

  @Test
  void everyRawRecordAppearsInTruthExactlyOnce() {
    Set<String> dataLines =
        tree.lines.stream().map(l -> l.file() + "," + l.number()).collect(Collectors.toSet());
    List<String> truthKeys =
        tree.truthRows.subList(1, tree.truthRows.size()).stream()
            .map(row -> row.substring(0, row.indexOf(',', row.indexOf(',') + 1)))
            .toList();

    assertThat(tree.truthRows.get(0)).isEqualTo("file,line,person_id,kind");
    assertThat(truthKeys).doesNotHaveDuplicates().hasSameSizeAs(dataLines);
    assertThat(new HashSet<>(truthKeys)).isEqualTo(dataLines);
    assertThat(tree.lines).allSatisfy(l -> assertThat(tree.persons).containsKey(l.personId()));
    assertThat(tree.lines.stream().map(Line::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "ok", "duplicate", "redelivery", "duplicate_account", "malformed");
  }

  @Test
  void malformedRecordsInTruthAreExactlyTheOnesTheFilesShow() {
    Observed observed = new Observed(tree);
    Set<String> truthMalformed =
        tree.lines.stream()
            .filter(Line::malformedInTruth)
            .map(l -> l.file() + "#" + l.number())
            .collect(Collectors.toSet());

    assertThat(observed.malformedLines).isEqualTo(truthMalformed);
    assertThat(truthMalformed).isNotEmpty();
  }

  @Test
  void personsTruthListsEveryPersonWithStableIds() {
    assertThat(tree.persons).hasSize(800);
    assertThat(tree.persons).containsKeys("P0000001", "P0000800");
    assertThat(tree.persons.values())
        .allSatisfy(
            p -> {
              assertThat(p.get("household_id")).matches("H\\d{7}");
              assertThat(p.get("phone")).matches("\\+\\d{11,13}");
              assertThat(p.get("email")).contains("@");
              assertThat(p.get("birth_date")).matches("\\d{4}-\\d{2}-\\d{2}");
            });
    Map<String, Long> countries =
        tree.persons.values().stream()
            .collect(
                Collectors.groupingBy(p -> p.get("country"), TreeMap::new, Collectors.counting()));
    assertThat(countries).containsKeys("US", "GB", "DE");
    assertThat(countries.get("US")).isGreaterThan(700);
  }

  @Test
  void everyFileHoldsTheRecordsReceivedInItsMonth() {
    assertThat(tree.lines.stream().filter(l -> l.json() != null && l.channel().equals("web")))
        .allSatisfy(
            l -> assertThat(l.json().path("receivedAt").asText()).startsWith(monthPrefix(l)));
    assertThat(
            tree.lines.stream().filter(l -> l.json() != null && l.channel().equals("callcenter")))
        .allSatisfy(
            l ->
                assertThat(l.json().path("LastUpdateTimestamp").asText())
                    .startsWith(monthPrefix(l)));
  }

  @Test
  void isolatedPersonsShareNoIdentifierAcrossChannels() {
    Map<String, Set<String>> personsOf = new HashMap<>();
    Map<String, Map<String, Set<String>>> channelsOf = new HashMap<>();
    tree.lines.stream()
        .filter(l -> !l.malformedInTruth())
        .forEach(
            l -> {
              for (String id : identifiers(l)) {
                personsOf.computeIfAbsent(id, k -> new HashSet<>()).add(l.personId());
                channelsOf
                    .computeIfAbsent(l.personId(), k -> new HashMap<>())
                    .computeIfAbsent(id, k -> new HashSet<>())
                    .add(l.channel());
              }
            });
    List<String> isolated =
        tree.persons.values().stream()
            .filter(GeneratedTree.PersonRow::isolated)
            .map(p -> p.get("person_id"))
            .toList();

    assertThat(isolated).hasSizeGreaterThan(20);
    for (String person : isolated) {
      Map<String, Set<String>> ids = channelsOf.getOrDefault(person, Map.of());
      Set<String> channels =
          tree.lines.stream()
              .filter(l -> l.personId().equals(person))
              .map(Line::channel)
              .collect(Collectors.toSet());
      assertThat(channels).as("channels of %s", person).contains("web", "callcenter");
      ids.forEach(
          (id, where) -> {
            assertThat(where).as("channels of %s of isolated %s", id, person).hasSize(1);
            assertThat(personsOf.get(id)).as("persons using %s", id).containsExactly(person);
          });
    }
  }

  /** Identifiers a matcher could link on (junk values and store phones are not identifiers). */
  private static Set<String> identifiers(Line l) {
    Set<String> ids = new HashSet<>();
    JsonNode j = l.json();
    GeneratedTree.PersonRow p = tree.person(l);
    switch (l.channel()) {
      case "web", "app" -> {
        ids.add("anon:" + j.path("anonymousId").asText());
        if (j.hasNonNull("userId")) {
          ids.add("customer:" + j.path("userId").asText());
        }
        if (j.path("context").has("device")) {
          ids.add("device:" + j.path("context").path("device").path("id").asText());
        }
        email(ids, j.path("traits").path("email").asText(null));
        phone(ids, j.path("traits").path("phone").asText(null), p.get("phone"));
      }
      case "email" -> email(ids, j.path("email").asText());
      case "callcenter" -> {
        phone(ids, j.path("CustomerEndpoint").path("Address").asText(null), p.get("phone"));
        JsonNode a = j.path("Attributes");
        if (a.has("customer_id")) {
          ids.add("customer:" + a.path("customer_id").asText());
        }
        if (a.has("loyalty_id")) {
          ids.add("loyalty:" + a.path("loyalty_id").asText());
        }
        email(ids, a.path("email").asText(null));
      }
      case "pos" -> {
        String loyalty = l.csv(Observed.POS_HEADER, "loyalty_id");
        if (!loyalty.isEmpty()) {
          ids.add("loyalty:" + loyalty);
        }
        String phone = l.csv(Observed.POS_HEADER, "phone");
        if (!phone.isEmpty() && Observed.normalize(phone, p.get("phone")).equals(p.get("phone"))) {
          ids.add("phone:" + p.get("phone"));
        }
      }
      default -> {
        ids.add("customer:" + l.csv(Observed.CRM_HEADER, "customer_id"));
        email(ids, l.csv(Observed.CRM_HEADER, "email"));
        phone(ids, l.csv(Observed.CRM_HEADER, "phone"), p.get("phone"));
      }
    }
    return ids;
  }

  private static void email(Set<String> ids, String email) {
    if (email != null && !email.isEmpty() && !Observed.JUNK.contains(email)) {
      ids.add("email:" + email.strip().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static void phone(Set<String> ids, String phone, String truth) {
    if (phone != null && !phone.isEmpty() && !Observed.JUNK.contains(phone)) {
      ids.add("phone:" + Observed.normalize(phone, truth));
    }
  }

  private static String monthPrefix(Line l) {
    return (l.month() / 100) + "-" + String.format("%02d", l.month() % 100);
  }
}
