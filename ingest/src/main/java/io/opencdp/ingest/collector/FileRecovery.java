package io.opencdp.ingest.collector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the in-progress files a previous collector left behind (it crashed or was killed). The
 * collector answers 200 only after a message's whole line is forced to disk, so such a file holds
 * acknowledged whole lines, possibly followed by one partial line of a write the crash cut short
 * (never acknowledged; the client retries it). The partial tail is cut off, then the file is
 * finished like any other.
 */
final class FileRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(FileRecovery.class);
  private static final int CHUNK = 64 * 1024;

  private FileRecovery() {}

  /** Repairs and finishes every in-progress file in {@code dir}; returns how many. */
  static int recover(Path dir) throws IOException {
    int recovered = 0;
    for (Path file : LandingFiles.inProgress(dir)) {
      long dropped = repair(file);
      Path finished = InProgressFile.finish(file);
      LOG.warn(
          "recovered {} left by an earlier collector: {} bytes of a partial last line dropped, {}",
          file,
          dropped,
          finished == null ? "empty, deleted" : "finished as " + finished.getFileName());
      recovered++;
    }
    return recovered;
  }

  /**
   * Cuts {@code file} back to the end of its last whole line (after its last {@code \n}); returns
   * the number of bytes dropped.
   */
  static long repair(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long keep = endOfLastLine(channel, size);
      if (keep < size) {
        channel.truncate(keep);
        channel.force(false);
      }
      return size - keep;
    }
  }

  private static long endOfLastLine(FileChannel channel, long size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - CHUNK);
      buffer.clear().limit((int) (end - start));
      long position = start;
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new IOException(channel + " shrank while it was being repaired");
        }
        position += n;
      }
      for (int i = buffer.position() - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }
}
