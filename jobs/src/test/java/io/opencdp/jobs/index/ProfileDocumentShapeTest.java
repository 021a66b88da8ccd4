package io.opencdp.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.resolve.profile.GoldenProfile;
import io.opencdp.resolve.profile.ProfileAccumulator;
import io.opencdp.resolve.profile.ProfileRules;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.Identifier;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of {@link ProfileDocument} without Spark; {@code ProfileDocumentTest} compares it with
 * the indexer over the resolved sample.
 */
class ProfileDocumentShapeTest {
  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
  private static final CdpConfig DEFAULTS = CdpConfig.defaults();
  private static final ProfileRules RULES =
      ProfileRules.of(DEFAULTS.profiles(), DEFAULTS.resolve().guardrails(), AS_OF);

  @Test
  void anAnonymousProfileLeavesOutItsMissingAttributesAndWritesEmptyLists() throws IOException {
    TouchpointEvent page = page("k-1", T0);
    String json =
        ProfileDocument.json(profile(List.of(page)), List.of(), List.of(page), List.of(), T0, 3);
    JsonNode doc = doc(json);

    for (String absent :
        List.of(
            "first_name",
            "last_name",
            "gender",
            "email",
            "phone",
            "birth_date",
            "address",
            "birth_date_value",
            "postal_code",
            "country",
            ActivityFields.TRUNCATED)) {
      assertThat(doc.has(absent)).as(absent).isFalse();
    }
    assertThat(doc.path("merged_from").isArray()).isTrue();
    assertThat(doc.path("merged_from")).isEmpty();
    assertThat(doc.path("segments")).isEmpty();
    assertThat(doc.path("consent")).isEmpty();
    assertThat(doc.path("emails")).isEmpty();
    assertThat(doc.path("identifiers").path("anonymous_id").get(0).asText()).isEqualTo("anon-1");
    assertThat(doc.path("search").has("name")).isFalse();
    assertThat(doc.path("search").path("email_local").isArray()).isTrue();
    assertThat(doc.path("traits").has("rfm")).isFalse();
    // money as the Delta decimal(18,4) is written: four decimal places
    assertThat(json).contains("\"total_spend\":{\"amount\":0.0000,\"currency\":");
    assertThat(doc.path("activity")).hasSize(1);
    assertThat(doc.path("activity").get(0).path("occurred_at").asText())
        .isEqualTo("2026-10-01T08:00:00.000000Z");
    assertThat(doc.path("activity").get(0).has("order_order_id")).isFalse();
    assertThat(doc.path("delta_version").asLong()).isEqualTo(3);
  }

  @Test
  void aProfileWithoutEventsToShowHasNoActivity() throws IOException {
    TouchpointEvent page = page("k-1", T0);
    JsonNode doc =
        doc(ProfileDocument.json(profile(List.of(page)), List.of(), List.of(), List.of(), T0, 1));

    assertThat(doc.has(ActivityFields.PATH)).isFalse();
    assertThat(doc.has(ActivityFields.TRUNCATED)).isFalse();
  }

  @Test
  void mergedFromIsSortedAndSegmentsSortedAndDistinct() throws IOException {
    TouchpointEvent page = page("k-1", T0);
    JsonNode doc =
        doc(
            ProfileDocument.json(
                profile(List.of(page)),
                Arrays.asList("p_b", null, "p_a", "p_b"),
                List.of(page),
                List.of("seg-\uFB01", "seg-\uD83D\uDE00", "seg-a", "seg-a"),
                Instant.parse("2026-11-02T10:15:30.123456789Z"),
                1));

    assertThat(texts(doc.path("merged_from"))).containsExactly("p_a", "p_b", "p_b");
    // by code point, as Spark compares strings: U+1F600 sorts after U+FB01
    assertThat(texts(doc.path("segments")))
        .containsExactly("seg-a", "seg-\uFB01", "seg-\uD83D\uDE00");
    assertThat(doc.path("indexed_at").asText()).isEqualTo("2026-11-02T10:15:30.123456Z");
  }

  @Test
  void exactlyTheLimitIsNotTruncatedAndOneMoreDropsTheOldest() throws IOException {
    List<TouchpointEvent> events = new ArrayList<>();
    for (int i = 0; i <= ActivityFields.MAX_EVENTS; i++) {
      events.add(page("k-" + i, T0.plusSeconds(i)));
    }
    GoldenProfile profile = profile(events.subList(0, 1));

    JsonNode atLimit =
        doc(
            ProfileDocument.json(
                profile,
                List.of(),
                events.subList(0, ActivityFields.MAX_EVENTS),
                List.of(),
                T0,
                1));
    JsonNode over = doc(ProfileDocument.json(profile, List.of(), events, List.of(), T0, 1));

    assertThat(atLimit.path(ActivityFields.PATH)).hasSize(ActivityFields.MAX_EVENTS);
    assertThat(atLimit.has(ActivityFields.TRUNCATED)).isFalse();
    assertThat(over.path(ActivityFields.PATH)).hasSize(ActivityFields.MAX_EVENTS);
    assertThat(over.path(ActivityFields.TRUNCATED).asBoolean()).isTrue();
    assertThat(over.path(ActivityFields.PATH).get(0).path("occurred_at").asText())
        .isEqualTo(DocFormats.instant(T0.plusSeconds(ActivityFields.MAX_EVENTS)));
    assertThat(
            over.path(ActivityFields.PATH)
                .get(ActivityFields.MAX_EVENTS - 1)
                .path("occurred_at")
                .asText())
        .isEqualTo(DocFormats.instant(T0.plusSeconds(1)));
  }

  @Test
  void nullInputsAreRefusedByName() {
    assertThatThrownBy(() -> ProfileDocument.json(null, List.of(), List.of(), List.of(), T0, 1))
        .hasMessage("profile is null");
    TouchpointEvent page = page("k-1", T0);
    GoldenProfile profile = profile(List.of(page));
    assertThatThrownBy(
            () -> ProfileDocument.json(profile, List.of(), List.of(), List.of(), null, 1))
        .hasMessage("indexedAt is null");
  }

  private static GoldenProfile profile(List<TouchpointEvent> events) {
    ProfileAccumulator accumulator = new ProfileAccumulator(RULES, "default", "p_test");
    events.forEach(accumulator::add);
    return accumulator.build(AS_OF);
  }

  private static TouchpointEvent page(String key, Instant at) {
    return TouchpointEvent.builder()
        .channel(Channel.WEB)
        .sourceSystem("segment-web")
        .sourceKey(key)
        .eventType("page")
        .occurredAt(at)
        .receivedAt(at)
        .identifier(Identifier.valid(IdentifierType.ANONYMOUS_ID, "anon-1", "anon-1"))
        .build();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode doc(String json) throws IOException {
    return Json.mapper().readTree(json);
  }
}
