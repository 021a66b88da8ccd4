package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * One record as matching sees it: normalized values of the {@link MatchField}s (null when absent)
 * and the group it already belongs to. Two records of one group are never compared: in a
 * deduplication every record is its own group, in a linkage of two files the group is the file, and
 * in identity resolution it is the profile deterministic stitching already formed.
 *
 * @param id the record's id, unique within a run
 * @param group records of the same group are never paired
 * @param values normalized values indexed by {@link MatchField#ordinal()}; blank means absent
 */
public record MatchRecord(String id, String group, String[] values) implements Serializable {
  public MatchRecord {
    requireNonNull(id, "id is null");
    requireNonNull(group, "group is null");
    requireNonNull(values, "values is null");
    if (values.length != MatchField.count()) {
      throw new IllegalArgumentException(
          "values has " + values.length + " entries, expected " + MatchField.count());
    }
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && values[i].isBlank()) {
        values[i] = null;
      }
    }
  }

  /** A record from a map of the fields it has. */
  public static MatchRecord of(String id, String group, Map<MatchField, String> fields) {
    String[] values = new String[MatchField.count()];
    fields.forEach((field, value) -> values[field.ordinal()] = value);
    return new MatchRecord(id, group, values);
  }

  /**
   * The id a resolve run gives the record of {@code values} within {@code group}: the first 24 hex
   * digits of the SHA-256 of the group, a unit separator, and the values present joined by record
   * separators ({@code MatchInput#records} computes the same in Spark SQL; the stream computes it
   * here, and {@code StreamingResolverSampleTest} checks that both agree). A pair of records is
   * oriented by it, which decides the order of equally strong links under the guard.
   */
  public static String idOf(String group, String[] values) {
    StringBuilder text = new StringBuilder(group).append('\u001f');
    boolean first = true;
    for (String v : values) {
      if (v != null) {
        text.append(first ? "" : "\u001e").append(v);
        first = false;
      }
    }
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** The value of a field, or null. */
  public String get(MatchField field) {
    return values[field.ordinal()];
  }

  String valueAt(int ordinal) {
    return values[ordinal];
  }

  /** The fields that have a value, for logs and explanations. */
  public Map<MatchField, String> present() {
    Map<MatchField, String> map = new EnumMap<>(MatchField.class);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        map.put(MatchField.at(i), values[i]);
      }
    }
    return map;
  }

  @Override
  public String[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MatchRecord r
        && id.equals(r.id)
        && group.equals(r.group)
        && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * id.hashCode() + group.hashCode()) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "MatchRecord[" + id + ", group " + group + ", " + present() + "]";
  }
}
