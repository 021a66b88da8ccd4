package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a landed file into physical lines, the records connectors parse. Plain Java, for the Spark
 * batch ingest and the Flink job alike.
 *
 * <ul>
 *   <li>Lines end at {@code \n}; a {@code \r} before it is dropped (CRLF files); the last line
 *       needs no terminator. A UTF-8 byte order mark at the start of the file is skipped.
 *   <li>Line numbers are 1-based and count every physical line, blank ones too; the offset is the
 *       0-based byte offset of the line's first byte.
 *   <li>Blank lines (empty or only whitespace) are skipped and counted.
 *   <li>Bytes are decoded as strict UTF-8: a line that is not valid UTF-8 is an {@code
 *       invalid_utf8} {@link Unreadable}, its text decoded leniently (U+FFFD for bad bytes).
 *   <li>A line longer than {@code maxLineBytes} is a {@code line_too_long} {@link Unreadable} whose
 *       text is its first {@link #RAW_TEXT_LIMIT} bytes; the rest is skipped without being held, so
 *       memory per line stays bounded by {@code max(maxLineBytes, RAW_TEXT_LIMIT)}.
 * </ul>
 *
 * <p>Not thread-safe; one reader per file. The caller closes the stream.
 */
public final class LineReader {
  /** How much of an over-long line a dead letter keeps: 64 KiB. */
  public static final int RAW_TEXT_LIMIT = 64 * 1024;

  private static final int BUFFER_SIZE = 64 * 1024;

  /** What one non-blank physical line is. */
  public sealed interface Line {}

  /** A readable line. */
  public record Record(RawRecord record) implements Line {
    public Record {
      requireNonNull(record, "record is null");
    }
  }

  /** A line that cannot be a record, with the dead-letter reason and a message. */
  public record Unreadable(
      String file, long line, long offset, String rawText, String reasonCode, String message)
      implements Line {
    public Unreadable {
      requireNonNull(file, "file is null");
      requireNonNull(rawText, "rawText is null");
      requireNonNull(reasonCode, "reasonCode is null");
      requireNonNull(message, "message is null");
    }

    /** This line as the dead letter of {@code connector}'s source. */
    public DeadLetter toDeadLetter(Connector connector) {
      return new DeadLetter(
          connector.channel(),
          connector.sourceSystem(),
          file,
          line,
          offset,
          rawText,
          reasonCode,
          message,
          null);
    }
  }

  private final InputStream in;
  private final String file;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int position;
  private int limit;
  private long offset;
  private long lineNumber;
  private long blankLines;
  private long bytesRead;
  private boolean eof;
  private byte[] line;
  private int lineLength;

  public LineReader(InputStream in, String file, int maxLineBytes) {
    this.in = requireNonNull(in, "in is null");
    this.file = requireNonNull(file, "file is null");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be 1 or more, got " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.line = new byte[Math.min(1024, Math.max(maxLineBytes, RAW_TEXT_LIMIT))];
  }

  /** The next non-blank line, or null at the end of the file. */
  public Line next() throws IOException {
    while (true) {
      long start = offset;
      long total = readLine();
      if (total < 0) {
        return null;
      }
      lineNumber++;
      int length = lineLength;
      boolean tooLong = total > maxLineBytes;
      if (!tooLong && length > 0 && line[length - 1] == '\r') {
        length--;
      }
      int from = 0;
      if (lineNumber == 1
          && length >= 3
          && (line[0] & 0xFF) == 0xEF
          && (line[1] & 0xFF) == 0xBB
          && (line[2] & 0xFF) == 0xBF) {
        from = 3;
      }
      if (tooLong) {
        int keep = utf8Boundary(line, Math.min(length, RAW_TEXT_LIMIT));
        return new Unreadable(
            file,
            lineNumber,
            start,
            new String(line, from, Math.max(0, keep - from), StandardCharsets.UTF_8),
            ReasonCodes.LINE_TOO_LONG,
            "line is "
                + total
                + " bytes, longer than ingest.max_line_bytes ("
                + maxLineBytes
                + "); its first "
                + RAW_TEXT_LIMIT
                + " bytes are kept");
      }
      String text = new String(line, from, length - from, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        int bad = firstMalformedByte(line, from, length - from);
        if (bad >= 0) {
          return new Unreadable(
              file,
              lineNumber,
              start,
              text,
              ReasonCodes.INVALID_UTF8,
              "line is not valid UTF-8: malformed byte sequence at byte "
                  + (from + bad + 1)
                  + " of the line");
        }
      }
      if (text.isBlank()) {
        blankLines++;
        continue;
      }
      return new Record(new RawRecord(file, lineNumber, start, text));
    }
  }

  /** Physical lines read so far, blank ones included. */
  public long lines() {
    return lineNumber;
  }

  /** Blank lines skipped so far. */
  public long blankLines() {
    return blankLines;
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Whether the file, read to its end, held no bytes at all. */
  public boolean isEmptyFile() {
    return eof && bytesRead == 0;
  }

  /**
   * Reads the next line into {@link #line} (up to the buffer cap) and returns its full length in
   * bytes without the {@code \n}, or -1 at the end of the file.
   */
  private long readLine() throws IOException {
    lineLength = 0;
    long total = 0;
    boolean any = false;
    int cap = Math.max(maxLineBytes, RAW_TEXT_LIMIT);
    while (true) {
      if (position == limit && !fill()) {
        return any ? total : -1;
      }
      any = true;
      int newline = -1;
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline >= 0 ? newline : limit;
      int chunk = end - position;
      int room = cap - lineLength;
      if (room > 0) {
        append(buffer, position, Math.min(chunk, room));
      }
      total += chunk;
      offset += chunk;
      if (newline >= 0) {
        position = newline + 1;
        offset++;
        return total;
      }
      position = limit;
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    position = 0;
    limit = n;
    bytesRead += n;
    return true;
  }

  private void append(byte[] source, int from, int count) {
    if (lineLength + count > line.length) {
      int size = Math.max(line.length * 2, lineLength + count);
      line = Arrays.copyOf(line, Math.min(size, Math.max(maxLineBytes, RAW_TEXT_LIMIT)));
    }
    System.arraycopy(source, from, line, lineLength, count);
    lineLength += count;
  }

  /** The index of the first malformed byte, or -1 when the bytes are valid UTF-8. */
  private int firstMalformedByte(byte[] bytes, int from, int length) {
    ByteBuffer input = ByteBuffer.wrap(bytes, from, length);
    CharBuffer output = CharBuffer.allocate(length);
    decoder.reset();
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      return input.position() - from;
    }
    result = decoder.flush(output);
    return result.isError() ? input.position() - from : -1;
  }

  /** The largest cut at or below {@code length} that does not split a UTF-8 sequence. */
  private static int utf8Boundary(byte[] bytes, int length) {
    int lead = length - 1;
    while (lead >= 0 && lead > length - 4 && (bytes[lead] & 0xC0) == 0x80) {
      lead--;
    }
    if (lead < 0) {
      return length;
    }
    int b = bytes[lead] & 0xFF;
    int expected = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return lead + expected > length ? lead : length;
  }
}
