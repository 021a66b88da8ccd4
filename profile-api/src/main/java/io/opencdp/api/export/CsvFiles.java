package io.opencdp.api.export;

import io.opencdp.schemas.audience.AudienceCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Export files ({@link AudienceCsv}: UTF-8, RFC 4180 quoting, a header row, {@code \n} line ends),
 * written to a temporary file next to the target and moved over it, so a failed export leaves no
 * half file.
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
        try (AudienceCsv out =
            new AudienceCsv(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), header)) {
          rows.forEach(out::row);
          count = out.rows();
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
}
