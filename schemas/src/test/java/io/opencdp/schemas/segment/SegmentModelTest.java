package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Segments.condition;
import static io.opencdp.schemas.segment.Segments.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CustomTraitConfig;
import io.opencdp.schemas.config.ProfilesConfig;
import io.opencdp.schemas.config.TraitAggregation;
import io.opencdp.schemas.event.IdentifierType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a definition reads into: typed, immutable values the engines walk. */
class SegmentModelTest {
  private static final Field COUNTRY = ProfileFields.builtIn().find("country").orElseThrow();

  @Test
  void theDocsDefinitionReadsIntoTypedNodes() {
    SegmentDefinition definition =
        parse(
            "{\"name\": \"Repeat buyers\", \"condition\": {\"and\": ["
                + "{\"event\": {\"type\": \"order_completed\", \"count\": {\"gte\": 2}, \"within_last_days\": 30}},"
                + "{\"event\": {\"type\": \"email_open\", \"within_last_days\": 7}},"
                + "{\"consent\": {\"purpose\": \"marketing\", \"channel\": \"email\"}},"
                + "{\"not\": {\"in_segment\": \"seg-vip\"}}]}}");

    assertThat(definition.languageVersion()).isEqualTo(1);
    assertThat(definition.description()).isNull();
    assertThat(definition.references()).containsExactly("seg-vip");
    assertThat(definition.condition())
        .isEqualTo(
            new And(
                List.of(
                    new EventCondition(
                        "order_completed",
                        List.of(),
                        new EventCount(2, null),
                        new EventWindow.WithinLastDays(30)),
                    new EventCondition(
                        "email_open",
                        List.of(),
                        EventCount.AT_LEAST_ONE,
                        new EventWindow.WithinLastDays(7)),
                    new ConsentCondition("marketing", "email"),
                    new Not(new InSegment("seg-vip")))));
  }

  @Test
  void countDefaultsToAtLeastOneAndAnUpperBoundAloneStartsAtZero() {
    assertThat(((EventCondition) condition("{\"event\": {\"type\": \"email_open\"}}")).count())
        .isEqualTo(new EventCount(1, null));
    EventCondition didNot =
        (EventCondition)
            condition("{\"event\": {\"type\": \"email_open\", \"count\": {\"lte\": 0}}}");

    assertThat(didNot.count()).isEqualTo(new EventCount(0, 0));
    assertThat(didNot.window()).isEqualTo(EventWindow.ALL_TIME);
  }

  @Test
  void valuesTakeTheTypeOfTheirField() {
    assertThat(value("{\"field\": \"traits.order_count\", \"op\": \"gte\", \"value\": 2.0}"))
        .isEqualTo(new NumberValue(new BigDecimal("2")));
    assertThat(value("{\"field\": \"traits.total_spend\", \"op\": \"gte\", \"value\": 19.90}"))
        .isEqualTo(new NumberValue(new BigDecimal("19.9")));
    assertThat(value("{\"field\": \"traits.email_suppressed\", \"op\": \"eq\", \"value\": false}"))
        .isEqualTo(new BooleanValue(false));
    assertThat(
            value("{\"field\": \"birth_date\", \"op\": \"lte\", \"value\": {\"days_ago\": 6570}}"))
        .isEqualTo(new DaysAgo(6570));
    assertThat(value("{\"field\": \"birth_date\", \"op\": \"eq\", \"value\": \"1990-05-17\"}"))
        .isEqualTo(new DateValue(LocalDate.of(1990, 5, 17)));
    assertThat(
            value(
                "{\"field\": \"traits.last_order_at\", \"op\": \"gt\", \"value\": \"2026-11-01\"}"))
        .isEqualTo(new DateValue(LocalDate.of(2026, 11, 1)));
    assertThat(
            value(
                "{\"field\": \"traits.last_order_at\", \"op\": \"gt\", \"value\": \"2026-11-01T09:30:00.250+01:00\"}"))
        .isEqualTo(new InstantValue(Instant.parse("2026-11-01T08:30:00.250Z")));
  }

