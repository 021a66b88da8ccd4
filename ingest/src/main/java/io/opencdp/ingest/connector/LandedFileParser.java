package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Parses one landed file with a connector: {@link LineReader} splits it, the first non-blank line
 * is the header when the connector has one, and every other non-blank line becomes one {@link
 * ParseResult}, in file order. An empty file (no bytes, or only blank lines) gives one {@code
 * empty_file} dead letter at line 0. The Spark batch ingest and the Flink job both drive files
 * through this: {@link #open} pulls results one at a time (memory per file is one line), {@link
 * #parse} pushes them all to a consumer.
 */
public final class LandedFileParser {
  /**
   * What became of a file's lines.
   *
   * @param lines physical lines, blank ones and the header included
   * @param blankLines blank lines skipped
   * @param records records parsed (lines that are neither blank nor the header)
   * @param events records that became events
   * @param deadLetters dead letters, the empty-file one included
   * @param bytes bytes read
   */
  public record Summary(
      long lines, long blankLines, long records, long events, long deadLetters, long bytes) {}

  /** Pulls the results of one file. Not thread-safe; the caller closes the stream. */
  public static final class Reader {
    private final String file;
    private final Connector connector;
    private final Instant ingestedAt;
    private final LineReader lines;
    private Connector.FileParser parser;
    private boolean sawLine;
    private boolean finished;
    private long records;
    private long events;
    private long deadLetters;

    private Reader(
        InputStream in, String file, Connector connector, int maxLineBytes, Instant ingestedAt) {
      this.file = requireNonNull(file, "file is null");
      this.connector = requireNonNull(connector, "connector is null");
      this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt is null");
      this.lines = new LineReader(in, file, maxLineBytes);
    }

    /** The next result, or null when the file is done. */
    public ParseResult next() throws IOException {
      if (finished) {
        return null;
      }
      for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
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
        return result;
      }
      finished = true;
      if (!sawLine) {
        deadLetters++;
        return new ParseResult.Rejected(
            new DeadLetter(
                connector.channel(),
                connector.sourceSystem(),
                file,
                0,
                0,
                "",
                ReasonCodes.EMPTY_FILE,
                lines.isEmptyFile() ? "the file is empty" : "the file holds only blank lines",
                null));
      }
      return null;
    }

    /** The counts so far; final once {@link #next} has returned null. */
    public Summary summary() {
      return new Summary(
          lines.lines(), lines.blankLines(), records, events, deadLetters, lines.bytesRead());
    }
  }

  private LandedFileParser() {}

  /** A reader of the results of {@code in}, the content of {@code file}. */
  public static Reader open(
      InputStream in, String file, Connector connector, int maxLineBytes, Instant ingestedAt) {
    return new Reader(in, file, connector, maxLineBytes, ingestedAt);
  }

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
    requireNonNull(sink, "sink is null");
    Reader reader = open(in, file, connector, maxLineBytes, ingestedAt);
    for (ParseResult result = reader.next(); result != null; result = reader.next()) {
      sink.accept(result);
    }
    return reader.summary();
  }
}
