package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Members.index;
import static io.opencdp.schemas.segment.Members.join;
import static io.opencdp.schemas.segment.SegmentErrors.bad;
import static io.opencdp.schemas.segment.SegmentErrors.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code {"field": F, "op": OP, "value": V}} against a field catalog: the field must exist,
 * the operator must be one its type allows, and the value must have its type and arity.
 */
final class ComparisonParser {
  static final List<String> MEMBERS = List.of("field", "op", "value");

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String DATE_FORMS = "a date yyyy-MM-dd or {\"days_ago\": N}";

  /**
   * One field catalog: how to find a field, what to call the catalog in messages, its fields, and
   * whether it has {@code custom_traits.<name>} fields.
   */
  record Catalog(
      Function<String, Optional<Field>> lookup,
      String what,
      List<Field> fields,
      boolean customTraits) {
    static Catalog of(ProfileFields fields) {
      return new Catalog(fields::find, "a profile field", fields.all(), true);
    }

    static final Catalog EVENT =
        new Catalog(EventFields::find, "an event field", EventFields.ALL, false);
  }

  private ComparisonParser() {}

  /** The comparison at {@code path}, an object known to hold only {@link #MEMBERS}. */
  static FieldCondition comparison(JsonNode node, String path, Catalog catalog) {
    Members.only(node, path, MEMBERS, "a field comparison");
    String fieldPath = join(path, "field");
    String name =
        Members.text(
            Members.required(node, path, "field", "the field to compare"),
            fieldPath,
            "the name of " + catalog.what());
    Field field =
        catalog.lookup().apply(name).orElseThrow(() -> unknownField(fieldPath, name, catalog));
    String opPath = join(path, "op");
    JsonNode opNode = Members.required(node, path, "op", "the operator");
    Operator op =
        Optional.ofNullable(opNode.isTextual() ? opNode.textValue() : null)
            .flatMap(Operator::fromWireName)
            .orElseThrow(
                () ->
                    bad(
                        opPath,
                        "must be one of " + Operator.allWireNames() + ", got " + show(opNode)));
    if (!field.type().allows(op)) {
      throw bad(
          opPath,
          "must be one of "
              + Operator.wireNames(field.type().operators())
              + " for "
              + field.type().wireName()
              + " field '"
              + field.name()
              + "', got '"
              + op.wireName()
              + "'");
    }
    return new FieldCondition(field, op, values(node.get("value"), join(path, "value"), field, op));
  }

