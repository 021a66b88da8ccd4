package io.opencdp.resolve.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Febrl sets are for tests: {@code shared/datasets/febrl} beside the checkout. */
public final class FebrlFiles {
  private FebrlFiles() {}

  /** {@code ../shared/datasets/febrl} beside the checkout, from the module or the checkout. */
  public static Path directory() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/datasets/febrl");
      if (Files.isRegularFile(candidate.resolve("dataset1.csv"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/datasets/febrl beside the checkout (looked upwards from " + here + ")");
  }
}
