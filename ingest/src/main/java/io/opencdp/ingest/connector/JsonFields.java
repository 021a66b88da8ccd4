package io.opencdp.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, path-aware reads of a JSON object that remember which fields were mapped, so that {@link
 * #remaining} returns everything else the source sent for the event's {@code custom} map: nothing a
 * source sends is dropped. A type mismatch is a {@code wrong_type} {@link RecordException} naming
 * the field by its dotted path ({@code properties.total}).
 *
 * <p>Optional reads treat a missing field, JSON null and (for strings) a blank string alike: as
 * absent. Reading a field marks it mapped, whatever its value.
 */
final class JsonFields {

  private final ObjectNode node;
  private final String prefix;
  private final Set<String> used = new HashSet<>();
  private final Map<String, JsonFields> objects = new HashMap<>();
  private final Map<String, List<JsonFields>> arrays = new HashMap<>();

  private JsonFields(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  static JsonFields root(ObjectNode node) {
    return new JsonFields(node, "");
  }

  /** The dotted path of a field of this object. */
  String path(String name) {
    return prefix + name;
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  /** An optional string; blank counts as absent. */
  String text(String name) {
    JsonNode value = take(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw RecordException.wrongType(path(name), "a string", describe(value));
    }
    String text = value.textValue();
    return text.isBlank() ? null : text;
  }

  /** An optional string read without marking it mapped: it stays in {@link #remaining}. */
  String peekText(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw RecordException.wrongType(path(name), "a string", describe(value));
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  /** A required string; missing, null or blank is {@code missing_field}. */
  String requiredText(String name) {
    String text = text(name);
    if (text == null) {
      throw RecordException.missing(path(name));
    }
    return text;
  }

  /** A string or a number as text (ids some libraries send as numbers are still ids). */
  String scalarText(String name) {
    JsonNode value = take(name);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue().isBlank() ? null : value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    throw RecordException.wrongType(path(name), "a string or an integer", describe(value));
  }

  /** An optional number, or a string holding a decimal number. */
  BigDecimal decimal(String name) {
    JsonNode value = take(name);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual() && !value.textValue().isBlank()) {
      try {
        return new BigDecimal(value.textValue().strip());
      } catch (NumberFormatException e) {
        // fall through to the type error
      }
    }
    throw RecordException.wrongType(path(name), "a number", describe(value));
  }

  /** An optional whole number that fits in a long. */
  Long integer(String name) {
    JsonNode value = take(name);
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    throw RecordException.wrongType(path(name), "a whole number", describe(value));
  }

  /** An optional boolean. */
  Boolean bool(String name) {
    JsonNode value = take(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw RecordException.wrongType(path(name), "true or false", describe(value));
    }
    return value.booleanValue();
  }

  /** The raw node of a field, marked mapped; null when missing or JSON null. */
  JsonNode node(String name) {
    return take(name);
  }

  /** A nested object; missing or null gives an empty one. Its unmapped fields stay in custom. */
  JsonFields object(String name) {
    JsonFields child = objects.get(name);
    if (child != null) {
      return child;
    }
    JsonNode value = node.get(name);
    if (value != null && !value.isNull() && !value.isObject()) {
      throw RecordException.wrongType(path(name), "an object", describe(value));
    }
    ObjectNode object = value == null || value.isNull() ? node.objectNode() : (ObjectNode) value;
    child = new JsonFields(object, path(name) + ".");
    if (value != null) {
      objects.put(name, child);
    }
    return child;
  }

  /** An array of objects; missing or null gives an empty list. */
  List<JsonFields> objects(String name) {
    List<JsonFields> existing = arrays.get(name);
    if (existing != null) {
      return existing;
    }
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw RecordException.wrongType(path(name), "an array of objects", describe(value));
    }
    List<JsonFields> elements = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isObject()) {
        throw RecordException.wrongType(path(name) + "[" + i + "]", "an object", describe(element));
      }
      elements.add(new JsonFields((ObjectNode) element, path(name) + "[" + i + "]."));
    }
    arrays.put(name, elements);
    return elements;
  }

  /** Field names of this object, in the source's order. */
  List<String> names() {
    List<String> names = new ArrayList<>(node.size());
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Marks fields mapped without reading them. */
  void consume(String... names) {
    used.addAll(List.of(names));
  }

  /**
   * Every field not mapped, as JSON values ({@code String}, {@code Long}, {@code BigInteger},
   * {@code BigDecimal}, {@code Boolean}, null, {@code List}, {@code Map}), in the source's order. A
   * nested object or array that was read contributes only its own unmapped fields, and only when it
   * has some.
   */
  Map<String, Object> remaining() {
    Map<String, Object> rest = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (used.contains(name)) {
        continue;
      }
      JsonFields child = objects.get(name);
      List<JsonFields> elements = arrays.get(name);
      if (child != null) {
        Map<String, Object> childRest = child.remaining();
        if (!childRest.isEmpty()) {
          rest.put(name, childRest);
        }
      } else if (elements != null) {
        List<Object> list = new ArrayList<>(elements.size());
        boolean any = false;
        for (JsonFields element : elements) {
          Map<String, Object> elementRest = element.remaining();
          any |= !elementRest.isEmpty();
          list.add(elementRest);
        }
        if (any) {
          rest.put(name, list);
        }
      } else {
        rest.put(name, toJava(field.getValue()));
      }
    }
    return rest;
  }

  private JsonNode take(String name) {
    used.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** A JSON node as a plain Java value, fractions as exact decimals. */
  static Object toJava(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      BigInteger big = value.bigIntegerValue();
      return big.bitLength() < Long.SIZE ? (Object) big.longValue() : big;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>(value.size());
      value.forEach(element -> list.add(toJava(element)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
    return map;
  }

  /** A value as a message shows it: its type, and short scalars themselves. */
  static String describe(JsonNode value) {
    String type = JsonLines.typeName(value);
    if (value.isValueNode()) {
      String text = value.toString();
      return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
    return type;
  }
}
