package io.opencdp.ingest.spark;

import io.opencdp.ingest.connector.Connector;
import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.ingest.connector.ParseResult;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The Spark task of ingest: reads whole landing files (one task per file, so line numbers are
 * exact), drives each through its connector and emits one {@link ParsedRows#SCHEMA} row per event
 * or dead letter, lazily, then one summary row per file with its SHA-256. Memory per task is one
 * line, not one file. A record carrying an erased identifier ({@link SuppressedIdentifiers}) emits
 * nothing and is counted as suppressed.
 */
final class ParseFilesFunction implements FlatMapFunction<LandedFile, Row> {
  private final Map<String, Connector> connectors;
  private final SerializableConfiguration hadoop;
  private final int maxLineBytes;
  private final String workspaceId;
  private final String runId;
  private final Instant ingestedAt;
  private final SuppressedIdentifiers suppressed;

  ParseFilesFunction(
      Map<String, Connector> connectors,
      Configuration hadoop,
      int maxLineBytes,
      String workspaceId,
      String runId,
      Instant ingestedAt,
      SuppressedIdentifiers suppressed) {
    this.suppressed = suppressed;
    this.connectors = Map.copyOf(connectors);
    this.hadoop = new SerializableConfiguration(hadoop);
    this.maxLineBytes = maxLineBytes;
    this.workspaceId = workspaceId;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  @Override
  public Iterator<Row> call(LandedFile file) throws IOException {
    Path path = new Path(URI.create(file.uri()));
    InputStream raw = path.getFileSystem(hadoop.value()).open(path);
    DigestInputStream in = new DigestInputStream(raw, LandingScanner.sha256());
    Connector connector = connectors.get(file.source());
    LandedFileParser.Reader reader =
        LandedFileParser.open(in, file.relativePath(), connector, maxLineBytes, ingestedAt);
    return new Iterator<>() {
      private Row next;
      private boolean done;
      private long suppressedEvents;
      private long suppressedDeadLetters;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
      }

      private Row advance() {
        try {
          ParseResult result = reader.next();
          while (result != null && isSuppressed(result)) {
            result = reader.next();
          }
          if (result != null) {
            return ParsedRows.of(file, result, workspaceId, runId, ingestedAt);
          }
          done = true;
          String checksum = HexFormat.of().formatHex(in.getMessageDigest().digest());
          in.close();
          LandedFileParser.Summary s = reader.summary();
          return ParsedRows.summary(
              file,
              RowFactory.create(
                  file.source(),
                  file.uri(),
                  file.relativePath(),
                  file.size(),
                  file.modifiedAtMillis(),
                  checksum,
                  s.records(),
                  s.events() - suppressedEvents,
                  s.deadLetters() - suppressedDeadLetters,
                  s.blankLines(),
                  suppressedEvents + suppressedDeadLetters));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file.uri(), e);
        }
      }

      private boolean isSuppressed(ParseResult result) {
        if (suppressed.isEmpty()) {
          return false;
        }
        boolean event = result instanceof ParseResult.Parsed;
        boolean drop =
            event
                ? suppressed.suppresses(((ParseResult.Parsed) result).event())
                : suppressed.suppresses(((ParseResult.Rejected) result).deadLetter().identifiers())
                    || suppressed.suppressesText(
                        ((ParseResult.Rejected) result).deadLetter().rawText());
        if (!drop) {
          return false;
        }
        if (event) {
          suppressedEvents++;
        } else {
          suppressedDeadLetters++;
        }
        return true;
      }
    };
  }
}
