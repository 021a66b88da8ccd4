package io.opencdp.jobs.index;

import io.opencdp.schemas.error.CdpException;

/**
 * Spark wraps an exception a task threw in its own ("Job aborted due to stage failure: ..."); a
 * user-facing {@link CdpException} from a writer (a rejected document) is rethrown as itself, so
 * the CLI prints its code and message, not a stage failure.
 */
public final class TaskErrors {
  private TaskErrors() {}

  public static void run(Runnable sparkAction) {
    try {
      sparkAction.run();
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof CdpException cdp) {
          throw cdp;
        }
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e);
    }
  }
}
