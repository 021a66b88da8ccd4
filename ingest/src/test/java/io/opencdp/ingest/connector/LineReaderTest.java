package io.opencdp.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static final int MAX = 1024 * 1024;

  private static List<LineReader.Line> readAll(LineReader reader) throws IOException {
    List<LineReader.Line> lines = new ArrayList<>();
    for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  private static List<LineReader.Line> readAll(byte[] bytes) throws IOException {
    return readAll(new LineReader(new ByteArrayInputStream(bytes), "f", MAX));
  }

  private static RawRecord record(LineReader.Line line) {
    assertThat(line).isInstanceOf(LineReader.Record.class);
    return ((LineReader.Record) line).record();
  }

  @Test
  void splitsOnNewlinesWithLineNumbersAndByteOffsets() throws IOException {
    List<LineReader.Line> lines = readAll("a\nbé\nc".getBytes(StandardCharsets.UTF_8));

    assertThat(lines).hasSize(3);
    assertThat(record(lines.get(0))).isEqualTo(new RawRecord("f", 1, 0, "a"));
    assertThat(record(lines.get(1))).isEqualTo(new RawRecord("f", 2, 2, "bé"));
    assertThat(record(lines.get(2))).isEqualTo(new RawRecord("f", 3, 6, "c"));
  }

  @Test
  void stripsTheCarriageReturnOfCrlfLines() throws IOException {
    List<LineReader.Line> lines = readAll("a,b\r\nc,d\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(lines).extracting(l -> record(l).text()).containsExactly("a,b", "c,d");
    assertThat(record(lines.get(1)).offset()).isEqualTo(5);
  }

  @Test
  void skipsAndCountsBlankLinesButKeepsNumbering() throws IOException {
    LineReader reader =
        new LineReader(
            new ByteArrayInputStream("a\n\n  \r\nb\n".getBytes(StandardCharsets.UTF_8)), "f", MAX);

    List<LineReader.Line> lines = readAll(reader);

    assertThat(lines).extracting(l -> record(l).line()).containsExactly(1L, 4L);
    assertThat(reader.blankLines()).isEqualTo(2);
    assertThat(reader.lines()).isEqualTo(4);
  }

  @Test
  void reportsInvalidUtf8WithTheTextDecodedLeniently() throws IOException {
    byte[] bytes = {'o', 'k', '\n', 'b', (byte) 0xC3, '(', 'x', '\n', 'z'};

    List<LineReader.Line> lines = readAll(bytes);

    assertThat(lines).hasSize(3);
    LineReader.Unreadable bad = (LineReader.Unreadable) lines.get(1);
    assertThat(bad.reasonCode()).isEqualTo(ReasonCodes.INVALID_UTF8);
    assertThat(bad.line()).isEqualTo(2);
    assertThat(bad.offset()).isEqualTo(3);
    assertThat(bad.rawText()).isEqualTo("b\uFFFD(x");
    assertThat(bad.message()).contains("byte 2");
    assertThat(record(lines.get(2)).text()).isEqualTo("z");
  }

  @Test
  void aGenuineReplacementCharacterIsValidUtf8() throws IOException {
    List<LineReader.Line> lines = readAll("a\uFFFDb".getBytes(StandardCharsets.UTF_8));

    assertThat(record(lines.get(0)).text()).isEqualTo("a\uFFFDb");
  }

  @Test
  void aTenMegabyteLineIsTooLongAndKeepsOnlyItsFirst64KiB() throws IOException {
    int size = 10 * 1024 * 1024;
    InputStream in = new PatternStream(size, "\nnext\n");
    LineReader reader = new LineReader(in, "f", MAX);

    List<LineReader.Line> lines = readAll(reader);

    assertThat(lines.size()).isEqualTo(2);
    LineReader.Unreadable bad = (LineReader.Unreadable) lines.get(0);
    assertThat(bad.reasonCode()).isEqualTo(ReasonCodes.LINE_TOO_LONG);
    assertThat(bad.rawText().length()).isEqualTo(LineReader.RAW_TEXT_LIMIT);
    assertThat(bad.message()).contains(Integer.toString(size)).contains("max_line_bytes");
    assertThat(record(lines.get(1))).isEqualTo(new RawRecord("f", 2, size + 1, "next"));
    assertThat(reader.bytesRead()).isEqualTo(size + 6);
  }

  @Test
  void aLineOfExactlyTheLimitIsKept() throws IOException {
    String line = "x".repeat(2048);
    LineReader reader =
        new LineReader(
            new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), "f", 2048);

    assertThat(record(reader.next()).text()).isEqualTo(line);
  }

  @Test
  void cutsAnOverLongLineOnACharacterBoundary() throws IOException {
    String line = "é".repeat(40_000); // 80,000 bytes
    LineReader reader =
        new LineReader(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "f", 1024);

    LineReader.Unreadable bad = (LineReader.Unreadable) reader.next();

    assertThat(bad.rawText()).isEqualTo("é".repeat(LineReader.RAW_TEXT_LIMIT / 2));
  }

  @Test
  void anEmptyFileHasNoLinesAndSaysSo() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(new byte[0]), "f", MAX);

    assertThat(reader.next()).isNull();
    assertThat(reader.isEmptyFile()).isTrue();
    assertThat(reader.lines()).isZero();
  }

  @Test
  void anEmptyFileIsOneEmptyFileDeadLetter() throws IOException {
    Connector connector =
        Connectors.create("web", AbstractConnectorConformanceTest.INGEST, "default");
    List<ParseResult> results = new ArrayList<>();

    LandedFileParser.Summary summary =
        LandedFileParser.parse(
            new ByteArrayInputStream(new byte[0]),
            "web/empty.jsonl",
            connector,
            MAX,
            AbstractConnectorConformanceTest.INGESTED_AT,
            results::add);

    assertThat(results).hasSize(1);
    DeadLetter dead = ((ParseResult.Rejected) results.get(0)).deadLetter();
    assertThat(dead.reasonCode()).isEqualTo(ReasonCodes.EMPTY_FILE);
    assertThat(dead.file()).isEqualTo("web/empty.jsonl");
    assertThat(summary.deadLetters()).isEqualTo(1);
  }

  @Test
  void skipsAByteOrderMark() throws IOException {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', '\n', 'r'};

    List<LineReader.Line> lines = readAll(bytes);

    assertThat(record(lines.get(0))).isEqualTo(new RawRecord("f", 1, 0, "h"));
  }

  @Test
  void aCsvHeaderIsHandedToTheConnectorNotParsed() throws IOException {
    Connector connector =
        Connectors.create("crm", AbstractConnectorConformanceTest.INGEST, "default");
    String file = "\n" + CrmCsvConnectorTest.HEADER + "\r\n" + CrmCsvConnectorTest.ROW + "\r\n";
    List<ParseResult> results = new ArrayList<>();

    LandedFileParser.Summary summary =
        LandedFileParser.parse(
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
            "crm/c.csv",
            connector,
            MAX,
            AbstractConnectorConformanceTest.INGESTED_AT,
            results::add);

    assertThat(results).singleElement().isInstanceOf(ParseResult.Parsed.class);
    assertThat(((ParseResult.Parsed) results.get(0)).event().sourceRef().line()).isEqualTo(3);
    assertThat(summary.records()).isEqualTo(1);
    assertThat(summary.blankLines()).isEqualTo(1);
  }

  /** {@code size} bytes of 'x' then a suffix, generated on the fly so the test holds no 10 MB. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private final byte[] suffix;
    private long position;

    PatternStream(long size, String suffix) {
      this.size = size;
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      if (position < size) {
        position++;
        return 'x';
      }
      int i = (int) (position - size);
      if (i < suffix.length) {
        position++;
        return suffix[i];
      }
      return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size + suffix.length) {
        return -1;
      }
      int n = 0;
      while (n < len && position < size) {
        b[off + n++] = 'x';
        position++;
      }
      while (n < len && position >= size && position < size + suffix.length) {
        b[off + n++] = suffix[(int) (position - size)];
        position++;
      }
      return n;
    }
  }
}
