package io.opencdp.ingest.connector;

import io.opencdp.schemas.config.CsvFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file's header checked against the source's mapping: every mapped column must be in it,
 * once. Column names are compared after trimming surrounding whitespace.
 */
final class CsvHeader {
  private final List<String> columns;
  private final Map<String, Integer> indexes;

  private CsvHeader(List<String> columns, Map<String, Integer> indexes) {
    this.columns = columns;
    this.indexes = indexes;
  }

  /** The header, or a {@code csv_header_mismatch} / {@code csv_malformed} exception saying why. */
  static CsvHeader read(String line, CsvFormat format) {
    if (line == null || line.isBlank()) {
      throw new RecordException(ReasonCodes.CSV_HEADER_MISMATCH, "the file has no header row");
    }
    List<String> columns =
        CsvLineParser.parse(line, format.delimiter()).stream().map(String::strip).toList();
    Map<String, Integer> indexes = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (indexes.putIfAbsent(columns.get(i), i) != null) {
        throw new RecordException(
            ReasonCodes.CSV_HEADER_MISMATCH,
            "header column '" + columns.get(i) + "' appears more than once");
      }
    }
    format
        .columns()
        .forEach(
            (field, column) -> {
              if (!indexes.containsKey(column)) {
                throw new RecordException(
                    ReasonCodes.CSV_HEADER_MISMATCH,
                    "header has no column '"
                        + column
                        + "' (csv_mapping."
                        + field
                        + "); header columns: "
                        + String.join(", ", columns));
              }
            });
    return new CsvHeader(columns, indexes);
  }

  int size() {
    return columns.size();
  }

  int index(String column) {
    return indexes.get(column);
  }

  String column(int index) {
    return columns.get(index);
  }
}
