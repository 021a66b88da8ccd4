package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Segments.FIELDS;
import static io.opencdp.schemas.segment.Segments.assertRefused;
import static io.opencdp.schemas.segment.Segments.definition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code in_segment}: unknown ids, self-references, cycles and depth over 8 are refused. */
class SegmentReferencesTest {
  private final Map<String, SegmentDefinition> saved = new HashMap<>();

  @Test
  void aReferenceToASavedSegmentIsAccepted() {
    save("seg-vip", "{\"has_identifier\": \"email\"}");

    assertThat(define(null, "{\"not\": {\"in_segment\": \"seg-vip\"}}").references())
        .containsExactly("seg-vip");
  }

  @Test
  void anUnknownSegmentIsRefused() {
    assertRefused(
            () -> define(null, "{\"not\": {\"in_segment\": \"seg-gone\"}}"),
            "condition.not.in_segment")
        .hasMessage("field 'condition.not.in_segment' must name a saved segment, got 'seg-gone'");
  }

  @Test
  void aSegmentCannotReferenceItself() {
    save("seg-a", "{\"has_identifier\": \"email\"}");

    assertRefused(
            () ->
                define(
                    "seg-a",
                    "{\"or\": [{\"has_identifier\": \"phone\"}, {\"in_segment\": \"seg-a\"}]}"),
            "condition.or[1].in_segment")
        .hasMessageContaining("must name another segment, got the segment itself ('seg-a')");
  }

  @Test
  void aChangeThatClosesACycleIsRefused() {
    save("seg-b", "{\"in_segment\": \"seg-c\"}");
    save("seg-c", "{\"in_segment\": \"seg-a\"}");
    save("seg-a", "{\"has_identifier\": \"email\"}");

    assertRefused(
            () ->
                define(
                    "seg-a",
                    "{\"and\": [{\"has_identifier\": \"email\"}, {\"in_segment\": \"seg-b\"}]}"),
            "condition.and[1].in_segment")
        .hasMessageContaining(
            "makes a cycle of segment references: seg-a -> seg-b -> seg-c -> seg-a");
  }

  @Test
  void aCycleAmongSavedSegmentsIsRefusedInsteadOfLoopingForever() {
    save("seg-x", "{\"in_segment\": \"seg-y\"}");
    save("seg-y", "{\"in_segment\": \"seg-x\"}");

    assertRefused(() -> define(null, "{\"in_segment\": \"seg-x\"}"), "condition.in_segment")
        .hasMessageContaining("this segment -> seg-x -> seg-y -> seg-x");
  }

  @Test
  void referencesNestEightDeepAndNoDeeper() {
    save("seg-1", "{\"has_identifier\": \"email\"}");
    for (int i = 2; i <= 9; i++) {
      save("seg-" + i, "{\"in_segment\": \"seg-" + (i - 1) + "\"}");
    }

    assertThat(define(null, "{\"in_segment\": \"seg-8\"}")).isNotNull();
    assertRefused(() -> define(null, "{\"in_segment\": \"seg-9\"}"), "condition.in_segment")
        .hasMessageContaining("nested more than 8 deep (seg-9 -> seg-8 -> seg-7");
  }

  @Test
  void theDepthLimitHoldsThroughAnAlreadyExploredBranch() {
    save("seg-1", "{\"has_identifier\": \"email\"}");
    for (int i = 2; i <= 8; i++) {
      save("seg-" + i, "{\"in_segment\": \"seg-" + (i - 1) + "\"}");
    }
    save("seg-top", "{\"in_segment\": \"seg-8\"}");

    assertRefused(
            () ->
                define(
                    null, "{\"or\": [{\"in_segment\": \"seg-8\"}, {\"in_segment\": \"seg-top\"}]}"),
            "condition.or[1].in_segment")
        .hasMessageContaining("nested more than 8 deep");
  }

  @Test
  void aSavedSegmentUsedManyTimesIsLookedUpOnce() {
    save("seg-base", "{\"has_identifier\": \"email\"}");
    StringBuilder wide = new StringBuilder("{\"or\": [");
    for (int i = 0; i < 20; i++) {
      save(
          "seg-w" + i,
          "{\"and\": [{\"in_segment\": \"seg-base\"}, {\"has_identifier\": \"phone\"}]}");
      wide.append(i == 0 ? "" : ",").append("{\"in_segment\": \"seg-w").append(i).append("\"}");
    }
    AtomicInteger lookups = new AtomicInteger();
    SegmentLookup counting =
        id -> {
          lookups.incrementAndGet();
          return Optional.ofNullable(saved.get(id));
        };

    SegmentDefinitions.parse(definition(wide + "]}"), SegmentContext.newSegment(FIELDS, counting));

    assertThat(lookups.get()).isEqualTo(21);
  }

  private void save(String id, String condition) {
    saved.put(id, SegmentDefinitions.parseStored(definition(condition), FIELDS));
  }

  private SegmentDefinition define(String id, String condition) {
    SegmentLookup lookup = SegmentLookup.of(saved);
    SegmentContext context =
        id == null
            ? SegmentContext.newSegment(FIELDS, lookup)
            : SegmentContext.existingSegment(id, FIELDS, lookup);
    return SegmentDefinitions.parse(definition(condition), context);
  }
}
