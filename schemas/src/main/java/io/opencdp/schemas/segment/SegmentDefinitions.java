package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.SegmentErrors.bad;
import static io.opencdp.schemas.segment.SegmentErrors.show;
import static io.opencdp.schemas.segment.SegmentErrors.whole;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The entry points of the condition language (docs/segments.md): reads a segment definition's JSON
 * and checks it completely, or refuses it with a {@link CdpException} of code {@code BAD_ARGUMENT}
 * whose {@link CdpException#parameter} is the JSON path of the first offending member (e.g. {@code
 * condition.and[1].event.count.gte}) and whose message says what is wrong with it.
 */
public final class SegmentDefinitions {
  private static final List<String> MEMBERS =
      List.of("name", "description", "language_version", "condition");

  /** Exact numbers, and a member given twice is an error rather than "the last one wins". */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private SegmentDefinitions() {}

  /**
   * Checks a definition as sent (its UTF-8 bytes count against the 64 KiB limit), its segment
   * references included.
   */
  public static SegmentDefinition parse(String json, SegmentContext context) {
    SegmentDefinition definition = parseStored(json, context.fields());
    SegmentReferences.check(definition, context);
    return definition;
  }

  /**
   * Checks a definition already read as JSON (its compact form counts against the 64 KiB limit),
   * its segment references included. Prefer {@link #parse(String, SegmentContext)} on a request
   * body: only the text can show a member given twice.
   */
  public static SegmentDefinition parse(JsonNode json, SegmentContext context) {
    SegmentDefinition definition = parseStored(json, context.fields());
    SegmentReferences.check(definition, context);
    return definition;
  }

  /**
   * Reads a saved definition: every check of the language, but not the references, which were
   * checked when it was saved (a segment another one uses cannot be deleted). For reading back
   * definitions and for the {@link SegmentLookup} of {@link #parse}.
   */
  public static SegmentDefinition parseStored(String json, ProfileFields fields) {
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    checkSize(bytes);
    JsonNode tree;
    try {
      tree = STRICT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CdpException(
          ErrorCode.BAD_ARGUMENT,
          "the segment definition is not valid JSON: " + e.getOriginalMessage() + location(e),
          null,
          e);
    }
    return definition(tree, fields);
  }

  /** {@link #parseStored(String, ProfileFields)} for a definition already read as JSON. */
  public static SegmentDefinition parseStored(JsonNode json, ProfileFields fields) {
    if (json == null || !json.isObject()) {
      throw notAnObject(json);
    }
    try {
      checkSize(Json.mapper().writeValueAsBytes(json).length);
    } catch (JsonProcessingException e) {
      throw whole("the segment definition cannot be written as JSON: " + e.getOriginalMessage());
    }
    return definition(json, fields);
  }

  private static void checkSize(int bytes) {
    if (bytes > SegmentLimits.MAX_DEFINITION_BYTES) {
      throw whole(
          "the segment definition is "
              + bytes
              + " bytes of JSON; a definition holds at most "
              + SegmentLimits.MAX_DEFINITION_BYTES
              + " (64 KiB)");
    }
  }

  private static SegmentDefinition definition(JsonNode root, ProfileFields fields) {
    if (root == null || !root.isObject()) {
      throw notAnObject(root);
    }
    Members.only(root, "", MEMBERS, "a segment definition");
    JsonNode version = root.get("language_version");
    BigDecimal versionNumber = version == null ? null : Members.integral(version);
    if (version != null
        && (versionNumber == null
            || versionNumber.compareTo(BigDecimal.valueOf(SegmentLimits.LANGUAGE_VERSION)) != 0)) {
      throw bad(
          "language_version",
          "must be 1, the only version of the condition language, got " + show(version));
    }
    JsonNode nameNode = Members.required(root, "", "name", "the segment's name");
    String nameForm = "a name of 1 to " + SegmentLimits.MAX_NAME_LENGTH + " characters";
    String name = Members.text(nameNode, "name", nameForm);
    if (name.isBlank() || Members.length(name) > SegmentLimits.MAX_NAME_LENGTH) {
      throw bad("name", "must be " + nameForm + ", not blank, got " + show(nameNode));
    }
    String description = null;
    JsonNode descriptionNode = root.get("description");
    if (descriptionNode != null && !descriptionNode.isNull()) {
      String form = "a text of at most " + SegmentLimits.MAX_DESCRIPTION_LENGTH + " characters";
      description = Members.text(descriptionNode, "description", form);
      if (Members.length(description) > SegmentLimits.MAX_DESCRIPTION_LENGTH) {
        throw bad(
            "description",
            "must be " + form + ", got " + Members.length(description) + " characters");
      }
    }
    JsonNode condition = Members.required(root, "", "condition", "who is a member");
    return new SegmentDefinition(
        name,
        description,
        SegmentLimits.LANGUAGE_VERSION,
        new ConditionParser(fields).condition(condition, "condition", 1));
  }

  private static CdpException notAnObject(JsonNode node) {
    return whole(
        "a segment definition must be a JSON object with name, condition and optionally"
            + " description and language_version, got "
            + show(node));
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
