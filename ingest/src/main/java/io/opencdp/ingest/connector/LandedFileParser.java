package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Parses one landed file with a connector: {@link LineReader} splits it, the first non-blank line
 * is the header when the connector has one, and every other line becomes one {@link ParseResult},
 * in file order. An empty file (no bytes, or only blank lines) gives one {@code empty_file} dead
 * letter at line 0. The Spark batch ingest and the Flink job both drive files through this.
 */
public final class LandedFileParser {
  /** What became of a file's lines. */
  public record Summary(
      long lines, long blankLines, long records, long events, long deadLetters, long bytes) {}

  private LandedFileParser() {}

  /**
   * Parses {@code in}, the content of {@code file} (its path relative to the landing root), and
   * passes each result to {@code sink}. The caller closes the stream.
   */
  public static Summary parse(
      InputStream in,
      String file,
      Connector connector,
      int maxLineBytes,
      Instant ingestedAt,
      Consumer<ParseResult> sink)
      throws IOException {
    requireNonNull(connector, "connector is null");
    requireNonNull(sink, "sink is null");
    LineReader reader = new LineReader(in, file, maxLineBytes);
    Connector.FileParser parser = null;
    long records = 0;
    long events = 0;
    long deadLetters = 0;
    boolean sawLine = false;
    for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
      sawLine = true;
      if (parser == null) {
        if (connector.hasHeader()) {
          String header = line instanceof LineReader.Record r ? r.record().text() : null;
          parser = connector.open(file, header, ingestedAt);
          continue;
        }
        parser = connector.open(file, null, ingestedAt);
      }
      records++;
      ParseResult result =
          line instanceof LineReader.Record r
              ? parser.parse(r.record())
              : new ParseResult.Rejected(((LineReader.Unreadable) line).toDeadLetter(connector));
      if (result instanceof ParseResult.Parsed) {
        events++;
      } else {
        deadLetters++;
      }
      sink.accept(result);
    }
    if (!sawLine) {
      deadLetters++;
      String message =
          reader.isEmptyFile() ? "the file is empty" : "the file holds only blank lines";
      sink.accept(
          new ParseResult.Rejected(
              new DeadLetter(
                  connector.channel(),
                  connector.sourceSystem(),
                  file,
                  0,
                  0,
                  "",
                  ReasonCodes.EMPTY_FILE,
                  message,
                  null)));
    }
    return new Summary(
        reader.lines(), reader.blankLines(), records, events, deadLetters, reader.bytesRead());
  }
}
