package io.opencdp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.normalize.EmailNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a caller sees of a stored profile or event document: the one place the API removes and
 * masks.
 *
 * <ul>
 *   <li>Everyone: the query-only fields of a profile document are removed ({@code search}, {@code
 *       delta_version}, {@code birth_date_value}, {@code postal_code}, {@code country}, which
 *       repeat {@code birth_date} and {@code address} for queries, and {@code activity}, {@code
 *       activity_truncated}, {@code consent_granted}, which segment conditions query).
 *   <li>Marketers ({@link #forRole}): every email masked as {@code j***@example.com} and every
 *       phone to its last four digits ({@code ***2000}), with {@link PiiMasker}; the birth date and
 *       the street replaced by {@code ***}. Names, city, region, postal code and country stay
 *       (segmentation needs them). In an event: {@code person.email}, {@code person.phone}, {@code
 *       person.birth_date}, {@code person.address.street}, the raw and normalized values of email
 *       and phone identifiers, and in {@code custom} every value that is an email address or whose
 *       key names a contact or birth field ({@code email}, {@code phone}, {@code mobile}, {@code
 *       street}, {@code address}, {@code birth}).
 * </ul>
 *
 * Documents are copied, never changed in place.
 */
final class ProfileRedactor {
  static final List<String> INTERNAL_PROFILE_FIELDS =
      List.of(
          "search",
          "delta_version",
          "birth_date_value",
          "postal_code",
          "country",
          "activity",
          "activity_truncated",
          "consent_granted");
  private static final Pattern PII_KEY =
      Pattern.compile(".*(email|e_mail|phone|mobile|street|address|birth).*");

  private final boolean mask;
  private final Consumer<String> reads;

  private ProfileRedactor(boolean mask, Consumer<String> reads) {
    this.mask = mask;
    this.reads = reads;
  }

  static ProfileRedactor forRole(ApiConfig.Role role) {
    return new ProfileRedactor(!AuditLog.seesPii(role), id -> {});
  }

  /**
   * This redactor, also telling {@code reads} the {@code profile_id} of every document it answers
   * (the audit log's hook, {@link AuditLog#read}).
   */
  ProfileRedactor recording(Consumer<String> reads) {
    return new ProfileRedactor(mask, reads);
  }

  /** A profile document as the caller may see it. */
  ObjectNode profile(ObjectNode stored) {
    reads.accept(stored.path("profile_id").textValue());
    ObjectNode doc = stored.deepCopy();
    doc.remove(INTERNAL_PROFILE_FIELDS);
    if (!mask) {
      return doc;
    }
    maskValue(doc.get("email"), "value", true);
    maskValue(doc.get("phone"), "value", false);
    for (JsonNode point : doc.path("emails")) {
      maskValue(point, "value", true);
    }
    for (JsonNode point : doc.path("phones")) {
      maskValue(point, "value", false);
    }
    JsonNode identifiers = doc.get("identifiers");
    if (identifiers instanceof ObjectNode ids) {
      maskArray(ids, "email", true);
      maskArray(ids, "phone", false);
    }
    hide(doc.get("birth_date"), "value");
    JsonNode address = doc.get("address");
    if (address != null) {
      hide(address.get("value"), "street");
    }
    return doc;
  }

  /** An event document ({@code cdp-<ws>-events}) as the caller may see it. */
  ObjectNode event(ObjectNode stored) {
    reads.accept(stored.path("profile_id").textValue());
    ObjectNode doc = stored.deepCopy();
    if (!mask || !(doc.get("event") instanceof ObjectNode event)) {
      return doc;
    }
    JsonNode person = event.get("person");
    maskValue(person, "email", true);
    maskValue(person, "phone", false);
    hide(person, "birth_date");
    if (person != null) {
      hide(person.get("address"), "street");
    }
    JsonNode identifiers = event.get("identifiers");
    if (identifiers != null && identifiers.isArray()) {
      for (JsonNode identifier : identifiers) {
        String type = identifier.path("type").asText();
        if (type.equals("email") || type.equals("phone")) {
          maskValue(identifier, "raw", type.equals("email"));
          maskValue(identifier, "normalized", type.equals("email"));
        }
      }
    }
    if (event.get("custom") instanceof ObjectNode custom) {
      maskCustom(custom);
    }
    return doc;
  }

  /** An identifier value echoed to the caller (a lookup's {@code email=...}). */
  String identifier(String type, String value) {
    if (!mask) {
      return value;
    }
    return switch (type) {
      case "email" -> PiiMasker.email(value);
      case "phone" -> PiiMasker.phone(value);
      default -> value;
    };
  }

  private static void maskCustom(ObjectNode node) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      boolean piiKey = PII_KEY.matcher(field.getKey().toLowerCase(Locale.ROOT)).matches();
      if (value instanceof ObjectNode child) {
        maskCustom(child);
      } else if (value instanceof ArrayNode array) {
        maskCustomArray(array, piiKey);
      } else if (value.isTextual()) {
        String text = value.asText();
        if (EmailNormalizer.normalize(text).valid()) {
          field.setValue(TextNode.valueOf(PiiMasker.email(text)));
        } else if (piiKey) {
          String key = field.getKey().toLowerCase(Locale.ROOT);
          boolean phone = key.contains("phone") || key.contains("mobile");
          field.setValue(TextNode.valueOf(phone ? PiiMasker.phone(text) : PiiMasker.MASK));
        }
      } else if (piiKey && !value.isNull()) {
        field.setValue(TextNode.valueOf(PiiMasker.MASK));
      }
    }
  }

  private static void maskCustomArray(ArrayNode array, boolean piiKey) {
    for (int i = 0; i < array.size(); i++) {
      JsonNode value = array.get(i);
      if (value instanceof ObjectNode child) {
        maskCustom(child);
      } else if (value.isTextual() && EmailNormalizer.normalize(value.asText()).valid()) {
        array.set(i, TextNode.valueOf(PiiMasker.email(value.asText())));
      } else if (piiKey && !value.isNull()) {
        array.set(i, TextNode.valueOf(PiiMasker.MASK));
      }
    }
  }

  private static void maskValue(JsonNode parent, String field, boolean email) {
    if (parent instanceof ObjectNode object && object.get(field) != null) {
      JsonNode value = object.get(field);
      if (value.isTextual()) {
        object.put(
            field, email ? PiiMasker.email(value.asText()) : PiiMasker.phone(value.asText()));
      }
    }
  }

  private static void maskArray(ObjectNode parent, String field, boolean email) {
    JsonNode values = parent.get(field);
    if (values instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String value = array.get(i).asText();
        array.set(i, TextNode.valueOf(email ? PiiMasker.email(value) : PiiMasker.phone(value)));
      }
    } else if (values != null && values.isTextual()) {
      maskValue(parent, field, email);
    }
  }

  private static void hide(JsonNode parent, String field) {
    if (parent instanceof ObjectNode object
        && object.get(field) != null
        && !object.get(field).isNull()) {
      object.put(field, PiiMasker.MASK);
    }
  }
}
