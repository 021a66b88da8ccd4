package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.SegmentErrors.bad;
import static io.opencdp.schemas.segment.SegmentErrors.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Strict reading of JSON members; every refusal names the member's path. */
final class Members {
  private Members() {}

  /** {@code path.name}, or {@code name} at the top. */
  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  /** The node as an object; else refused as not being {@code what}. */
  static JsonNode object(JsonNode node, String path, String what) {
    if (node == null || !node.isObject()) {
      throw bad(path, "must be " + what + ", got " + show(node));
    }
    return node;
  }

  /** Refuses the first member of {@code object} that is not one of {@code allowed}. */
  static void only(JsonNode object, String path, List<String> allowed, String what) {
    for (String name : names(object)) {
      if (!allowed.contains(name)) {
        throw bad(
            join(path, name),
            "is not a member of " + what + "; its members are " + String.join(", ", allowed));
      }
    }
  }

  /** The member {@code name}, which must be there. */
  static JsonNode required(JsonNode object, String path, String name, String what) {
    JsonNode member = object.get(name);
    if (member == null) {
      throw bad(join(path, name), "is required: " + what);
    }
    return member;
  }

  static String text(JsonNode node, String path, String what) {
    if (node == null || !node.isTextual()) {
      throw bad(path, "must be " + what + ", got " + show(node));
    }
    return node.textValue();
  }

  /** A JSON array of {@code min..max} elements. */
  static JsonNode array(JsonNode node, String path, int min, int max, String what) {
    if (node == null || !node.isArray()) {
      throw bad(path, "must be an array of " + what + ", got " + show(node));
    }
    if (node.size() < min || node.size() > max) {
      throw bad(
          path,
          "must hold "
              + (min == max ? String.valueOf(min) : min + " to " + max)
              + " "
              + what
              + ", got "
              + node.size());
    }
    return node;
  }

  /** An integer in {@code [min, max]}; {@code 2.0} counts as the integer 2. */
  static int integer(JsonNode node, String path, int min, int max) {
    BigDecimal value = integral(node);
    if (value == null
        || value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw bad(path, "must be an integer between " + min + " and " + max + ", got " + show(node));
    }
    return value.intValueExact();
  }

  /** The exact value of a JSON number, or null for anything else (NaN and infinities included). */
  static BigDecimal decimal(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return null;
    }
    return node.decimalValue();
  }

  /** The value of a JSON number that is an integer of at most 18 digits, or null. */
  static BigDecimal integral(JsonNode node) {
    BigDecimal value = decimal(node);
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 0 || integerDigits(stripped) > 18) {
      return null;
    }
    return stripped.setScale(0);
  }

  /** Digits before the decimal point, without writing a huge number out ({@code 1e9999}). */
  static long integerDigits(BigDecimal value) {
    return (long) value.precision() - value.scale();
  }

  /** Characters as a person counts them (code points). */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
