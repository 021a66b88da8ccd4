package io.opencdp.jobs.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A monitoring streaming job run on another thread, as {@code cdp stream} runs until Ctrl-C. */
final class Background {
  private Background() {}

  /** Runs {@code job} until it ends or is cancelled ({@link StreamJob#cancel}). */
  static CompletableFuture<StreamReport> run(StreamJob job) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return job.run();
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
  }
}
