package io.opencdp.schemas.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentInlinerTest {
  private static final Condition VIP =
      new HasIdentifier(io.opencdp.schemas.event.IdentifierType.EMAIL);

  @Test
  void inlinesTheCurrentDefinitionThroughNestedReferences() {
    SegmentInliner inliner =
        new SegmentInliner(
            SegmentLookup.of(Map.of("a", segment(new InSegment("b")), "b", segment(VIP))));

    assertThat(walk(inliner, new InSegment("a"))).isEqualTo(VIP);
    // the same reference twice in one walk is not a cycle
    assertThat(walk(inliner, new InSegment("a"))).isEqualTo(VIP);
  }

  @Test
  void anUnknownSegmentOrACycleIsABadArgument() {
    SegmentInliner inliner =
        new SegmentInliner(
            SegmentLookup.of(
                Map.of("a", segment(new InSegment("b")), "b", segment(new InSegment("a")))));

    assertThatThrownBy(() -> walk(inliner, new InSegment("gone")))
        .isInstanceOfSatisfying(
            CdpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
        .hasMessage("the condition references segment 'gone', which does not exist");
    assertThatThrownBy(() -> walk(inliner, new InSegment("a")))
        .isInstanceOf(CdpException.class)
        .hasMessage("segment 'a' references itself through a -> b");
  }

  /** The condition with every reference replaced, as an engine's walk does. */
  private static Condition walk(SegmentInliner inliner, Condition condition) {
    return condition instanceof InSegment reference
        ? inliner.inline(reference, inner -> walk(inliner, inner))
        : condition;
  }

  private static SegmentDefinition segment(Condition condition) {
    return new SegmentDefinition("segment", null, 1, condition);
  }
}