  @Test
  void betweenInAndExistsCarryTheirValues() {
    FieldCondition between =
        (FieldCondition)
            condition(
                "{\"field\": \"traits.rfm.recency\", \"op\": \"between\", \"value\": [2, 4]}");
    FieldCondition in =
        (FieldCondition)
            condition(
                "{\"field\": \"traits.channels\", \"op\": \"in\", \"value\": [\"web\", \"app\"]}");
    FieldCondition exists = (FieldCondition) condition("{\"field\": \"city\", \"op\": \"exists\"}");

    assertThat(between.low()).isEqualTo(new NumberValue(BigDecimal.valueOf(2)));
    assertThat(between.high()).isEqualTo(new NumberValue(BigDecimal.valueOf(4)));
    assertThat(in.values()).containsExactly(new TextValue("web"), new TextValue("app"));
    assertThat(exists.values()).isEmpty();
    assertThat(exists.field()).isEqualTo(new Field("city", FieldType.TEXT, true, false));
  }

  @Test
  void aBetweenOfMixedKindsIsAcceptedBecauseItsOrderDependsOnTheDay() {
    FieldCondition mixed =
        (FieldCondition)
            condition(
                "{\"field\": \"birth_date\", \"op\": \"between\","
                    + " \"value\": [\"2030-01-01\", {\"days_ago\": 0}]}");

    assertThat(mixed.high()).isEqualTo(new DaysAgo(0));
  }

