package io.opencdp.jobs.bench.load;

import io.opencdp.schemas.json.Json;
import java.nio.file.Path;

/**
 * The load generator's own process: {@code LoadGenerator <spec.json> <result.json>} reads a {@link
 * LoadSpec}, sends its requests and writes a {@link LoadResult}. {@link LoadRun} launches it in a
 * child JVM so that its CPU and garbage collection are not the measured server's.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LoadGenerator <spec.json> <result.json>");
      System.exit(2);
    }
    LoadSpec spec = Json.mapper().readValue(Path.of(args[0]).toFile(), LoadSpec.class);
    LoadResult result = run(spec);
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), result);
  }

  /** Runs {@code spec} in this JVM (tests; the benchmark uses {@link LoadRun}). */
  static LoadResult run(LoadSpec spec) throws Exception {
    EncodedRequests requests =
        EncodedRequests.of(EncodedRequests.read(spec.requestsFile()), spec.baseUrl(), spec.seed());
    return new LoadEngine(spec, requests).run();
  }
}