  private static List<Value> values(JsonNode node, String path, Field field, Operator op) {
    if (op.arity() == Operator.Arity.NONE) {
      if (node != null) {
        throw bad(path, "must be absent for op '" + op.wireName() + "'");
      }
      return List.of();
    }
    if (node == null) {
      throw bad(path, "is required for op '" + op.wireName() + "'");
    }
    return switch (op.arity()) {
      case ONE -> List.of(value(node, path, field));
      case TWO -> between(node, path, field);
      case MANY -> {
        Members.array(node, path, 1, SegmentLimits.MAX_IN_VALUES, "values");
        List<Value> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          values.add(value(node.get(i), index(path, i), field));
        }
        yield values;
      }
      case NONE -> throw new AssertionError(op);
    };
  }

  private static List<Value> between(JsonNode node, String path, Field field) {
    if (node == null || !node.isArray() || node.size() != 2) {
      throw bad(path, "must be [low, high] for op 'between', got " + show(node));
    }
    Value low = value(node.get(0), index(path, 0), field);
    Value high = value(node.get(1), index(path, 1), field);
    if (outOfOrder(low, high)) {
      throw bad(path, "must be [low, high] with low <= high, got " + node);
    }
    return List.of(low, high);
  }

  /**
   * Whether {@code low > high}. Only values of the same kind compare: a date and a {@code days_ago}
   * (or a date and an instant) order differently from day to day, so such a pair is accepted.
   */
  private static boolean outOfOrder(Value low, Value high) {
    if (low instanceof NumberValue l && high instanceof NumberValue h) {
      return l.number().compareTo(h.number()) > 0;
    }
    if (low instanceof DateValue l && high instanceof DateValue h) {
      return l.date().isAfter(h.date());
    }
    if (low instanceof InstantValue l && high instanceof InstantValue h) {
      return l.instant().isAfter(h.instant());
    }
    if (low instanceof DaysAgo l && high instanceof DaysAgo h) {
      return l.days() < h.days();
    }
    return false;
  }

  /** One value of the field's type. */
  static Value value(JsonNode node, String path, Field field) {
    return switch (field.type()) {
      case TEXT, TEXT_LIST -> text(node, path);
      case NUMBER -> number(node, path, field.integer());
      case BOOLEAN -> {
        if (node == null || !node.isBoolean()) {
          throw bad(path, "must be true or false, got " + show(node));
        }
        yield new BooleanValue(node.booleanValue());
      }
      case DATE -> {
        if (node != null && node.isObject()) {
          yield daysAgo(node, path);
        }
        yield new DateValue(date(node, path, "must be " + DATE_FORMS));
      }
      case TIME -> time(node, path);
    };
  }

  private static TextValue text(JsonNode node, String path) {
    if (node == null
        || !node.isTextual()
        || node.textValue().isEmpty()
        || Members.length(node.textValue()) > SegmentLimits.MAX_TEXT_LENGTH) {
      throw bad(
          path,
          "must be a string of 1 to "
              + SegmentLimits.MAX_TEXT_LENGTH
              + " characters, got "
              + show(node));
    }
    return new TextValue(node.textValue());
  }

  private static NumberValue number(JsonNode node, String path, boolean integer) {
    BigDecimal value = Members.decimal(node);
    if (value == null) {
      throw bad(path, "must be a number, got " + show(node));
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (Members.integerDigits(stripped) > SegmentLimits.MAX_INTEGER_DIGITS
        || stripped.scale() > SegmentLimits.MAX_DECIMAL_PLACES) {
      throw bad(
          path,
          "must be a number of at most "
              + SegmentLimits.MAX_INTEGER_DIGITS
              + " integer digits and "
              + SegmentLimits.MAX_DECIMAL_PLACES
              + " decimal places, got "
              + show(node));
    }
    if (integer && stripped.scale() > 0) {
      throw bad(path, "must be an integer (the field counts whole things), got " + show(node));
    }
    return new NumberValue(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
  }

  private static Value time(JsonNode node, String path) {
    String forms = "must be an ISO-8601 instant such as 2026-11-01T09:30:00Z, " + DATE_FORMS;
    if (node != null && node.isObject()) {
      return daysAgo(node, path);
    }
    if (node != null && node.isTextual() && DATE.matcher(node.textValue()).matches()) {
      return new DateValue(date(node, path, forms));
    }
    if (node == null || !node.isTextual()) {
      throw bad(path, forms + ", got " + show(node));
    }
    Instant instant;
    try {
      instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(node.textValue(), Instant::from);
    } catch (DateTimeException e) {
      throw bad(path, forms + ", got " + show(node));
    }
    if (instant.getNano() % 1_000_000 != 0) {
      throw bad(path, "must be an instant to the millisecond at most, got " + show(node));
    }
    return new InstantValue(instant);
  }

  /** A {@code yyyy-MM-dd} date at {@code path}. */
  static LocalDate date(JsonNode node, String path, String expected) {
    if (node != null && node.isTextual() && DATE.matcher(node.textValue()).matches()) {
      try {
        return LocalDate.parse(node.textValue());
      } catch (DateTimeException e) {
        // an impossible date such as 2026-02-30: refused below
      }
    }
    throw bad(path, expected + ", got " + show(node));
  }

  private static DaysAgo daysAgo(JsonNode node, String path) {
    Members.only(node, path, List.of("days_ago"), "{\"days_ago\": N}");
    JsonNode days = Members.required(node, path, "days_ago", "the number of days before today");
    return new DaysAgo(
        Members.integer(days, join(path, "days_ago"), 0, SegmentLimits.MAX_DAYS_AGO));
  }

  private static RuntimeException unknownField(String path, String name, Catalog catalog) {
    String got = ", got '" + SegmentErrors.cut(name) + "'";
    List<Field> customTraits = catalog.fields().stream().filter(Field::isCustomTrait).toList();
    if (catalog.customTraits() && name.startsWith(ProfileFields.CUSTOM_TRAIT_PREFIX)) {
      return bad(
          path,
          "must name a custom trait of profiles.custom_traits ("
              + (customTraits.isEmpty() ? "none is configured" : names(customTraits))
              + ")"
              + got);
    }
    return bad(path, "must be " + catalog.what() + " (" + names(catalog.fields()) + ")" + got);
  }

  private static String names(List<Field> fields) {
    StringBuilder out = new StringBuilder();
    for (Field field : fields) {
      out.append(out.length() == 0 ? "" : ", ").append(field.name());
    }
    return out.toString();
  }
}
