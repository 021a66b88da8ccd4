package io.opencdp.jobs.bench;

import io.opencdp.schemas.config.CdpConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark at a fixed scale and seed. Each run measures the platform's own code and, in the same
 * run, a baseline to report a ratio against.
 */
public interface Benchmark {
  String name();

  /** Runs at {@code scale} (e.g. persons) with {@code seed}, using {@code scratch} for its data. */
  Result run(CdpConfig config, long scale, long seed, Path scratch) throws Exception;

  record Result(List<Figure> figures, List<String> notes) {
    public Result {
      figures = List.copyOf(figures);
      notes = List.copyOf(notes);
    }
  }
}
