package io.opencdp.jobs.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local job's retained checkpoints: {@code <dir>/<job id>/chk-<n>/_metadata}, as Flink writes
 * them. A run resumes from the latest complete one, and removes the job directories older than it
 * (each run is a new job with its own directory).
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private Checkpoints() {}

  /** The latest complete checkpoint under {@code dir}, if any. */
  static Optional<Path> latest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(dir)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(Checkpoints::checkpointsOf)
          .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
          .max(Comparator.comparing(chk -> modified(chk.resolve("_metadata"))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints under " + dir, e);
    }
  }

  /** Deletes the job directories under {@code dir} other than the one holding {@code kept}. */
  static void pruneAllBut(Path dir, Path kept) {
    Path keptJob = kept.getParent();
    try (Stream<Path> jobs = Files.list(dir)) {
      for (Path job : jobs.filter(Files::isDirectory).toList()) {
        if (!job.equals(keptJob)) {
          deleteTree(job);
          LOG.info("removed checkpoints of an earlier run: {}", job);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot prune checkpoints under {}: {}", dir, e.toString());
    }
  }

  private static Stream<Path> checkpointsOf(Path job) {
    try (Stream<Path> entries = Files.list(job)) {
      List<Path> list = entries.filter(p -> p.getFileName().toString().startsWith("chk-")).toList();
      return list.stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
