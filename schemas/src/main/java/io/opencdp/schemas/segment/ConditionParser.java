package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Members.index;
import static io.opencdp.schemas.segment.Members.join;
import static io.opencdp.schemas.segment.SegmentErrors.bad;
import static io.opencdp.schemas.segment.SegmentErrors.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.config.PrivacyConfig.ConsentPurpose;
import io.opencdp.schemas.event.ConsentChange;
import io.opencdp.schemas.event.EventTypes;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.privacy.ConsentPurposes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads one condition tree strictly, depth first in document order, so the first error reported is
 * the first one in the document: every object has exactly one shape, no member the language does
 * not define, the depth and node limits hold. One instance per definition (it counts the nodes).
 */
final class ConditionParser {
  static final List<String> SHAPES =
      List.of("and", "or", "not", "field", "has_identifier", "consent", "in_segment", "event");
  private static final String SHAPE_LIST =
      "and, or, not, field/op/value, has_identifier, consent, in_segment, event";
  private static final List<String> EVENT_MEMBERS =
      List.of("type", "where", "count", "within_last_days", "between");
  private static final String IDENTIFIER_TYPES =
      Arrays.stream(IdentifierType.values())
          .map(IdentifierType::wireName)
          .collect(Collectors.joining(", "));

  private final ComparisonParser.Catalog profileFields;
  private final ConsentPurposes consentPurposes;
  private int conditions;

  ConditionParser(ProfileFields fields) {
    this.profileFields = ComparisonParser.Catalog.of(fields);
    this.consentPurposes = fields.consentPurposes();
  }

  /** The condition at {@code path}, at nesting {@code depth} (the top condition is at 1). */
  Condition condition(JsonNode node, String path, int depth) {
    if (depth > SegmentLimits.MAX_DEPTH) {
      throw bad(
          path,
          "is nested "
              + depth
              + " deep; conditions nest at most "
              + SegmentLimits.MAX_DEPTH
              + " deep");
    }
    count(path);
    Members.object(node, path, "a condition object (" + SHAPE_LIST + ")");
    List<String> names = Members.names(node);
    if (names.isEmpty()) {
      throw bad(path, "must be a condition (" + SHAPE_LIST + "), got an empty object");
    }
    if (names.stream().anyMatch(ComparisonParser.MEMBERS::contains)) {
      for (String name : names) {
        if (!ComparisonParser.MEMBERS.contains(name) && SHAPES.contains(name)) {
          throw bad(path, "must hold one condition, got a field comparison and '" + name + "'");
        }
      }
      return ComparisonParser.comparison(node, path, profileFields);
    }
    for (String name : names) {
      if (!SHAPES.contains(name)) {
        throw bad(
            join(path, name),
            "is not part of the condition language; a condition is one of " + SHAPE_LIST);
      }
    }
    if (names.size() > 1) {
      throw bad(path, "must hold one condition, got " + String.join(" and ", names));
    }
    String shape = names.get(0);
    JsonNode body = node.get(shape);
    String bodyPath = join(path, shape);
    return switch (shape) {
      case "and" -> new And(children(body, bodyPath, depth));
      case "or" -> new Or(children(body, bodyPath, depth));
      case "not" -> new Not(condition(body, bodyPath, depth + 1));
      case "has_identifier" -> hasIdentifier(body, bodyPath);
      case "consent" -> consent(body, bodyPath);
      case "in_segment" -> inSegment(body, bodyPath);
      case "event" -> event(body, bodyPath);
      default -> throw new AssertionError(shape);
    };
  }

  private void count(String path) {
    conditions++;
    if (conditions > SegmentLimits.MAX_CONDITIONS) {
      throw bad(
          path,
          "is condition number "
              + conditions
              + "; a definition holds at most "
              + SegmentLimits.MAX_CONDITIONS
              + " conditions");
    }
  }

