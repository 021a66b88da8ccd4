package io.opencdp.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.generator.GeneratedTree.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web consent banner's choices as the generated files show them. */
class ConsentBannerTest {
  @TempDir static Path dir;
  static GeneratedTree tree;

  @BeforeAll
  static void generate() throws Exception {
    tree = Generated.generate(Generated.defaults(), 4000, 7, dir);
  }

  @Test
  void onlyWebPageViewsCarryBothCategoriesAsBooleans() {
    List<Line> withContext =
        tree.lines.stream().filter(l -> l.json() != null && l.json().has("context")).toList();
    List<Line> carrying =
        withContext.stream().filter(l -> l.json().path("context").has("consent")).toList();

    assertThat(carrying).isNotEmpty();
    assertThat(carrying)
        .allSatisfy(
            l -> {
              assertThat(l.channel()).isEqualTo("web");
              assertThat(l.json().path("type").asText()).isEqualTo("page");
              JsonNode preferences = l.json().path("context").path("consent");
              assertThat(fieldNames(preferences)).containsExactly("categoryPreferences");
              JsonNode categories = preferences.path("categoryPreferences");
              assertThat(fieldNames(categories)).containsExactly("ad_targeting", "analytics");
              assertThat(categories.path("ad_targeting").isBoolean()).isTrue();
              assertThat(categories.path("analytics").isBoolean()).isTrue();
            });
  }

  @Test
  void mostPersonsWithWebActivityGrantAdTargetingAndSomeWithdrawIt() {
    Map<String, List<Line>> byPerson = choicesByPerson();
    Set<String> webPersons = tree.lines("web").map(Line::personId).collect(Collectors.toSet());

    int granted = 0;
    int withdrawn = 0;
    for (List<Line> choices : byPerson.values()) {
      boolean first = adTargeting(choices.get(0));
      boolean latest = adTargeting(choices.get(choices.size() - 1));
      granted += latest ? 1 : 0;
      withdrawn += first && !latest ? 1 : 0;
    }

    // every person with web activity chose on the banner (a choice on a malformed line is lost)
    assertThat(byPerson.size()).isGreaterThan(webPersons.size() * 98 / 100);
    assertThat((double) granted / webPersons.size()).isBetween(0.55, 0.65);
    assertThat((double) withdrawn / webPersons.size()).isBetween(0.03, 0.07);
  }

  @Test
  void aChoiceOnlyEverChangesFromGrantingToWithdrawingAdTargeting() {
    assertThat(choicesByPerson().values())
        .allSatisfy(
            choices -> {
              for (int i = 1; i < choices.size(); i++) {
                Line before = choices.get(i - 1);
                Line after = choices.get(i);
                assertThat(!adTargeting(before) && adTargeting(after)).as(after.text()).isFalse();
                assertThat(analytics(after)).as(after.text()).isEqualTo(analytics(before));
              }
            });
  }

  /** Each person's well-formed consent-carrying lines in event time order. */
  private static Map<String, List<Line>> choicesByPerson() {
    Map<String, List<Line>> byPerson = new HashMap<>();
    tree.wellFormed("web")
        .filter(l -> l.json() != null && l.json().path("context").has("consent"))
        .forEach(l -> byPerson.computeIfAbsent(l.personId(), k -> new ArrayList<>()).add(l));
    for (List<Line> choices : byPerson.values()) {
      choices.sort(Comparator.comparing((Line l) -> l.json().path("timestamp").asText()));
    }
    return byPerson;
  }

  private static boolean analytics(Line l) {
    return category(l, ConsentBanner.ANALYTICS);
  }

  private static boolean adTargeting(Line l) {
    return category(l, ConsentBanner.AD_TARGETING);
  }

  private static boolean category(Line l, String name) {
    return l.json().at("/context/consent/categoryPreferences/" + name).asBoolean();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
