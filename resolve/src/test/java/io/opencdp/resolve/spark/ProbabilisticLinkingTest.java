package io.opencdp.resolve.spark;

import static io.opencdp.resolve.spark.ResolveFixture.T0;
import static io.opencdp.resolve.spark.ResolveFixture.customer;
import static io.opencdp.resolve.spark.ResolveFixture.email;
import static io.opencdp.resolve.spark.ResolveFixture.phone;
import static io.opencdp.resolve.spark.ResolveFixture.profile;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencdp.resolve.ids.ProfileIdRules;
import io.opencdp.resolve.match.ComparisonWeights;
import io.opencdp.resolve.match.FieldComparison;
import io.opencdp.resolve.match.LevelWeights;
import io.opencdp.resolve.match.MatchModel;
import io.opencdp.resolve.match.MatchSettings;
import io.opencdp.resolve.match.TrainingSummary;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.PersonAttributes;
import io.opencdp.schemas.event.PostalAddress;
import io.opencdp.schemas.event.TouchpointEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probabilistic linking inside a real resolve run (real Spark, real Delta), scored with a fixed,
 * hand-written model so the outcome does not hang on EM over a few records: a strong match joins
 * two profiles, a named event without identifiers joins the profile it strongly matches but never
 * forms one with another such event, a household member agreeing on everything but the given name
 * is refused, and a pair in the review band joins nothing and waits in {@code match_review}.
 */
class ProbabilisticLinkingTest {
  private static final PostalAddress HOME =
      new PostalAddress("12 Main St", "Springfield", "IL", "62701", "US");
  private static final LocalDate MARIA_BORN = LocalDate.of(1980, 1, 1);
  private static final PostalAddress ELSEWHERE =
      new PostalAddress("9 Elm Rd", "Shelbyville", "IL", "62565", "US");
  private static final LocalDate ZOE_BORN = LocalDate.of(1991, 7, 14);

  /** Per comparison of the defaults, in order: the log2 weight of each level. */
  private static final Map<String, double[]> WEIGHTS =
      Map.ofEntries(
          Map.entry("given_name", new double[] {6, 4, 2, -1}),
          Map.entry("family_name", new double[] {6, 4, 2, -4}),
          Map.entry("birth_date", new double[] {8, 4, 3, 0, -6}),
          Map.entry("house_number", new double[] {2, 0, -1}),
          Map.entry("street", new double[] {3, 2, 1, -2}),
          Map.entry("locality", new double[] {0, 0, 0, 0}),
          Map.entry("city", new double[] {2, 1, 0, -1}),
          Map.entry("postal_code", new double[] {3, 1, -2}),
          Map.entry("region", new double[] {0, 0}),
          Map.entry("phone", new double[] {4, 2, -1}),
          Map.entry("email", new double[] {4, 2, -1}),
          Map.entry("card_last4", new double[] {8, -1}));

  private static ResolveFixture fixture;
  private static Map<String, String> profiles;

  @BeforeAll
  static void resolveWithProbabilisticLinking() {
    fixture = new ResolveFixture("probabilistic-linking");
    fixture.configure("resolve:\n  match:\n    enabled: true\n");
    fixedModel().save(fixture.dir.resolve("match/model.json"));
    fixture.append(
        person(
            "maria-1", "Maria", "Lopez", MARIA_BORN, HOME, customer("C1"), email("maria@x.test")),
        person("maria-2", "Maria", "Lopez", MARIA_BORN, HOME, phone("+15550100007")),
        // her husband: same surname, same home, no birth date given
        person("juan-1", "Juan", "Lopez", null, HOME, phone("+15550100008")),
        // given name equal, surname a typo apart, nothing else: the review band
        person("ana-1", "Ana", "Ruiz", null, null, customer("C3"), email("ana@x.test")),
        person("ana-2", "Ana", "Ruis", null, null, phone("+15550100009")),
        // a walk-in's store line: her name, birth date and address, no identifier at all
        person("maria-walk-in", "Maria", "Lopez", MARIA_BORN, HOME),
        // two records of one walk-in who is nowhere else: a walk-in profile of their own
        person("zoe-1", "Zoe", "Park", ZOE_BORN, ELSEWHERE),
        person("zoe-2", "Zoe", "Park", ZOE_BORN, ELSEWHERE));
    fixture.run(ResolveMode.FULL);
    profiles = fixture.eventProfiles();
  }

  @Test
  void aStrongMatchJoinsTheTwoProfiles() {
    assertThat(profile(profiles, "maria-2")).isEqualTo(profile(profiles, "maria-1"));
    assertThat(links().stream().filter(r -> r.<Boolean>getAs("accepted"))).isNotEmpty();
  }

  @Test
  void aNamedEventNoIdentifierPlacedJoinsTheProfileItStronglyMatches() {
    assertThat(profile(profiles, "maria-walk-in"))
        .isNotNull()
        .isEqualTo(profile(profiles, "maria-1"));
  }

  @Test
  void eventsNoIdentifierPlacedFormAWalkInProfileAmongThemselves() {
    String walkIn = profile(profiles, "zoe-1");
    assertThat(walkIn).isNotNull().isEqualTo(profile(profiles, "zoe-2"));
    // its id is minted from its earliest received event (both at T0: then the smaller event id)
    assertThat(walkIn)
        .isEqualTo(
            ProfileIdRules.walkInId(
                Map.of(ResolveFixture.eventId("zoe-1"), T0, ResolveFixture.eventId("zoe-2"), T0)));
    assertThat(links())
        .filteredOn(r -> "joined into a walk-in profile".equals(r.getAs("detail")))
        .singleElement()
        .satisfies(r -> assertThat(r.<Boolean>getAs("accepted")).isTrue());
  }

