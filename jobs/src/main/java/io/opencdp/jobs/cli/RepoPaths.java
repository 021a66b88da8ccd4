package io.opencdp.jobs.cli;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the checkout the launcher runs from ({@code -Dcdp.home}, set by the {@code cdp} script).
 */
final class RepoPaths {
  private RepoPaths() {}

  static Path home() {
    String home = System.getProperty("cdp.home");
    return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
  }

  static Path sampleData() {
    Path dir = home().resolve("sample-data");
    if (!Files.isDirectory(dir)) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no sample-data/ directory under "
              + home()
              + "; run cdp from the checkout or pass --sample DIR");
    }
    return dir;
  }
}
