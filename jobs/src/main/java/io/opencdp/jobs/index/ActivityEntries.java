package io.opencdp.jobs.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.api.store.ActivityFields;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code activity} entries of one profile document without Spark, as {@link ProfileDocs} builds
 * them with columns: per event {@code occurred_at}, {@code event_type} and every field of the
 * segment event catalog ({@link ActivityFields#eventValue}, the same path the indexer reads as a
 * column), newest first, at most {@link ActivityFields#MAX_EVENTS}. The order mirrors Spark's
 * {@code sort_array(collect_list(struct), false)}: the whole entry compared field by field in
 * catalog order (nulls lowest, strings by code point as UTF-8 bytes compare, lists element by
 * element then by length), descending; entries that compare equal write the same JSON.
 */
final class ActivityEntries {
  private static final Comparator<Entry> ASCENDING =
      (a, b) -> {
        int c = a.occurredAt.compareTo(b.occurredAt);
        if (c == 0) {
          c = compareText(a.eventType, b.eventType);
        }
        for (int i = 0; c == 0 && i < a.values.length; i++) {
          c = compareNodes(a.values[i], b.values[i]);
        }
        return c;
      };

  private final List<Entry> entries;
  private final boolean truncated;

  private ActivityEntries(List<Entry> entries, boolean truncated) {
    this.entries = entries;
    this.truncated = truncated;
  }

  /** The entries of {@code events}: the most recent {@link ActivityFields#MAX_EVENTS}. */
  static ActivityEntries of(Collection<TouchpointEvent> events) {
    List<String> fields = List.copyOf(ActivityFields.docFields().keySet());
    List<Entry> all = new ArrayList<>(events.size());
    for (TouchpointEvent event : events) {
      JsonNode tree = Json.mapper().valueToTree(event);
      JsonNode[] values = new JsonNode[fields.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ActivityFields.eventValue(tree, fields.get(i));
      }
      all.add(new Entry(event.occurredAt(), event.eventType(), values));
    }
    all.sort(ASCENDING.reversed());
    boolean truncated = all.size() > ActivityFields.MAX_EVENTS;
    return new ActivityEntries(
        truncated ? List.copyOf(all.subList(0, ActivityFields.MAX_EVENTS)) : all, truncated);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether the profile had more events than the entries hold. */
  boolean truncated() {
    return truncated;
  }

  /** Writes the entries as the value of the current field: an array of objects. */
  void write(JsonGenerator g) throws IOException {
    List<String> docFields = List.copyOf(ActivityFields.docFields().values());
    g.writeStartArray();
    for (Entry entry : entries) {
      g.writeStartObject();
      g.writeStringField(ActivityFields.OCCURRED_AT, DocFormats.instant(entry.occurredAt));
      if (entry.eventType != null) {
        g.writeStringField(ActivityFields.EVENT_TYPE, entry.eventType);
      }
      for (int i = 0; i < entry.values.length; i++) {
        if (entry.values[i] != null) {
          g.writeFieldName(docFields.get(i));
          writeValue(g, entry.values[i]);
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A value as Spark writes the Delta column: a decimal (a money amount, {@code decimal(18,4)})
   * with four decimal places.
   */
  private static void writeValue(JsonGenerator g, JsonNode value) throws IOException {
    if (value == null || value.isNull()) {
      g.writeNull();
    } else if (value.isArray()) {
      g.writeStartArray();
      for (JsonNode element : value) {
        writeValue(g, element);
      }
      g.writeEndArray();
    } else if (value.isBigDecimal()) {
      g.writeNumber(value.decimalValue().setScale(DocFormats.MONEY_SCALE, RoundingMode.HALF_UP));
    } else if (value.isBoolean()) {
      g.writeBoolean(value.booleanValue());
    } else if (value.isIntegralNumber()) {
      g.writeNumber(value.bigIntegerValue());
    } else if (value.isNumber()) {
      g.writeNumber(value.doubleValue());
    } else if (value.isTextual()) {
      g.writeString(value.textValue());
    } else {
      throw new IllegalArgumentException("not a value of an event field: " + value);
    }
  }

  private static int compareNodes(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull();
    boolean bNull = b == null || b.isNull();
    if (aNull || bNull) {
      return aNull == bNull ? 0 : aNull ? -1 : 1;
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = compareNodes(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
    return compareText(a.asText(), b.asText());
  }

  /** Strings as Spark orders them: by code point (UTF-8 byte order), not by UTF-16 unit. */
  static int compareText(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private record Entry(Instant occurredAt, String eventType, JsonNode[] values) {}
}
