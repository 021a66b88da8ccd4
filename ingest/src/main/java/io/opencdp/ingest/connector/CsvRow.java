package io.opencdp.ingest.connector;

import io.opencdp.schemas.config.CsvFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One CSV row read through the source's mapping: cells by canonical field, remembering which
 * columns were mapped so the others go to {@code custom} under their header name. Messages name the
 * column and the field it is mapped to.
 */
final class CsvRow {
  private final CsvHeader header;
  private final CsvFormat format;
  private final List<String> cells;
  private final Set<Integer> used = new HashSet<>();

  CsvRow(CsvHeader header, CsvFormat format, List<String> cells) {
    this.header = header;
    this.format = format;
    this.cells = cells;
  }

  /** The field's cell, or null when the field is not mapped or the cell is blank. */
  String text(String field) {
    String column = format.column(field);
    if (column == null) {
      return null;
    }
    int index = header.index(column);
    used.add(index);
    String cell = cells.get(index);
    return cell.isBlank() ? null : cell;
  }

  /** A required field's cell; blank is {@code missing_field}. */
  String required(String field) {
    String value = text(field);
    if (value == null) {
      throw new RecordException(ReasonCodes.MISSING_FIELD, describe(field) + " is empty");
    }
    return value;
  }

  /** How a message names a field: its column, and the field when the two differ. */
  String describe(String field) {
    String column = format.column(field);
    return column == null || column.equals(field)
        ? "column '" + field + "'"
        : "column '" + column + "' (field '" + field + "')";
  }

  /** A {@code wrong_type} failure of a field's cell. */
  RecordException wrongType(String field, String expected, String cell) {
    return new RecordException(
        ReasonCodes.WRONG_TYPE, describe(field) + " must be " + expected + ", got '" + cell + "'");
  }

  /** Unmapped, non-blank columns by header name, in header order. */
  Map<String, Object> remaining() {
    Map<String, Object> rest = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      if (!used.contains(i) && !cells.get(i).isBlank()) {
        rest.put(header.column(i), cells.get(i));
      }
    }
    return rest;
  }
}
