package io.opencdp.resolve.match;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The match models of a work dir: {@code match/model.json} is the current one, the one {@code cdp
 * resolve} scores with; every model saved here is also kept as {@code
 * match/models/model-<trained_at>.json} (UTC, {@code yyyyMMdd-HHmmss-SSS}), so retraining never
 * loses the model it replaces. A current model that has no copy there yet (written by an older
 * version) is copied there before it is replaced.
 */
public final class MatchModelStore {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path dir;

  /**
   * @param workDir the work dir; the models live under its {@code match/}
   */
  public MatchModelStore(Path workDir) {
    this.dir = requireNonNull(workDir, "workDir is null").resolve("match");
  }

  /** Where the current model is, whether or not there is one. */
  public Path current() {
    return dir.resolve("model.json");
  }

  /** Where every saved model is kept. */
  public Path archive() {
    return dir.resolve("models");
  }

  /** The current model, if there is one; fails naming the file when it cannot be read. */
  public Optional<MatchModel> loadCurrent() {
    return Files.isRegularFile(current())
        ? Optional.of(MatchModel.load(current()))
        : Optional.empty();
  }

  /**
   * Where a model saved here was written.
   *
   * @param current the current model's file
   * @param kept the model's copy under {@link #archive()}
   * @param previous the model it replaced as current, as kept under {@link #archive()}; empty when
   *     there was none
   */
  public record Saved(Path current, Path kept, Optional<Path> previous) {}

  /** Makes {@code model} the current one, keeping it and the one it replaces in the archive. */
  public Saved save(MatchModel model) {
    requireNonNull(model, "model is null");
    Optional<Path> previous = keepCurrent();
    Path kept = archived(model.trainedAt());
    model.save(kept);
    model.save(current());
    return new Saved(current(), kept, previous);
  }

  /** The archive file of a model trained at {@code trainedAt}. */
  public Path archived(Instant trainedAt) {
    return archive().resolve("model-" + STAMP.format(trainedAt) + ".json");
  }

  /** Copies the current model into the archive unless it is there already. */
  private Optional<Path> keepCurrent() {
    Path file = current();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Path target;
    try {
      target = archived(MatchModel.load(file).trainedAt());
    } catch (IllegalArgumentException unreadable) {
      // not a model this version reads: keep its bytes all the same
      target = archive().resolve("unreadable-" + STAMP.format(Instant.now()) + ".json");
    }
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the previous match model " + file, e);
    }
    return Optional.of(target);
  }
}
