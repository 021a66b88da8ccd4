package io.opencdp.ingest.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opencdp.schemas.normalize.Normalized;
import io.opencdp.schemas.normalize.TimestampNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Rebuilds a {@link DedupIndex} at start from the collector's own finished files in the landing
 * directory that were written within the window (by modification time): every line's {@code
 * messageId} with its {@code receivedAt}. Other files in the directory (exports, generator output)
 * are not the collector's and are left to ingest's merge on messageId. Only the two top-level
 * fields are read; the rest of each line is skipped unparsed.
 */
final class DedupLoader {
  private static final JsonFactory JSON = new JsonFactory();

  private DedupLoader() {}

  /** Adds the recent ids of {@code dir}'s finished files to {@code index}; returns how many. */
  static long load(Path dir, DedupIndex index, Instant now, Duration window) throws IOException {
    Instant since = now.minus(window);
    long loaded = 0;
    for (Path file : LandingFiles.finished(dir)) {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      if (modified.isBefore(since)) {
        continue;
      }
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(Files.newInputStream(file), UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (add(line, index, since, modified)) {
            loaded++;
          }
        }
      }
    }
    return loaded;
  }

  private static boolean add(String line, DedupIndex index, Instant since, Instant fallback)
      throws IOException {
    String messageId = null;
    Instant receivedAt = fallback;
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING && name.equals("messageId")) {
          messageId = parser.getText();
        } else if (value == JsonToken.VALUE_STRING && name.equals("receivedAt")) {
          Normalized<Instant> parsed = TimestampNormalizer.parseInstant(parser.getText());
          receivedAt = parsed.valid() ? parsed.value() : fallback;
        } else {
          parser.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false; // not a line the collector wrote whole; ingest dead-letters it
    }
    if (messageId == null || receivedAt.isBefore(since)) {
      return false;
    }
    index.add(messageId, receivedAt);
    return true;
  }
}
