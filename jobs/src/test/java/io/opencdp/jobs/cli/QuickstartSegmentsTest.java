package io.opencdp.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opencdp.schemas.segment.ProfileFields;
import io.opencdp.schemas.segment.SegmentContext;
import io.opencdp.schemas.segment.SegmentDefinitions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quickstart's examples stay valid definitions as the language and catalogs change. */
class QuickstartSegmentsTest {
  @Test
  void examplesAreValidDefinitionsNamedAsListed() {
    assertEquals(QuickstartSegments.ORDER.size(), QuickstartSegments.EXAMPLES.size());
    for (String name : QuickstartSegments.ORDER) {
      String json = QuickstartSegments.EXAMPLES.get(name);
      var definition =
          SegmentDefinitions.parse(
              json, SegmentContext.newSegment(ProfileFields.builtIn(), id -> Optional.empty()));
      assertEquals(name, definition.name());
    }
  }
}
