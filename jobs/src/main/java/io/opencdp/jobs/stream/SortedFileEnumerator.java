package io.opencdp.jobs.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.enumerate.FileEnumerator;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;

/**
 * Flink's recursive enumerator (one split per file; hidden {@code .x} and in-progress {@code _x}
 * files and directories skipped) with the files of each listing in path order, so the order in
 * which events reach the resolver, and so the versions of the writes, do not depend on the order a
 * file system lists a directory in: a run over the same files produces the same versions.
 */
final class SortedFileEnumerator implements FileEnumerator {
  private final FileEnumerator files = new NonSplittingRecursiveEnumerator();

  @Override
  public Collection<FileSourceSplit> enumerateSplits(
      org.apache.flink.core.fs.Path[] paths, int minDesiredSplits) throws IOException {
    List<FileSourceSplit> splits = new ArrayList<>(files.enumerateSplits(paths, minDesiredSplits));
    // FifoSplitAssigner hands them out in this order
    splits.sort(Comparator.comparing((FileSourceSplit s) -> s.path().toUri().toString()));
    return splits;
  }
}
