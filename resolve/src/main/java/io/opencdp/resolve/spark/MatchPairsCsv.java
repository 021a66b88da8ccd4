package io.opencdp.resolve.spark;

import io.opencdp.resolve.match.Comparisons;
import io.opencdp.resolve.match.FieldComparison;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * Scored pairs as one CSV file (RFC 4180, UTF-8, header first) a person opens in a spreadsheet:
 * {@code left_record, right_record, left_event_id, right_event_id, left_group, right_group,
 * probability, weight}, then one column per compared field holding its level label ({@link
 * FieldComparison#label}). Rows stream from the driver, so the file is not bounded by its memory.
 */
final class MatchPairsCsv {
  private static final List<String> COLUMNS =
      List.of(
          "left_record",
          "right_record",
          "left_event_id",
          "right_event_id",
          "left_group",
          "right_group",
          "probability",
          "weight");

  private MatchPairsCsv() {}

  /**
   * Writes the pairs (scored rows with event ids, {@link MatchRecords#withEventIds}) to {@code
   * file}, replacing it only once complete; returns how many were written.
   */
  static long write(Path file, Iterator<Row> pairs, Comparisons comparisons) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      long written = 0;
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        List<String> header = new ArrayList<>(COLUMNS);
        for (FieldComparison c : comparisons.fields()) {
          header.add(c.field().wireName());
        }
        line(out, header);
        while (pairs.hasNext()) {
          Row r = pairs.next();
          List<String> cells = new ArrayList<>();
          cells.add(r.getAs("left_id"));
          cells.add(r.getAs("right_id"));
          cells.add(r.getAs("left_event_id"));
          cells.add(r.getAs("right_event_id"));
          cells.add(r.getAs("left_group"));
          cells.add(r.getAs("right_group"));
          cells.add(String.format(Locale.ROOT, "%.6f", r.<Double>getAs("probability")));
          cells.add(String.format(Locale.ROOT, "%.3f", r.<Double>getAs("weight")));
          cells.addAll(comparisons.labels(MatchLinkRows.levels(r)).values());
          line(out, cells);
          written++;
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void line(BufferedWriter out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
