package io.opencdp.ingest.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every open output file, opened on first use: the per-channel-and-month data files and {@code
 * truth/records.csv}, which gets one row per written record.
 */
final class Sinks implements AutoCloseable {
  private final Path out;
  private final Map<String, FileSink> files = new TreeMap<>();
  private final Map<Long, FileSink> byKey = new java.util.HashMap<>();
  private final BufferedWriter truth;
  private final StringBuilder row = new StringBuilder(96);

  Sinks(Path out) throws IOException {
    this.out = out;
    Path truthFile = out.resolve("truth/records.csv");
    Files.createDirectories(truthFile.getParent());
    this.truth =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(truthFile), StandardCharsets.UTF_8),
            1 << 17);
    truth.write("file,line,person_id,kind\n");
  }

  void write(Raw raw, String personId) throws IOException {
    FileSink sink = sink(raw.channel, raw.fileMonth);
    long line = sink.write(raw);
    row.setLength(0);
    row.append(sink.path()).append(',').append(line).append(',').append(personId).append(',');
    row.append(raw.kind.label).append('\n');
    truth.append(row);
  }

  /** The data files in path order. */
  List<FileSink> files() {
    return new ArrayList<>(files.values());
  }

  private FileSink sink(Channel channel, int month) throws IOException {
    long key = (long) channel.ordinal() << 32 | (channel.monthly() ? month : 0);
    FileSink sink = byKey.get(key);
    if (sink == null) {
      String path = channel.file(month);
      sink = new FileSink(out, channel, path);
      byKey.put(key, sink);
      files.put(path, sink);
    }
    return sink;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileSink sink : files.values()) {
      try {
        sink.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    truth.close();
    if (failure != null) {
      throw failure;
    }
  }
}
