package io.opencdp.schemas.audience;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The internal {@code csv} format: {@code profile_id}, then the chosen fields, unhashed, as the
 * profile holds them. For the lists (emails, phones, customer ids) the primary (first) value. Every
 * member has a row (a profile id is always there).
 */
public final class CsvLayout implements AudienceLayout {
  /** The first column. */
  public static final String PROFILE_ID = "profile_id";

  private static final Map<String, Function<AudienceMember, String>> FIELDS = fields();

  private final List<String> fields;
  private final List<String> header;

  private CsvLayout(List<String> fields) {
    this.fields = List.copyOf(fields);
    List<String> header = new ArrayList<>();
    header.add(PROFILE_ID);
    header.addAll(fields);
    this.header = List.copyOf(header);
  }

  /** The field names {@code --fields} and {@code "fields"} accept, in their default order. */
  public static List<String> fieldNames() {
    return List.copyOf(FIELDS.keySet());
  }

  /**
   * The layout with {@code fields} after {@code profile_id}, in the given order (a repeat counts
   * once); null or empty: all of {@link #fieldNames()}. An unknown name is a {@code BAD_ARGUMENT}
   * naming {@code fields}.
   */
  public static CsvLayout of(List<String> fields) {
    if (fields == null || fields.isEmpty()) {
      return new CsvLayout(fieldNames());
    }
    LinkedHashSet<String> chosen = new LinkedHashSet<>();
    for (String field : fields) {
      String name = field == null ? null : field.strip();
      if (name == null || !FIELDS.containsKey(name)) {
        throw new CdpException(
            ErrorCode.BAD_ARGUMENT,
            "field 'fields' names an unknown field '"
                + field
                + "'; known fields: "
                + String.join(", ", FIELDS.keySet()),
            "fields",
            null);
      }
      chosen.add(name);
    }
    return new CsvLayout(new ArrayList<>(chosen));
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public Optional<List<String>> row(AudienceMember member) {
    List<String> row = new ArrayList<>(header.size());
    row.add(member.profileId());
    for (String field : fields) {
      String value = FIELDS.get(field).apply(member);
      row.add(value == null ? "" : value);
    }
    return Optional.of(List.copyOf(row));
  }

  private static Map<String, Function<AudienceMember, String>> fields() {
    Map<String, Function<AudienceMember, String>> fields = new LinkedHashMap<>();
    fields.put("email", m -> first(m.emails()));
    fields.put("phone", m -> first(m.phones()));
    fields.put("first_name", AudienceMember::firstName);
    fields.put("last_name", AudienceMember::lastName);
    fields.put("city", AudienceMember::city);
    fields.put("region", AudienceMember::region);
    fields.put("postal_code", AudienceMember::postalCode);
    fields.put("country", AudienceMember::country);
    fields.put("birth_date", m -> m.birthDate() == null ? null : m.birthDate().toString());
    fields.put("gender", AudienceMember::gender);
    fields.put("customer_id", m -> first(m.customerIds()));
    return fields;
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}
