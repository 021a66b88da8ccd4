package io.opencdp.jobs.stream;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out the landing files in the order they were found: each listing's files (in path order,
 * {@link SortedFileEnumerator}) after those of the listings before it. Flink's {@code
 * SimpleSplitAssigner} hands out the last split added first, so while the reader is behind, every
 * new listing's files overtake the older ones, which wait until the traffic stops (measured by
 * {@code cdp bench stream}: at a rate above the stream's pace, latencies of minutes for the oldest
 * files and a few seconds for the newest).
 */
final class FifoSplitAssigner implements FileSplitAssigner {
  private final ArrayDeque<FileSourceSplit> splits;

  FifoSplitAssigner(Collection<FileSourceSplit> initial) {
    this.splits = new ArrayDeque<>(initial);
  }

  @Override
  public Optional<FileSourceSplit> getNext(String hostname) {
    return Optional.ofNullable(splits.pollFirst());
  }

  @Override
  public void addSplits(Collection<FileSourceSplit> newSplits) {
    splits.addAll(newSplits);
  }

  @Override
  public Collection<FileSourceSplit> remainingSplits() {
    return List.copyOf(splits);
  }
}
