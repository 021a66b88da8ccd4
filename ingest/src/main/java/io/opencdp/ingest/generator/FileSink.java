package io.opencdp.ingest.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One output data file: writes lines, knows its physical line number and counts its tallies. */
final class FileSink implements AutoCloseable {
  private final String relativePath;
  private final BufferedWriter writer;
  private final long[] counts = new long[Tally.ALL.length];
  private long line;

  FileSink(Path out, Channel channel, String relativePath) throws IOException {
    this.relativePath = relativePath;
    Path file = out.resolve(relativePath);
    Files.createDirectories(file.getParent());
    this.writer =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 17);
    if (channel.header != null) {
      writer.write(channel.header);
      writer.write('\n');
      line++;
    }
  }

  String path() {
    return relativePath;
  }

  /** Writes the record and returns its 1-based physical line. */
  long write(Raw raw) throws IOException {
    writer.write(raw.text);
    writer.write('\n');
    line++;
    counts[Tally.RECORDS.ordinal()]++;
    counts[raw.kind.tally.ordinal()]++;
    if (raw.malformation != null) {
      counts[raw.malformation.tally.ordinal()]++;
    } else {
      if (raw.tallies != null) {
        for (int i = 0; i < raw.tallies.length; i++) {
          counts[i] += raw.tallies[i];
        }
      }
      if (raw.channel.monthly() && raw.eventMonth < raw.fileMonth) {
        counts[Tally.LATE_IN_LATER_FILE.ordinal()]++;
      }
    }
    return line;
  }

  long count(Tally tally) {
    return counts[tally.ordinal()];
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