  @Test
  void eventWhereAndWindowsReadIntoTheModel() {
    EventCondition event =
        (EventCondition)
            condition(
                "{\"event\": {\"type\": \"order_line\", \"where\": ["
                    + "{\"field\": \"order.items.sku\", \"op\": \"contains\", \"value\": \"SKU-1\"},"
                    + "{\"field\": \"order.is_return\", \"op\": \"eq\", \"value\": false}],"
                    + " \"between\": {\"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}}}");

    assertThat(event.where()).hasSize(2);
    assertThat(event.where().get(0).field().type()).isEqualTo(FieldType.TEXT_LIST);
    assertThat(event.window())
        .isEqualTo(new EventWindow.Between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
  }

  @Test
  void identifiersAndConsentWithoutAChannel() {
    assertThat(condition("{\"has_identifier\": \"loyalty_id\"}"))
        .isEqualTo(new HasIdentifier(IdentifierType.LOYALTY_ID));
    assertThat(condition("{\"consent\": {\"purpose\": \"ad_targeting\"}}"))
        .isEqualTo(new ConsentCondition("ad_targeting", null));
  }

  @Test
  void aConsentPurposeNamedInConfigStandsForItsPurposeAndChannel() {
    SegmentContext context =
        SegmentContext.newSegment(
            ProfileFields.of(CdpConfig.defaults()), SegmentLookup.of(Map.of()));
    java.util.function.Function<String, Condition> parse =
        json -> SegmentDefinitions.parse(Segments.definition(json), context).condition();

    assertThat(parse.apply("{\"consent\": {\"purpose\": \"marketing_email\"}}"))
        .isEqualTo(new ConsentCondition("marketing", "email"));
    assertThat(parse.apply("{\"consent\": {\"purpose\": \"marketing_sms\"}}"))
        .isEqualTo(new ConsentCondition("marketing", "sms"));
    assertThat(parse.apply("{\"consent\": {\"purpose\": \"ad_targeting\"}}"))
        .isEqualTo(new ConsentCondition("ad_targeting", null));
    // with a channel, or a name not configured: the consent records' own spelling, as before
    assertThat(
            parse.apply("{\"consent\": {\"purpose\": \"marketing_email\", \"channel\": \"sms\"}}"))
        .isEqualTo(new ConsentCondition("marketing_email", "sms"));
    assertThat(parse.apply("{\"consent\": {\"purpose\": \"marketing\"}}"))
        .isEqualTo(new ConsentCondition("marketing", null));
    assertThat(condition("{\"consent\": {\"purpose\": \"marketing_email\"}}"))
        .as("without privacy.purposes")
        .isEqualTo(new ConsentCondition("marketing_email", null));
  }

  @Test
  void customTraitsAreTextFieldsOfTheConfiguredNames() {
    ProfilesConfig profiles =
        CdpConfig.defaults()
            .profiles()
            .withCustomTraits(
                List.of(
                    new CustomTraitConfig(
                        "web_orders_90d", TraitAggregation.COUNT, List.of(), null, Map.of(), 90)));
    ProfileFields fields = ProfileFields.of(profiles, CdpConfig.defaults().privacy());

    assertThat(fields.find("custom_traits.web_orders_90d"))
        .contains(new Field("custom_traits.web_orders_90d", FieldType.TEXT, false, false));
    assertThat(fields.find("custom_traits.web_orders_90d").orElseThrow().isCustomTrait()).isTrue();
    assertThat(fields.find("custom_traits.other")).isEmpty();
    assertThat(fields.all()).hasSize(ProfileFields.BUILT_IN.size() + 1);
  }

  @Test
  void theRecordsRefuseWhatTheLanguageDoesNotAllow() {
    assertThatThrownBy(() -> FieldCondition.of(COUNTRY, Operator.GT, new TextValue("US")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldCondition.of(COUNTRY, Operator.EQ, new BooleanValue(true)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new FieldCondition(COUNTRY, Operator.EXISTS, List.of(new TextValue("x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new And(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventCount(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new EventCondition(
                    "email_open",
                    List.of(FieldCondition.of(COUNTRY, Operator.EQ, new TextValue("US"))),
                    EventCount.AT_LEAST_ONE,
                    EventWindow.ALL_TIME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstantValue(Instant.parse("2026-01-01T00:00:00.000001Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aParsedDefinitionSurvivesJavaSerializationForShippingToWorkers() throws Exception {
    SegmentDefinition definition =
        parse(
            "{\"name\": \"n\", \"condition\": {\"and\": [{\"event\": {\"type\": \"order_line\","
                + " \"where\": [{\"field\": \"order.total.amount\", \"op\": \"between\", \"value\": [1, 2]}],"
                + " \"count\": {\"lte\": 3}, \"within_last_days\": 5}},"
                + " {\"field\": \"birth_date\", \"op\": \"lt\", \"value\": {\"days_ago\": 10}}]}}");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(definition);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(definition);
    }
  }

  @Test
  void referencesAreListedOnceInDocumentOrder() {
    SegmentDefinition definition =
        SegmentDefinitions.parseStored(
            Segments.definition(
                "{\"or\": [{\"in_segment\": \"s-3\"}, {\"not\": {\"in_segment\": \"s-1\"}},"
                    + " {\"in_segment\": \"s-2\"}, {\"in_segment\": \"s-3\"}]}"),
            Segments.FIELDS);

    assertThat(definition.references()).containsExactly("s-3", "s-1", "s-2");
  }

  @Test
  void aVisitorSeesEveryKindOfNode() {
    Condition condition =
        condition(
            "{\"or\": [{\"has_identifier\": \"email\"}, {\"not\": {\"field\": \"city\", \"op\": \"missing\"}}]}");

    assertThat(condition.accept(new Describe())).isEqualTo("or(has(email), not(city missing))");
  }

  private static Value value(String condition) {
    return ((FieldCondition) condition(condition)).value();
  }

  /** A tiny engine: renders the tree. */
  private static final class Describe implements Condition.Visitor<String> {
    @Override
    public String visitAnd(And and) {
      return "and(" + join(and.conditions()) + ")";
    }

    @Override
    public String visitOr(Or or) {
      return "or(" + join(or.conditions()) + ")";
    }

    @Override
    public String visitNot(Not not) {
      return "not(" + not.condition().accept(this) + ")";
    }

    @Override
    public String visitField(FieldCondition field) {
      return field.field().name() + " " + field.op().wireName();
    }

    @Override
    public String visitHasIdentifier(HasIdentifier hasIdentifier) {
      return "has(" + hasIdentifier.type().wireName() + ")";
    }

    @Override
    public String visitConsent(ConsentCondition consent) {
      return "consent(" + consent.purpose() + ")";
    }

    @Override
    public String visitInSegment(InSegment inSegment) {
      return "in(" + inSegment.segmentId() + ")";
    }

    @Override
    public String visitEvent(EventCondition event) {
      return "event(" + event.type() + ")";
    }

    private String join(List<Condition> conditions) {
      return String.join(", ", conditions.stream().map(c -> c.accept(this)).toList());
    }
  }
}
