package io.opencdp.ingest.collector;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of the collector's files in a landing directory. An in-progress file is {@code
 * _collector-<yyyyMMddHHmmss>-<n>.jsonl.inprogress} (UTC time it was opened, {@code n} a sequence
 * that keeps names unique); batch ingest skips names starting with {@code _}. It is finished by an
 * atomic rename to {@code collector-<yyyyMMddHHmmss>-<n>.jsonl}, the name ingest reads, after which
 * it never changes. Names sort by opening time.
 */
final class LandingFiles {
  static final String LOCK_FILE = ".collector.lock";

  private static final Pattern IN_PROGRESS =
      Pattern.compile("_collector-(\\d{14})-(\\d+)\\.jsonl\\.inprogress");
  private static final Pattern FINISHED = Pattern.compile("collector-(\\d{14})-(\\d+)\\.jsonl");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private LandingFiles() {}

  static String stamp(Instant openedAt) {
    return STAMP.format(openedAt);
  }

  static String inProgressName(String stamp, int sequence) {
    return "_collector-" + stamp + "-" + sequence + ".jsonl.inprogress";
  }

  static String finishedName(String stamp, int sequence) {
    return "collector-" + stamp + "-" + sequence + ".jsonl";
  }

  /** The finished name of an in-progress file. */
  static Path finishedPath(Path inProgress) {
    Matcher m = IN_PROGRESS.matcher(inProgress.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(inProgress + " is not a collector in-progress file");
    }
    return inProgress.resolveSibling(finishedName(m.group(1), Integer.parseInt(m.group(2))));
  }

  static boolean isInProgress(Path file) {
    return IN_PROGRESS.matcher(file.getFileName().toString()).matches();
  }

  static boolean isFinished(Path file) {
    return FINISHED.matcher(file.getFileName().toString()).matches();
  }

  /** The collector's in-progress files in {@code dir}, oldest first. */
  static List<Path> inProgress(Path dir) throws IOException {
    return list(dir, IN_PROGRESS);
  }

  /** The collector's finished files in {@code dir}, oldest first. */
  static List<Path> finished(Path dir) throws IOException {
    return list(dir, FINISHED);
  }

  /**
   * Makes a file's creation, rename or removal in {@code dir} durable: the directory entry is
   * flushed like the file's bytes are.
   */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static List<Path> list(Path dir, Pattern pattern) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> pattern.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparing((Path f) -> order(f, pattern)))
          .toList();
    }
  }

  /** Sort key: the stamp, then the sequence as a zero-padded number. */
  private static String order(Path file, Pattern pattern) {
    Matcher m = pattern.matcher(file.getFileName().toString());
    m.matches();
    return m.group(1) + String.format("%010d", Long.parseLong(m.group(2)));
  }
}