  @Test
  void everyDecisionKeepsItsEvidence() {
    Row maria =
        links().stream()
            .filter(r -> r.<Boolean>getAs("accepted"))
            .filter(
                r ->
                    List.of(r.getAs("left_event_id"), r.getAs("right_event_id"))
                        .containsAll(
                            List.of(
                                ResolveFixture.eventId("maria-1"),
                                ResolveFixture.eventId("maria-2"))))
            .findFirst()
            .orElseThrow();
    assertThat(maria.<Double>getAs("weight")).isGreaterThan(6.6); // probability >= 0.99
    Map<String, String> labels = new LinkedHashMap<>();
    for (Row c : maria.<Row>getList(maria.fieldIndex("comparisons"))) {
      labels.put(c.getAs("field"), c.getAs("level"));
    }
    assertThat(labels)
        .containsEntry("given_name", "exact")
        .containsEntry("birth_date", "exact")
        .containsEntry("street", "exact")
        .containsEntry("phone", "missing")
        .containsEntry("email", "missing");

    Row juan =
        links().stream()
            .filter(r -> "given_name_disagrees".equals(r.getAs("rule")))
            .findFirst()
            .orElseThrow();
    assertThat(juan.<Row>getList(juan.fieldIndex("comparisons")))
        .anySatisfy(
            c -> {
              assertThat(c.<String>getAs("field")).isEqualTo("given_name");
              assertThat(c.<String>getAs("level")).isEqualTo("different");
            });
    assertThat(List.of(juan.<String>getAs("left_event_id"), juan.getAs("right_event_id")))
        .contains(ResolveFixture.eventId("juan-1"));
  }

  @Test
  void aHouseholdMemberWhoseGivenNameDiffersIsNotJoined() {
    assertThat(profile(profiles, "juan-1")).isNotEqualTo(profile(profiles, "maria-1"));
    assertThat(links())
        .filteredOn(r -> "given_name_disagrees".equals(r.getAs("rule")))
        .isNotEmpty()
        .allMatch(r -> !r.<Boolean>getAs("accepted"));
  }

  @Test
  void aPairInTheReviewBandJoinsNothingAndWaitsForReview() {
    assertThat(profile(profiles, "ana-2")).isNotEqualTo(profile(profiles, "ana-1"));
    List<Row> review = fixture.table(ProbabilisticLinking.MATCH_REVIEW).collectAsList();
    MatchSettings settings = MatchSettings.from(fixture.config.resolve().match());
    assertThat(review)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<Double>getAs("probability"))
                  .isBetween(settings.reviewThreshold(), settings.linkThreshold());
              // what a reviewer needs: both events and the comparison vector as labels
              assertThat(
                      List.of(r.<String>getAs("left_event_id"), r.<String>getAs("right_event_id")))
                  .allMatch(id -> id != null && !id.isEmpty());
              List<Row> labels = r.getList(r.fieldIndex("comparisons"));
              assertThat(labels).hasSameSizeAs(r.getList(r.fieldIndex("levels")));
              assertThat(labels)
                  .extracting(l -> l.<String>getAs("level"))
                  .doesNotContainNull()
                  .contains("exact");
            });
    assertThat(
            fixture
                .table(ProbabilisticLinking.MATCH_LINKS)
                .where(col("probability").lt(0.99))
                .count())
        .isZero();
  }

  private static List<Row> links() {
    return fixture.table(ProbabilisticLinking.MATCH_LINKS).collectAsList();
  }

  private static MatchModel fixedModel() {
    MatchSettings settings = MatchSettings.from(fixture.config.resolve().match());
    List<ComparisonWeights> comparisons = new ArrayList<>();
    for (FieldComparison c : settings.comparisons().fields()) {
      double[] weights = WEIGHTS.get(c.field().wireName());
      List<String> names = c.levelNames();
      List<LevelWeights> levels = new ArrayList<>();
      for (int l = 0; l < names.size(); l++) {
        // u the same at every level: the weight is then log2(m / u) as written above
        levels.add(new LevelWeights(names.get(l), Math.pow(2, weights[l] - 10), Math.pow(2, -10)));
      }
      comparisons.add(
          new ComparisonWeights(
              c.field().wireName(), c.kind().wireName(), c.thresholds(), false, levels));
    }
    return new MatchModel(
        MatchModel.FORMAT_VERSION,
        T0,
        0.01,
        comparisons,
        new TrainingSummary(0, 0, 0, 0, 0, 0, true));
  }

  private static TouchpointEvent person(
      String key,
      String first,
      String last,
      LocalDate born,
      PostalAddress address,
      Identifier... ids) {
    var builder =
        TouchpointEvent.builder()
            .channel(Channel.WEB)
            .sourceSystem(ResolveFixture.SOURCE)
            .sourceKey(key)
            .eventType("identify")
            .occurredAt(T0)
            .receivedAt(T0)
            .person(new PersonAttributes(first, last, null, null, null, address, born));
    for (Identifier id : ids) {
      builder.identifier(id);
    }
    return builder.build();
  }
}
