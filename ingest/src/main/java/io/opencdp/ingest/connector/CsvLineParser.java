package io.opencdp.ingest.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical CSV line into fields by RFC 4180: a field that starts with a double quote is
 * quoted and ends at the next lone quote ({@code ""} inside it is one quote); the delimiter and
 * quotes inside a quoted field are data. An unquoted field is taken literally, quotes included. An
 * unterminated quoted field or text after a closing quote is {@code csv_malformed}. Records
 * spanning lines are not supported: the landing format is one record per physical line.
 */
final class CsvLineParser {
  private CsvLineParser() {}

  static List<String> parse(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int n = line.length();
    int i = 0;
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        int start = i;
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (!closed) {
          throw new RecordException(
              ReasonCodes.CSV_MALFORMED,
              "column "
                  + (fields.size() + 1)
                  + " opens a quote at character "
                  + (start + 1)
                  + " that is never closed");
        }
        if (i < n && line.charAt(i) != delimiter) {
          throw new RecordException(
              ReasonCodes.CSV_MALFORMED,
              "column "
                  + (fields.size() + 1)
                  + " has text after its closing quote at character "
                  + (i + 1));
        }
      } else {
        while (i < n && line.charAt(i) != delimiter) {
          field.append(line.charAt(i));
          i++;
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the delimiter
    }
  }
}
