package io.opencdp.jobs.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Rewrites a text file line by line, every byte of the lines kept left as it was (line ends
 * included): a removed line is either dropped or blanked (its bytes gone, its line end kept, so the
 * lines after it keep their numbers). Written to a hidden temporary file and moved over the
 * original; an unchanged file is not touched.
 */
final class LineFiles {
  /** What to do with one line. */
  enum Action {
    KEEP,
    BLANK,
    DROP
  }

  /** Decides on a line: its 1-based number and its text (without the line end). */
  interface Decider {
    Action decide(long line, String text);
  }

  private LineFiles() {}

  /** Rewrites {@code file} (gzipped when {@code gzip}); the number of lines removed. */
  static long rewrite(Path file, boolean gzip, Decider decider) {
    try {
      byte[] bytes;
      try (InputStream in = open(file, gzip)) {
        bytes = in.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      long removed = 0;
      long line = 0;
      int start = 0;
      while (start < bytes.length) {
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
          end++;
        }
        int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        int next = end < bytes.length ? end + 1 : end;
        line++;
        String text = new String(bytes, start, contentEnd - start, StandardCharsets.UTF_8);
        Action action = text.isEmpty() ? Action.KEEP : decider.decide(line, text);
        switch (action) {
          case KEEP -> out.write(bytes, start, next - start);
          case BLANK -> out.write(bytes, contentEnd, next - contentEnd);
          case DROP -> {}
        }
        if (action != Action.KEEP) {
          removed++;
        }
        start = next;
      }
      if (removed > 0) {
        replace(file, gzip, out.toByteArray());
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path file, boolean gzip) throws IOException {
    InputStream in = Files.newInputStream(file);
    return gzip ? new GZIPInputStream(in) : in;
  }

  private static void replace(Path file, boolean gzip, byte[] content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out =
          gzip ? new GZIPOutputStream(Files.newOutputStream(temp)) : Files.newOutputStream(temp)) {
        out.write(content);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
