package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Segments.assertConditionRefused;
import static io.opencdp.schemas.segment.Segments.assertRefused;
import static io.opencdp.schemas.segment.Segments.condition;
import static io.opencdp.schemas.segment.Segments.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Nothing in a definition is ever a script, a query string or an expression: members that could
 * carry one are refused, values that look like one stay literals.
 */
class SegmentLiteralsTest {
  @Test
  void aScriptConditionIsRefused() {
    assertConditionRefused(
            "{\"script\": {\"source\": \"doc['traits.order_count'].value > 1\"}}",
            "condition.script")
        .hasMessageContaining("is not part of the condition language");
  }

  @Test
  void aScriptBesideAFieldComparisonIsRefused() {
    assertConditionRefused(
            "{\"field\": \"traits.order_count\", \"op\": \"gt\", \"value\": 1, \"script\": \"...\"}",
            "condition.script")
        .hasMessageContaining(
            "is not a member of a field comparison; its members are field, op, value");
  }

  @Test
  void aQueryBesideAnotherShapeIsRefused() {
    assertConditionRefused(
            "{\"in_segment\": \"seg-vip\", \"query\": {\"query_string\": {\"query\": \"*\"}}}",
            "condition.query")
        .hasMessageContaining("is not part of the condition language");
  }

  @Test
  void aMisspeltOperatorMemberIsRefused() {
    assertConditionRefused(
            "{\"field\": \"country\", \"opp\": \"eq\", \"value\": \"US\"}", "condition.opp")
        .hasMessageContaining("is not a member of a field comparison");
  }

  @Test
  void aScriptInsideAnEventWhereOrADaysAgoIsRefused() {
    assertConditionRefused(
        "{\"event\": {\"type\": \"page\", \"where\": [{\"field\": \"page.path\", \"op\": \"eq\","
            + " \"value\": \"/\", \"script\": \"x\"}]}}",
        "condition.event.where[0].script");
    assertConditionRefused(
        "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": {\"days_ago\": 1, \"script\": \"x\"}}",
        "condition.value.script");
    assertConditionRefused(
            "{\"field\": \"country\", \"op\": \"eq\", \"value\": {\"script\": \"x\"}}",
            "condition.value")
        .hasMessageContaining("must be a string of 1 to 256 characters, got an object");
  }

  @Test
  void aMemberGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
    assertRefused(
            () ->
                parse(
                    Segments.definition(
                        "{\"field\": \"country\", \"op\": \"eq\", \"op\": \"exists\", \"value\": \"US\"}")),
            null)
        .hasMessageContaining("Duplicate field 'op'");
  }

  @Test
  void aValueThatLooksLikeAQueryStringIsKeptAsALiteral() {
    FieldCondition eq =
        (FieldCondition)
            condition("{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US OR *:* \\\\\"}");
    FieldCondition prefix =
        (FieldCondition)
            condition("{\"field\": \"last_name\", \"op\": \"prefix\", \"value\": \"M?ll*\"}");
    FieldCondition trait =
        (FieldCondition)
            condition(
                "{\"field\": \"custom_traits.favourite_store\", \"op\": \"contains\","
                    + " \"value\": \"{{ctx._source}}\"}");

    assertThat(eq.value()).isEqualTo(new TextValue("US OR *:* \\"));
    assertThat(prefix.value()).isEqualTo(new TextValue("M?ll*"));
    assertThat(trait.value()).isEqualTo(new TextValue("{{ctx._source}}"));
  }
}