  private List<Condition> children(JsonNode node, String path, int depth) {
    Members.array(node, path, 1, SegmentLimits.MAX_CHILDREN, "conditions");
    List<Condition> children = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      children.add(condition(node.get(i), index(path, i), depth + 1));
    }
    return children;
  }

  private static HasIdentifier hasIdentifier(JsonNode node, String path) {
    String expected = "one of " + IDENTIFIER_TYPES;
    String name = Members.text(node, path, expected);
    return Arrays.stream(IdentifierType.values())
        .filter(type -> type.wireName().equals(name))
        .findFirst()
        .map(HasIdentifier::new)
        .orElseThrow(() -> bad(path, "must be " + expected + ", got " + show(node)));
  }

  /**
   * {@code {"purpose": P, "channel": CH}}, or {@code {"purpose": NAME}}: without a channel, a
   * configured named purpose ({@code privacy.purposes}, e.g. {@code marketing_email}) stands for
   * its (purpose, channel); any other purpose is the purpose as a whole.
   */
  private ConsentCondition consent(JsonNode node, String path) {
    Members.object(node, path, "{\"purpose\": P, \"channel\": CH}");
    Members.only(node, path, List.of("purpose", "channel"), "a consent condition");
    String purposePath = join(path, "purpose");
    String purposeForm =
        "a consent purpose such as marketing, analytics, personalization or email_group:<id>";
    String purpose =
        Members.text(
            Members.required(node, path, "purpose", "the consent purpose"),
            purposePath,
            purposeForm);
    if (!ConsentChange.isPurpose(purpose)) {
      throw bad(purposePath, "must be " + purposeForm + ", got " + show(node.get("purpose")));
    }
    JsonNode channelNode = node.get("channel");
    if (channelNode == null) {
      ConsentPurpose named = consentPurposes.resolve(purpose);
      return new ConsentCondition(named.purpose(), named.channel());
    }
    String channelPath = join(path, "channel");
    String channelForm = "a contact channel such as email, sms, phone or push";
    String channel = Members.text(channelNode, channelPath, channelForm);
    if (!ConsentChange.isChannel(channel)) {
      throw bad(channelPath, "must be " + channelForm + ", got " + show(channelNode));
    }
    return new ConsentCondition(purpose, channel);
  }

  private static InSegment inSegment(JsonNode node, String path) {
    String form = "a segment id";
    String id = Members.text(node, path, form);
    if (id.isBlank() || Members.length(id) > SegmentLimits.MAX_TEXT_LENGTH) {
      throw bad(path, "must be " + form + " of 1 to 256 characters, got " + show(node));
    }
    return new InSegment(id);
  }

  private EventCondition event(JsonNode node, String path) {
    Members.object(node, path, "an event condition {\"type\": ..., ...}");
    Members.only(node, path, EVENT_MEMBERS, "an event condition");
    String typePath = join(path, "type");
    JsonNode typeNode = Members.required(node, path, "type", "the event type");
    String expectedType =
        "a canonical event type (" + String.join(", ", EventTypes.CANONICAL) + ")";
    String type = Members.text(typeNode, typePath, expectedType);
    if (!EventTypes.CANONICAL.contains(type)) {
      throw bad(typePath, "must be " + expectedType + ", got " + show(typeNode));
    }
    List<FieldCondition> where = new ArrayList<>();
    JsonNode whereNode = node.get("where");
    if (whereNode != null) {
      String wherePath = join(path, "where");
      Members.array(whereNode, wherePath, 0, SegmentLimits.MAX_WHERE, "comparisons");
      for (int i = 0; i < whereNode.size(); i++) {
        String itemPath = index(wherePath, i);
        count(itemPath);
        JsonNode item =
            Members.object(
                whereNode.get(i),
                itemPath,
                "a comparison {\"field\": F, \"op\": OP, \"value\": V} of an event field");
        where.add(ComparisonParser.comparison(item, itemPath, ComparisonParser.Catalog.EVENT));
      }
    }
    EventCount count = eventCount(node.get("count"), join(path, "count"));
    return new EventCondition(type, where, count, window(node, path));
  }

  private static EventCount eventCount(JsonNode node, String path) {
    if (node == null) {
      return EventCount.AT_LEAST_ONE;
    }
    Members.object(node, path, "{\"gte\": a}, {\"lte\": b} or both");
    Members.only(node, path, List.of("gte", "lte"), "a count");
    if (node.isEmpty()) {
      throw bad(path, "must hold gte, lte or both, got an empty object");
    }
    int max = SegmentLimits.MAX_COUNT;
    int gte = node.has("gte") ? Members.integer(node.get("gte"), join(path, "gte"), 0, max) : 0;
    if (!node.has("lte")) {
      return new EventCount(gte, null);
    }
    String ltePath = join(path, "lte");
    int lte = Members.integer(node.get("lte"), ltePath, 0, max);
    if (lte < gte) {
      throw bad(ltePath, "must not be less than gte (" + gte + "), got " + lte);
    }
    return new EventCount(gte, lte);
  }

  private static EventWindow window(JsonNode node, String path) {
    JsonNode within = node.get("within_last_days");
    JsonNode between = node.get("between");
    if (within != null && between != null) {
      throw bad(
          join(path, "between"),
          "cannot be combined with within_last_days; an event condition has one window at most");
    }
    if (within != null) {
      return new EventWindow.WithinLastDays(
          Members.integer(
              within, join(path, "within_last_days"), 1, SegmentLimits.MAX_WITHIN_LAST_DAYS));
    }
    if (between == null) {
      return EventWindow.ALL_TIME;
    }
    String betweenPath = join(path, "between");
    String form = "a date yyyy-MM-dd";
    Members.object(between, betweenPath, "{\"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\"}");
    Members.only(between, betweenPath, List.of("from", "to"), "a between window");
    LocalDate from =
        ComparisonParser.date(
            Members.required(between, betweenPath, "from", "the first day"),
            join(betweenPath, "from"),
            "must be " + form);
    String toPath = join(betweenPath, "to");
    LocalDate to =
        ComparisonParser.date(
            Members.required(between, betweenPath, "to", "the last day"),
            toPath,
            "must be " + form);
    if (to.isBefore(from)) {
      throw bad(toPath, "must not be before from (" + from + "), got '" + to + "'");
    }
    return new EventWindow.Between(from, to);
  }
}
