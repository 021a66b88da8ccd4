package io.opencdp.resolve.spark.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link ConnectedComponents#run} found.
 *
 * <p>{@code components} is lazy and reads the run's last checkpoint and cached edges: consume it
 * (write it, or persist and count it) before {@link #close()}, which deletes the checkpoint files
 * and releases the cache.
 *
 * @param components {@code (id long, component long)}: every vertex of the input edges with the
 *     smallest vertex id of its connected component
 * @param rounds large-star/small-star rounds run before the edge set was converged
 * @param edgesPerRound edges of the canonical input ({@code [0]}) and after each round; a run of
 *     {@code n} rounds has {@code n + 1} entries
 * @param millis wall-clock time of the rounds, not of consuming {@code components}
 */
public record ConnectedComponentsResult(
    Dataset<Row> components,
    int rounds,
    List<Long> edgesPerRound,
    long millis,
    AutoCloseable resources)
    implements AutoCloseable {

  public ConnectedComponentsResult {
    requireNonNull(components, "components is null");
    edgesPerRound = List.copyOf(requireNonNull(edgesPerRound, "edgesPerRound is null"));
    requireNonNull(resources, "resources is null");
    if (edgesPerRound.size() != rounds + 1) {
      throw new IllegalArgumentException(
          "edgesPerRound has " + edgesPerRound.size() + " entries for " + rounds + " rounds");
    }
  }

  /** Deletes the run's checkpoint files and unpersists its cached edges. */
  @Override
  public void close() {
    try {
      resources.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not release connected-components resources", e);
    }
  }
}
