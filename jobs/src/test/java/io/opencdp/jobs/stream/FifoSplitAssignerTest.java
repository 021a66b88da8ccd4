package io.opencdp.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class FifoSplitAssignerTest {
  @Test
  void handsOutOlderListingsBeforeNewerOnesWhileTheReaderIsBehind() {
    FifoSplitAssigner assigner = new FifoSplitAssigner(List.of(split("a1"), split("a2")));
    List<String> taken = new ArrayList<>();
    taken.add(next(assigner));
    assigner.addSplits(List.of(split("b1"), split("b2")));
    taken.add(next(assigner));
    assigner.addSplits(List.of(split("c1")));
    assertThat(assigner.remainingSplits())
        .extracting(FileSourceSplit::splitId)
        .containsExactly("b1", "b2", "c1");
    while (!assigner.remainingSplits().isEmpty()) {
      taken.add(next(assigner));
    }
    assertThat(taken).containsExactly("a1", "a2", "b1", "b2", "c1");
    assertThat(assigner.getNext(null)).isEqualTo(Optional.empty());
  }

  private static String next(FifoSplitAssigner assigner) {
    return assigner.getNext(null).orElseThrow().splitId();
  }

  private static FileSourceSplit split(String name) {
    return new FileSourceSplit(name, new Path("file:///landing/web/" + name), 0, 1, 0, 1);
  }
}
