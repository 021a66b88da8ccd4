package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The file a landing directory's accepted messages are appended to until it is finished. Not
 * thread-safe: {@link LandingWriter} holds its lock around every call.
 */
final class InProgressFile {
  private final Path path;
  private final FileChannel channel;
  private final Instant openedAt;
  private long size;
  private boolean clean = true;

  private InProgressFile(Path path, FileChannel channel, Instant openedAt) {
    this.path = requireNonNull(path, "path is null");
    this.channel = requireNonNull(channel, "channel is null");
    this.openedAt = requireNonNull(openedAt, "openedAt is null");
  }

  /** Creates a new, empty in-progress file in {@code dir}, durably. */
  static InProgressFile create(Path dir, Instant now) throws IOException {
    String stamp = LandingFiles.stamp(now);
    for (int sequence = 0; ; sequence++) {
      if (Files.exists(dir.resolve(LandingFiles.finishedName(stamp, sequence)))) {
        continue;
      }
      Path path = dir.resolve(LandingFiles.inProgressName(stamp, sequence));
      FileChannel channel;
      try {
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      LandingFiles.syncDirectory(dir);
      return new InProgressFile(path, channel, now);
    }
  }

  Path path() {
    return path;
  }

  Instant openedAt() {
    return openedAt;
  }

  long size() {
    return size;
  }

  /**
   * Appends whole lines and forces them to the device before returning. On failure the file is cut
   * back to its size before the call, so a failed append leaves no part of its lines; if even that
   * fails the file is marked unclean and must not be finished as is.
   */
  void append(ByteBuffer lines) throws IOException {
    long before = size;
    try {
      long position = before;
      while (lines.hasRemaining()) {
        position += channel.write(lines, position);
      }
      channel.force(false);
      size = position;
    } catch (IOException e) {
      try {
        channel.truncate(before);
        channel.force(false);
      } catch (IOException suppressed) {
        clean = false;
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Whether the file holds only whole, acknowledged lines. */
  boolean clean() {
    return clean;
  }

  /**
   * Closes the file and makes it visible to ingest: renamed atomically to its finished name, or
   * deleted when empty. Returns the finished path, or null when the file was deleted.
   */
  Path finish() throws IOException {
    channel.close();
    return finish(path);
  }

  /** Closes the file without finishing it; recovery at the next start finishes it. */
  void abandon() throws IOException {
    channel.close();
  }

  /** Finishes a closed in-progress file holding only whole lines (see {@link #finish()}). */
  static Path finish(Path inProgress) throws IOException {
    Path dir = inProgress.getParent();
    if (Files.size(inProgress) == 0) {
      Files.delete(inProgress);
      LandingFiles.syncDirectory(dir);
      return null;
    }
    Path finished = LandingFiles.finishedPath(inProgress);
    if (Files.exists(finished)) {
      throw new FileAlreadyExistsException(
          finished.toString(), inProgress.toString(), "finished files are never replaced");
    }
    Files.move(inProgress, finished, StandardCopyOption.ATOMIC_MOVE);
    LandingFiles.syncDirectory(dir);
    return finished;
  }
}
