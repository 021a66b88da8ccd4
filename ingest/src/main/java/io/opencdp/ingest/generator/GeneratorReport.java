package io.opencdp.ingest.generator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one generation wrote.
 *
 * @param persons how many persons were generated
 * @param rawRecords every raw record of every data file (truth files and the manifest excluded)
 * @param recordsPerFile raw records per data file, keyed by the path relative to the output
 *     directory, in path order
 * @param elapsed wall time of the generation
 */
public record GeneratorReport(
    long persons, long rawRecords, Map<String, Long> recordsPerFile, Duration elapsed) {

  public GeneratorReport {
    if (persons < 0 || rawRecords < 0) {
      throw new IllegalArgumentException(
          "persons and rawRecords must not be negative, got " + persons + " and " + rawRecords);
    }
    recordsPerFile =
        Collections.unmodifiableMap(
            new TreeMap<>(requireNonNull(recordsPerFile, "recordsPerFile is null")));
    requireNonNull(elapsed, "elapsed is null");
  }
}
