package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Segments.assertConditionRefused;
import static io.opencdp.schemas.segment.Segments.assertRefused;
import static io.opencdp.schemas.segment.Segments.definition;
import static io.opencdp.schemas.segment.Segments.parse;
import static io.opencdp.schemas.segment.Segments.strings;
import static io.opencdp.schemas.segment.Segments.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The members of a definition and the limits of docs/segments.md ("Limits"). */
class SegmentLimitsTest {
  private static final String LEAF = "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"US\"}";

  static Stream<Arguments> refusedDefinitions() {
    return Stream.of(
        refused("{\"condition\": " + LEAF + "}", "name", "is required"),
        refused("{\"name\": \"\", \"condition\": " + LEAF + "}", "name", "1 to 200 characters"),
        refused("{\"name\": \"   \", \"condition\": " + LEAF + "}", "name", "not blank"),
        refused(
            "{\"name\": \"" + "n".repeat(201) + "\", \"condition\": " + LEAF + "}", "name", "200"),
        refused("{\"name\": 5, \"condition\": " + LEAF + "}", "name", "got 5"),
        refused(
            "{\"name\": \"a\", \"description\": \""
                + "d".repeat(2001)
                + "\", \"condition\": "
                + LEAF
                + "}",
            "description",
            "at most 2000 characters, got 2001"),
        refused(
            "{\"name\": \"a\", \"description\": 5, \"condition\": " + LEAF + "}",
            "description",
            "text"),
        refused("{\"name\": \"a\"}", "condition", "is required"),
        refused(
            "{\"name\": \"a\", \"language_version\": 2, \"condition\": " + LEAF + "}",
            "language_version",
            "must be 1, the only version of the condition language, got 2"),
        refused(
            "{\"name\": \"a\", \"language_version\": \"1\", \"condition\": " + LEAF + "}",
            "language_version",
            "got '1'"),
        refused(
            "{\"name\": \"a\", \"segment_id\": \"seg-x\", \"condition\": " + LEAF + "}",
            "segment_id",
            "is not a member of a segment definition; its members are name, description,"
                + " language_version, condition"),
        refused(
            "{\"name\": \"a\", \"query\": {\"match_all\": {}}, \"condition\": " + LEAF + "}",
            "query",
            "is not a member of a segment definition"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("refusedDefinitions")
  void everyMemberOfTheDefinitionIsChecked(String definition, String path, String message) {
    assertRefused(() -> parse(definition), path)
        .hasMessageStartingWith("field '" + path + "' ")
        .hasMessageContaining(message);
  }

  @Test
  void limitsAreInclusive() {
    parse(
        definition(
            "{\"field\": \"country\", \"op\": \"eq\", \"value\": \"" + "é".repeat(256) + "\"}"));
    parse(definition("{\"field\": \"country\", \"op\": \"in\", \"value\": " + strings(1000) + "}"));
    parse(definition("{\"and\": [" + String.join(",", Collections.nCopies(100, LEAF)) + "]}"));
    parse(definition("{\"event\": {\"type\": \"email_open\", \"where\": " + where(20) + "}}"));
    parse(
        definition(
            "{\"event\": {\"type\": \"email_open\", \"count\": {\"gte\": 0, \"lte\": 1000000},"
                + " \"within_last_days\": 3650}}"));
    parse(
        definition(
            "{\"field\": \"birth_date\", \"op\": \"lt\", \"value\": {\"days_ago\": 36500}}"));
    parse(
        "{\"name\": \""
            + "n".repeat(200)
            + "\", \"description\": \""
            + "d".repeat(2000)
            + "\", \"language_version\": 1, \"condition\": "
            + LEAF
            + "}");
  }

  @Test
  void conditionsNestTwelveDeepAndNoDeeper() {
    assertThat(parse(definition(nots(11, LEAF))).condition()).isInstanceOf(Not.class);

    assertConditionRefused(nots(12, LEAF), "condition" + ".not".repeat(12))
        .hasMessageContaining("is nested 13 deep; conditions nest at most 12 deep");
  }

  @Test
  void aDefinitionHoldsFiveHundredConditionsAndNoMore() {
    String fourLeaves = "{\"and\": [" + String.join(",", Collections.nCopies(4, LEAF)) + "]}";
    String threeLeaves = "{\"and\": [" + String.join(",", Collections.nCopies(3, LEAF)) + "]}";
    String fiveHundred =
        "{\"and\": ["
            + String.join(",", Collections.nCopies(99, fourLeaves))
            + ","
            + threeLeaves
            + "]}";
    String fiveHundredOne =
        "{\"and\": [" + String.join(",", Collections.nCopies(100, fourLeaves)) + "]}";

    parse(definition(fiveHundred));
    assertConditionRefused(fiveHundredOne, "condition.and[99].and[3]")
        .hasMessageContaining("is condition number 501; a definition holds at most 500 conditions");
  }

  @Test
  void theComparisonsOfAnEventsWhereCountAsConditions() {
    String event = "{\"event\": {\"type\": \"email_open\", \"where\": " + where(4) + "}}";
    String all = "{\"and\": [" + String.join(",", Collections.nCopies(100, event)) + "]}";

    assertConditionRefused(all, "condition.and[99].event.where[3]")
        .hasMessageContaining("is condition number 501");
  }

  @Test
  void aDefinitionOverSixtyFourKibibytesIsRefusedAsAWhole() {
    String filler = " ".repeat(SegmentLimits.MAX_DEFINITION_BYTES);

    assertRefused(() -> parse(definition(LEAF) + filler), null)
        .hasMessageContaining("at most 65536 (64 KiB)");
    assertRefused(
            () ->
                SegmentDefinitions.parse(
                    Segments.definition(
                        Segments.json(
                            "{\"field\": \"country\", \"op\": \"in\", \"value\": "
                                + strings(1000).replace("\"v", "\"" + "v".repeat(60))
                                + "}")),
                    Segments.context()),
            null)
        .hasMessageContaining("64 KiB");
  }

  @Test
  void somethingOtherThanAnObjectOrJsonIsRefusedAsAWhole() {
    assertRefused(() -> parse("[]"), null).hasMessageContaining("must be a JSON object");
    assertRefused(() -> parse("{\"name\": "), null).hasMessageContaining("not valid JSON");
    assertRefused(() -> parse(definition(LEAF) + " {}"), null)
        .hasMessageContaining("not valid JSON");
  }

  private static Arguments refused(String json, String path, String message) {
    return Arguments.of(json, path, message);
  }

  private static String nots(int n, String leaf) {
    return "{\"not\": ".repeat(n) + leaf + "}".repeat(n);
  }
}
