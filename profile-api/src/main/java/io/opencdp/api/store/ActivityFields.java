package io.opencdp.api.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.opencdp.schemas.segment.EventFields;
import io.opencdp.schemas.segment.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code activity} entries of a profile document (docs/profile-store.md): one nested object per
 * event of the profile, with its type, time and every field of the segment event catalog ({@link
 * EventFields}). The one mapping from a catalog field to the document field that holds it and to
 * the column of the Delta {@code events} table it is read from: the indexer writes with it and the
 * segment compiler queries with it.
 */
public final class ActivityFields {
  /** The nested field of the profile document. */
  public static final String PATH = "activity";

  /** The canonical event type of an entry. */
  public static final String EVENT_TYPE = "event_type";

  /** When the event happened. */
  public static final String OCCURRED_AT = "occurred_at";

  /** A profile document flag: its {@code activity} holds only its most recent events. */
  public static final String TRUNCATED = "activity_truncated";

  /**
   * The most events one profile document carries; a profile with more keeps its most recent ones
   * and is flagged {@link #TRUNCATED}.
   */
  public static final int MAX_EVENTS = 20_000;

  /**
   * {@code index.mapping.nested_objects.limit} of the profiles index: {@link #MAX_EVENTS} activity
   * entries plus room for the profile's {@code consent} rows (also nested).
   */
  public static final long NESTED_OBJECTS_LIMIT = MAX_EVENTS + 5_000L;

  /** Catalog fields that are columns of the event itself; the rest are below {@code properties}. */
  private static final Set<String> TOP_LEVEL = Set.of("channel", "source_system", "event_name");

  private static final Map<String, String> DOC_FIELDS;

  static {
    Map<String, String> docFields = new LinkedHashMap<>();
    for (Field field : EventFields.ALL) {
      docFields.put(field.name(), field.name().replace('.', '_'));
    }
    DOC_FIELDS = Collections.unmodifiableMap(docFields);
  }

  private ActivityFields() {}

  /**
   * Catalog field name to the field of an {@code activity} entry ({@code order.total.amount} to
   * {@code order_total_amount}), in catalog order.
   */
  public static Map<String, String> docFields() {
    return DOC_FIELDS;
  }

  /** The field of an {@code activity} entry that holds {@code field}, without the path. */
  public static String docField(Field field) {
    String docField = DOC_FIELDS.get(field.name());
    if (docField == null) {
      throw new IllegalArgumentException("not an event field: " + field.name());
    }
    return docField;
  }

  /** The full path of {@code field} in the profile document, e.g. {@code activity.channel}. */
  public static String path(Field field) {
    return PATH + "." + docField(field);
  }

  /** The full path of one of the entry's own fields ({@link #EVENT_TYPE}, {@link #OCCURRED_AT}). */
  public static String path(String entryField) {
    return PATH + "." + entryField;
  }

  /**
   * The column of the Delta {@code events} table holding the catalog field {@code name} ({@code
   * channel}, {@code properties.order.total.amount}, {@code properties.order.items.sku}: an array
   * of the items' skus).
   */
  public static String eventColumn(String name) {
    if (!DOC_FIELDS.containsKey(name)) {
      throw new IllegalArgumentException("not an event field: " + name);
    }
    return TOP_LEVEL.contains(name) ? name : "properties." + name;
  }

  /**
   * The value of the catalog field {@code name} in an event's JSON form ({@code
   * Json.mapper().valueToTree(event)}), read at the same path as {@link #eventColumn} (the Delta
   * columns are named as the event's JSON) with Spark's semantics: a field of a list of objects is
   * the list of the elements' fields ({@code properties.order.items.sku}: every item's sku), a
   * missing or null step is null. For builders without Spark (the streaming job's profile
   * documents); the indexer reads the same path as a column.
   */
  public static JsonNode eventValue(JsonNode event, String name) {
    JsonNode node = event;
    for (String step : eventColumn(name).split("\\.")) {
      node = step(node, step);
    }
    return node;
  }

  private static JsonNode step(JsonNode node, String field) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode element : node) {
        JsonNode value = step(element, field);
        out.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
      }
      return out;
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }
}
