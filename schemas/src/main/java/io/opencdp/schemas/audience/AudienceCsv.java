package io.opencdp.schemas.audience;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an audience file: RFC 4180 CSV, a header row first, {@code \n} line ends. A cell is quoted
 * (with inner quotes doubled) when it holds a comma, a quote, a CR or an LF, and written as it is
 * otherwise. {@link #create} opens a file as UTF-8; a caller that passes its own writer opens it as
 * UTF-8. Closing this closes the writer. Write failures are {@link UncheckedIOException}s, so rows
 * can be written from a callback.
 */
public final class AudienceCsv implements Closeable {
  private final Writer out;
  private final int columns;
  private long rows;

  /** Writes {@code header} to {@code out}. */
  public AudienceCsv(Writer out, List<String> header) {
    this.out = requireNonNull(out, "out is null");
    this.columns = header.size();
    write(header);
  }

  /** A writer of {@code layout}'s file: its header, then {@link #row} per member. */
  public static AudienceCsv of(Writer out, AudienceLayout layout) {
    return new AudienceCsv(out, layout.header());
  }

  /** Creates (or replaces) {@code file}, UTF-8, and writes {@code layout}'s header to it. */
  public static AudienceCsv create(Path file, AudienceLayout layout) {
    try {
      return of(Files.newBufferedWriter(file, StandardCharsets.UTF_8), layout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes one row; it must have as many cells as the header. */
  public void row(List<String> cells) {
    if (cells.size() != columns) {
      throw new IllegalArgumentException(
          "a row has " + cells.size() + " cells, the header " + columns);
    }
    write(cells);
    rows++;
  }

  /** Rows written so far, the header not counted. */
  public long rows() {
    return rows;
  }

  /** Flushes and closes the writer. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of CSV, without its line end. */
  static String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells.get(i) == null ? "" : cells.get(i);
      if (needsQuotes(cell)) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    return line.toString();
  }

  private static boolean needsQuotes(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  private void write(List<String> cells) {
    try {
      out.write(line(cells));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
