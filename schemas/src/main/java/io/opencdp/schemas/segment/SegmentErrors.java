package io.opencdp.schemas.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;

/** The refusals of a definition: {@code BAD_ARGUMENT} naming the JSON path of the member. */
final class SegmentErrors {
  private static final int SHOWN_CHARACTERS = 60;

  private SegmentErrors() {}

  /** {@code field '<path>' <problem>}, with {@code path} as the error's parameter. */
  static CdpException bad(String path, String problem) {
    return new CdpException(ErrorCode.BAD_ARGUMENT, "field '" + path + "' " + problem, path, null);
  }

  /** An error about the definition as a whole (no member to name). */
  static CdpException whole(String message) {
    return new CdpException(ErrorCode.BAD_ARGUMENT, message);
  }

  /** How a value is quoted in a message: short, and never the whole of a long input. */
  static String show(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array of " + node.size();
    }
    if (node.isTextual()) {
      return "'" + cut(node.textValue()) + "'";
    }
    return cut(node.toString());
  }

  static String cut(String text) {
    return text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "...";
  }
}
