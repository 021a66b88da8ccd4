package io.opencdp.resolve.spark.graph;

import java.util.Optional;

/**
 * How {@link ConnectedComponents} runs.
 *
 * @param checkpointInterval write the edge set to {@code checkpointDir} and read it back every this
 *     many rounds, which cuts the query plan's lineage; {@code 0} never checkpoints (fine for small
 *     graphs, plans grow with every round otherwise)
 * @param checkpointDir a directory on the cluster's file system (local path, {@code hdfs://},
 *     {@code s3a://}) under which each run writes its checkpoints into a fresh sub-directory and
 *     deletes them again; empty means the SparkContext's checkpoint directory
 * @param hubDegreeThreshold a vertex with more neighbours than this on the joined side of a star
 *     step is a hub: its rows are joined against a broadcast of the hubs' minimum neighbours
 *     instead of being shuffled to one task
 * @param maxRounds the run fails rather than loop past this many large-star/small-star rounds; the
 *     algorithm needs O(log² n) rounds, in practice well under 20
 */
public record ConnectedComponentsOptions(
    int checkpointInterval,
    Optional<String> checkpointDir,
    long hubDegreeThreshold,
    int maxRounds) {

  public static final int DEFAULT_CHECKPOINT_INTERVAL = 2;
  public static final long DEFAULT_HUB_DEGREE_THRESHOLD = 10_000;
  public static final int DEFAULT_MAX_ROUNDS = 100;

  public ConnectedComponentsOptions {
    if (checkpointInterval < 0) {
      throw new IllegalArgumentException(
          "checkpointInterval must be 0 (off) or positive, got " + checkpointInterval);
    }
    checkpointDir = checkpointDir == null ? Optional.empty() : checkpointDir;
    checkpointDir.ifPresent(
        dir -> {
          if (dir.isBlank()) {
            throw new IllegalArgumentException("checkpointDir is blank");
          }
        });
    if (hubDegreeThreshold < 1) {
      throw new IllegalArgumentException(
          "hubDegreeThreshold must be positive, got " + hubDegreeThreshold);
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be positive, got " + maxRounds);
    }
  }

  /** Defaults, checkpointing every 2 rounds under {@code checkpointDir}. */
  public static ConnectedComponentsOptions defaults(String checkpointDir) {
    return new ConnectedComponentsOptions(
        DEFAULT_CHECKPOINT_INTERVAL,
        Optional.of(checkpointDir),
        DEFAULT_HUB_DEGREE_THRESHOLD,
        DEFAULT_MAX_ROUNDS);
  }

  /** Defaults, checkpointing under the SparkContext's checkpoint directory. */
  public static ConnectedComponentsOptions defaults() {
    return new ConnectedComponentsOptions(
        DEFAULT_CHECKPOINT_INTERVAL,
        Optional.empty(),
        DEFAULT_HUB_DEGREE_THRESHOLD,
        DEFAULT_MAX_ROUNDS);
  }

  public ConnectedComponentsOptions withCheckpointInterval(int interval) {
    return new ConnectedComponentsOptions(interval, checkpointDir, hubDegreeThreshold, maxRounds);
  }

  public ConnectedComponentsOptions withHubDegreeThreshold(long threshold) {
    return new ConnectedComponentsOptions(checkpointInterval, checkpointDir, threshold, maxRounds);
  }

  public ConnectedComponentsOptions withMaxRounds(int rounds) {
    return new ConnectedComponentsOptions(
        checkpointInterval, checkpointDir, hubDegreeThreshold, rounds);
  }
}
