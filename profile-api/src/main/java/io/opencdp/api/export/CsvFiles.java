package io.opencdp.api.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Export files: UTF-8, RFC 4180 quoting, a header row, {@code \n} line ends; written to a temporary
 * file next to the target and moved over it, so a failed export leaves no half file.
 */
final class CsvFiles {
  private CsvFiles() {}

  /** Writes {@code header} and {@code rows} to {@code path}; the number of rows written. */
  static long write(Path path, List<String> header, Iterable<List<String>> rows) {
    Path target = path.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      long count = 0;
      try {
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          line(out, header);
          for (List<String> row : rows) {
            line(out, row);
            count++;
          }
        }
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The sibling file of removals: {@code <path without .csv>.removes.csv}. */
  static Path removesOf(Path path) {
    String name = path.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return path.resolveSibling(stem + ".removes.csv");
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void line(Writer out, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(values.get(i)));
    }
    out.write('\n');
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
