package io.opencdp.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.audience.AudienceMember;
import io.opencdp.schemas.privacy.ConsentRecord;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping from a profile document (docs/profile-store.md, "Profile documents") to what an
 * export reads: {@code emails[].value} (primary first, by {@code is_primary}), {@code
 * phones[].value}, {@code customer_ids[].value}, the surviving {@code first_name}, {@code
 * last_name}, {@code address} ({@code city}, {@code region}, {@code postal_code}, {@code country}),
 * {@code birth_date}, {@code gender} ({@code .value} of each), {@code consent} and {@code
 * identifiers.<type>}.
 */
public final class AudienceMembers {
  private AudienceMembers() {}

  /** The export's view of the profile document {@code doc}. */
  public static ExportProfile from(ObjectNode doc) {
    JsonNode address = doc.path("address").path("value");
    AudienceMember member =
        new AudienceMember(
            doc.path("profile_id").asText(),
            contactPoints(doc.path("emails")),
            contactPoints(doc.path("phones")),
            contactPoints(doc.path("customer_ids")),
            text(doc.path("first_name").path("value")),
            text(doc.path("last_name").path("value")),
            text(address.path("city")),
            text(address.path("region")),
            text(address.path("postal_code")),
            text(address.path("country")),
            date(doc.path("birth_date").path("value")),
            text(doc.path("gender").path("value")));
    List<ExportProfile.Identifier> identifiers = new ArrayList<>();
    doc.path("identifiers")
        .fields()
        .forEachRemaining(
            type ->
                values(type.getValue())
                    .forEach(v -> identifiers.add(new ExportProfile.Identifier(type.getKey(), v))));
    return new ExportProfile(member, ConsentRecord.fromDocument(doc.get("consent")), identifiers);
  }

  /** The values of a contact-point list, the primary ones first, otherwise in stored order. */
  private static List<String> contactPoints(JsonNode list) {
    List<String> primary = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (JsonNode point : list) {
      String value = text(point.path("value"));
      if (value != null) {
        (point.path("is_primary").asBoolean(false) ? primary : others).add(value);
      }
    }
    primary.addAll(others);
    return primary;
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> addText(values, v));
    } else {
      addText(values, node);
    }
    return values;
  }

  private static void addText(List<String> values, JsonNode node) {
    String text = text(node);
    if (text != null) {
      values.add(text);
    }
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }

  private static LocalDate date(JsonNode node) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
