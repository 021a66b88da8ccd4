package io.opencdp.schemas.segment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A validated segment definition ({@link SegmentDefinitions#parse}). The server's own members
 * ({@code segment_id}, {@code version}, {@code created_at}, ...) are not part of it.
 *
 * @param name 1..200 characters, not blank
 * @param description up to 2,000 characters; null when absent
 * @param languageVersion the version of the condition language it was written in; {@code 1}
 * @param condition who is a member
 */
public record SegmentDefinition(
    String name, String description, int languageVersion, Condition condition)
    implements Serializable {
  public SegmentDefinition {
    requireNonNull(name, "name is null");
    if (name.isBlank() || name.codePointCount(0, name.length()) > SegmentLimits.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be 1 to 200 characters, not blank");
    }
    if (description != null
        && description.codePointCount(0, description.length())
            > SegmentLimits.MAX_DESCRIPTION_LENGTH) {
      throw new IllegalArgumentException("description is longer than 2000 characters");
    }
    if (languageVersion != SegmentLimits.LANGUAGE_VERSION) {
      throw new IllegalArgumentException("language_version must be 1, got " + languageVersion);
    }
    requireNonNull(condition, "condition is null");
  }

  /**
   * The ids of the segments the condition references directly ({@code in_segment}), in document
   * order.
   */
  public Set<String> references() {
    return Collections.unmodifiableSet(
        new LinkedHashSet<>(Conditions.references(condition, "condition").values()));
  }

  /**
   * Every {@code in_segment} of the condition in document order: the JSON path of its member (e.g.
   * {@code condition.and[3].not.in_segment}) to the referenced segment id.
   */
  public Map<String, String> referencePaths() {
    return Collections.unmodifiableMap(Conditions.references(condition, "condition"));
  }
}
