package io.opencdp.ingest.collector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.CollectorConfig;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands one source's accepted messages in its landing directory.
 *
 * <ul>
 *   <li>Durable before acknowledged: a request's new lines are appended with one write under the
 *       lock and forced to the device ({@code FileChannel.force}) before {@link #append} returns,
 *       which is before the 200. A failed write is cut back, so a message is never half-written; a
 *       crash mid-write leaves at most one partial last line, cut off at the next start ({@link
 *       FileRecovery}).
 *   <li>Exactly-once acceptance per messageId within the dedup window ({@link DedupIndex}): a
 *       message seen before, in this request or an earlier one, is not written again.
 *   <li>Immutable finished files: the in-progress file is renamed atomically to its finished name
 *       once it reaches {@code collector.rotate_bytes}, once it is {@code collector.rotate_seconds}
 *       old ({@link #rotateIfDue}) and on {@link #close}; it is never written after that. A file is
 *       opened on the first message, so no empty file is ever finished.
 * </ul>
 */
final class LandingWriter implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(LandingWriter.class);

  private final SourceRef target;
  private final Path dir;
  private final CollectorConfig config;
  private final DirectoryLock dirLock;
  private final DedupIndex dedup;
  private final ReentrantLock lock = new ReentrantLock();
  private InProgressFile current;
  private boolean closed;

  private LandingWriter(
      SourceRef target, Path dir, CollectorConfig config, DirectoryLock dirLock, DedupIndex dedup) {
    this.target = requireNonNull(target, "target is null");
    this.dir = requireNonNull(dir, "dir is null");
    this.config = requireNonNull(config, "config is null");
    this.dirLock = requireNonNull(dirLock, "dirLock is null");
    this.dedup = requireNonNull(dedup, "dedup is null");
  }

  /**
   * Takes over {@code dir}: locks it, finishes what an earlier collector left in progress and
   * rebuilds the dedup index from the window's files.
   */
  static LandingWriter open(SourceRef target, Path dir, CollectorConfig config, Instant now)
      throws IOException {
    Files.createDirectories(dir);
    DirectoryLock dirLock = DirectoryLock.acquire(dir);
    try {
      int recovered = FileRecovery.recover(dir);
      DedupIndex dedup = new DedupIndex(config.dedupMaxIds(), config.dedupWindow());
      long loaded = DedupLoader.load(dir, dedup, now, config.dedupWindow());
      LOG.info(
          "collector lands {} in {}: {} in-progress files recovered, {} recent messageIds loaded",
          target,
          dir,
          recovered,
          loaded);
      return new LandingWriter(target, dir, config, dirLock, dedup);
    } catch (IOException | RuntimeException e) {
      dirLock.close();
      throw e;
    }
  }

  SourceRef target() {
    return target;
  }

  Path dir() {
    return dir;
  }

  /**
   * Lands the messages not accepted before, durably, as of {@code receivedAt}; returns how many
   * were written (the rest were retries). Throws a 503 {@link CollectorException} when nothing
   * could be written; then none of them was accepted.
   */
  int append(List<Message> messages, Instant receivedAt) {
    lock.lock();
    try {
      if (closed) {
        throw CollectorException.unavailable("the collector is shutting down; retry", null);
      }
      List<Message> fresh = new ArrayList<>(messages.size());
      Set<String> ids = new HashSet<>();
      for (Message m : messages) {
        if (ids.add(m.messageId()) && !dedup.contains(m.messageId(), receivedAt)) {
          fresh.add(m);
        }
      }
      if (fresh.isEmpty()) {
        return 0;
      }
      write(fresh, receivedAt);
      for (Message m : fresh) {
        dedup.add(m.messageId(), receivedAt);
      }
      if (current.size() >= config.rotateBytes()) {
        finishCurrent("it reached collector.rotate_bytes");
      }
      return fresh.size();
    } finally {
      lock.unlock();
    }
  }

  /** Finishes the in-progress file when it is {@code collector.rotate_seconds} old. */
  void rotateIfDue(Instant now) {
    lock.lock();
    try {
      if (current != null && !now.isBefore(current.openedAt().plus(config.rotateAfter()))) {
        finishCurrent("it reached collector.rotate_seconds");
      }
    } finally {
      lock.unlock();
    }
  }

  /** Finishes the in-progress file and releases the directory; later appends answer 503. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (current != null) {
        finishCurrent("the collector stops");
      }
      dirLock.close();
    } finally {
      lock.unlock();
    }
  }

  private void write(List<Message> fresh, Instant receivedAt) {
    int length = 0;
    for (Message m : fresh) {
      length += m.line().length;
    }
    ByteBuffer lines = ByteBuffer.allocate(length);
    for (Message m : fresh) {
      lines.put(m.line());
    }
    lines.flip();
    InProgressFile file = current;
    try {
      if (file == null) {
        file = InProgressFile.create(dir, receivedAt);
        current = file;
      }
      file.append(lines);
    } catch (IOException e) {
      if (file != null) {
        giveUp(file);
      }
      throw CollectorException.unavailable(
          "writing to the landing directory of " + target + " failed; nothing was accepted, retry",
          e);
    }
  }

  /**
   * After a failed write the file is not appended to again: finished when the failed lines were cut
   * back, else left in progress for {@link FileRecovery} at the next start.
   */
  private void giveUp(InProgressFile file) {
    current = null;
    try {
      if (file.clean()) {
        file.finish();
      } else {
        file.abandon();
        LOG.error("{} is left in progress; the next start repairs and finishes it", file.path());
      }
    } catch (IOException e) {
      LOG.error("closing {} after a failed write failed too", file.path(), e);
    }
  }

  /**
   * Finishes the in-progress file. Its lines are already durable, so a failed rename only delays
   * them: the file stays in progress and the next start finishes it. The failure is logged, not
   * thrown, since the messages it holds were acknowledged.
   */
  private void finishCurrent(String why) {
    InProgressFile file = current;
    current = null;
    try {
      Path finished = file.finish();
      LOG.info("finished {} ({} bytes) because {}", finished, file.size(), why);
    } catch (IOException e) {
      LOG.error(
          "finishing {} failed; it stays in progress until the next start finishes it",
          file.path(),
          e);
    }
  }
}
