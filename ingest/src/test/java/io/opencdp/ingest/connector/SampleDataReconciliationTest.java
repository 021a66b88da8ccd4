package io.opencdp.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Parses the committed {@code sample-data/} through every connector and reconciles each file with
 * the generator's {@code manifest.json}: every record it wrote malformed is a dead letter with the
 * reason its malformation maps to, and every other record is an event. (A customer row with an
 * impossible birth date is not malformed: the data model keeps it with the date in {@code
 * custom.invalid_attributes}; the generator breaks {@code updated_at} instead.)
 */
class SampleDataReconciliationTest {
  private static final IngestConfig INGEST = AbstractConnectorConformanceTest.INGEST;

  @Test
  void everyMalformedRecordIsADeadLetterAndEveryOtherRecordAnEvent() throws IOException {
    Path root = sampleData();
    assumeTrue(root != null, "no sample-data/manifest.json in the repository");
    JsonNode manifest = Json.mapper().readTree(root.resolve("manifest.json").toFile());
    Instant ingestedAt =
        LocalDate.parse(manifest.path("config").path("end_date").asText())
            .plusDays(30)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    List<String> mismatches = new ArrayList<>();
    int files = 0;

    Iterator<Map.Entry<String, JsonNode>> entries = manifest.path("files").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String relative = entry.getKey();
      JsonNode expected = entry.getValue();
      SourceConfig source = sourceOf(relative);
      Connector connector = Connectors.create(source.name(), INGEST, "default");
      Map<String, Long> reasons = new TreeMap<>();
      LandedFileParser.Summary summary;
      try (InputStream in = Files.newInputStream(root.resolve(relative))) {
        summary =
            LandedFileParser.parse(
                in,
                relative,
                connector,
                INGEST.maxLineBytes(),
                ingestedAt,
                result -> {
                  if (result instanceof ParseResult.Rejected r) {
                    reasons.merge(r.deadLetter().reasonCode(), 1L, Long::sum);
                  }
                });
      }
      files++;
      long impossible = expected.path("malformed_impossible_date").asLong();
      Map<String, Long> expectedReasons = new TreeMap<>();
      put(
          expectedReasons,
          ReasonCodes.JSON_MALFORMED,
          expected.path("malformed_truncated_json").asLong());
      put(expectedReasons, ReasonCodes.DATE_IMPOSSIBLE, impossible);
      long missing = expected.path("malformed_missing_required").asLong();
      Map<String, Long> actual = new TreeMap<>(reasons);
      long actualMissing =
          actual.getOrDefault(ReasonCodes.MISSING_FIELD, 0L)
              + actual.getOrDefault(ReasonCodes.MISSING_IDENTIFIER, 0L);
      actual.remove(ReasonCodes.MISSING_FIELD);
      actual.remove(ReasonCodes.MISSING_IDENTIFIER);
      long expectedDead = expected.path("malformed").asLong();
      if (summary.records() != expected.path("records").asLong()
          || summary.deadLetters() != expectedDead
          || actualMissing != missing
          || !actual.equals(expectedReasons)) {
        mismatches.add(
            relative
                + ": records "
                + summary.records()
                + "/"
                + expected.path("records").asLong()
                + ", dead letters "
                + summary.deadLetters()
                + "/"
                + expectedDead
                + ", reasons "
                + reasons
                + " vs manifest "
                + expected);
      }
    }

    assertThat(files).isPositive();
    assertThat(mismatches).isEmpty();
  }

  private static void put(Map<String, Long> map, String key, long value) {
    if (value > 0) {
      map.put(key, value);
    }
  }

  /** The configured source whose landing directory holds {@code relative}. */
  static SourceConfig sourceOf(String relative) {
    String dir = relative.substring(0, relative.indexOf('/'));
    return INGEST.sources().values().stream()
        .filter(s -> s.path().equals(dir))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no source lands in " + dir));
  }

  /** The repository's sample-data directory, or null when it has none. */
  static Path sampleData() {
    String configured = System.getProperty("cdp.repo.root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("sample-data");
      if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
        return candidate;
      }
      if (configured != null) {
        break;
      }
    }
    return null;
  }
}
