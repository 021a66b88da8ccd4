package io.opencdp.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opencdp.ingest.connector.Connector;
import io.opencdp.ingest.connector.Connectors;
import io.opencdp.ingest.connector.LandedFileParser;
import io.opencdp.ingest.connector.ParseResult;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The committed {@code sample-data/} (2,000 persons, seed 42) as the Spark ingest tests use it: a
 * private copy of its landing directories, a config pointing at that copy, and the generator's
 * truth and manifest to reconcile a run against.
 */
public final class SampleData {
  /** One raw record of {@code truth/records.csv}. */
  record TruthRecord(FileLine at, String personId, String kind) {}

  /** A place in a landing file: the path relative to the landing root and the 1-based line. */
  record FileLine(String file, long line) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /** A natural key of the events table (the workspace is the same for every row here). */
  record Key(String sourceSystem, String sourceKey) {}

  private SampleData() {}

  /**
   * The natural key of every record of the sample that its connector makes an event, parsed here
   * without Spark.
   */
  static Map<FileLine, Key> naturalKeys(CdpConfig config, Path landing) throws IOException {
    IngestConfig ingest = config.ingest();
    Map<FileLine, Key> keys = new HashMap<>();
    Instant now = Instant.now();
    for (String relative : SampleData.manifestFiles().keySet()) {
      Connector connector =
          Connectors.create(
              SampleData.sourceOf(ingest, relative).name(), ingest, config.workspace());
      try (InputStream in = Files.newInputStream(landing.resolve(relative))) {
        LandedFileParser.parse(
            in,
            relative,
            connector,
            ingest.maxLineBytes(),
            now,
            result -> {
              if (result instanceof ParseResult.Parsed parsed) {
                TouchpointEvent e = parsed.event();
                keys.put(
                    new FileLine(relative, e.sourceRef().line()),
                    new Key(e.sourceSystem(), e.sourceKey()));
              }
            });
      }
    }
    return keys;
  }

  /** The repository's {@code sample-data/}; fails when the repository has none. */
  public static Path root() {
    String configured = System.getProperty("cdp.repo.root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("sample-data");
      if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
        return candidate;
      }
    }
    throw new AssertionError("no sample-data/manifest.json above " + start);
  }

  /** The config of ingest tests: the documented defaults, landing in {@code landing}. */
  static CdpConfig config(Path landing, Path workDir) {
    CdpConfig defaults = CdpConfig.defaults();
    return defaults
        .withWorkDir(workDir)
        .withIngest(defaults.ingest().withLandingRoot(landing.toAbsolutePath().toString()));
  }

  /**
   * Copies every source directory of the sample (web, app, pos, ...; not truth/ or the manifest) to
   * {@code landing}, so a test can change files without touching the committed ones.
   */
  static Path copyLanding(Path landing) {
    return copyLanding(landing, file -> true);
  }

  /** As {@link #copyLanding(Path)}, only the files {@code keep} accepts (paths relative). */
  public static Path copyLanding(Path landing, Predicate<String> keep) {
    Path root = root();
    try {
      for (SourceConfig source : CdpConfig.defaults().ingest().sources().values()) {
        Path from = root.resolve(source.path());
        Path to = Files.createDirectories(landing.resolve(source.path()));
        try (Stream<Path> files = Files.list(from)) {
          for (Path file : files.sorted().toList()) {
            if (keep.test(source.path() + "/" + file.getFileName())) {
              Files.copy(file, to.resolve(file.getFileName()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return landing;
  }

  static JsonNode manifest() {
    try {
      return Json.mapper().readTree(root().resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest's per-file entries, by path relative to the landing root. */
  static Map<String, JsonNode> manifestFiles() {
    Map<String, JsonNode> files = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = manifest().path("files").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      files.put(e.getKey(), e.getValue());
    }
    assertThat(files).as("manifest.json files").isNotEmpty();
    return files;
  }

  /** Every row of {@code truth/records.csv}. */
  static List<TruthRecord> truth() {
    List<TruthRecord> records = new ArrayList<>();
    try (Stream<String> lines = Files.lines(root().resolve("truth/records.csv"))) {
      Iterator<String> it = lines.iterator();
      assertThat(it.next()).isEqualTo("file,line,person_id,kind");
      while (it.hasNext()) {
        String[] f = it.next().split(",", -1);
        assertThat(f).as("truth row %s", String.join(",", f)).hasSize(4);
        records.add(new TruthRecord(new FileLine(f[0], Long.parseLong(f[1])), f[2], f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /**
   * The CRM records the generator writes malformed that the connector nevertheless keeps as events:
   * the data model keeps a customer whose {@code birth_date} is impossible, flagging the date (see
   * {@code SampleDataReconciliationTest}); only a bad {@code updated_at} or a missing key rejects
   * the row. Read from the raw file, so the tests follow the generator whichever column it breaks.
   */
  static Set<FileLine> malformedCrmRowsKeptAsEvents(List<TruthRecord> truth) {
    Set<FileLine> kept = new HashSet<>();
    try {
      List<String> lines = Files.readAllLines(root().resolve("crm/customers.csv"));
      List<String> header = csvFields(lines.get(0));
      int birth = header.indexOf("birth_date");
      int updated = header.indexOf("updated_at");
      int id = header.indexOf("customer_id");
      assertThat(List.of(birth, updated, id)).as("crm header %s", header).doesNotContain(-1);
      for (TruthRecord t : truth) {
        if (!t.kind().equals("malformed") || !t.at().file().equals("crm/customers.csv")) {
          continue;
        }
        List<String> f = csvFields(lines.get((int) t.at().line() - 1));
        if (f.size() == header.size()
            && !f.get(id).isBlank()
            && isInstant(f.get(updated))
            && !f.get(birth).isEmpty()
            && !isDate(f.get(birth))) {
          kept.add(t.at());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kept;
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isInstant(String s) {
    try {
      Instant.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The fields of one RFC 4180 line (quotes, doubled quotes; no line breaks inside fields). */
  static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /** The configured source whose landing directory holds {@code relative}. */
  static SourceConfig sourceOf(IngestConfig ingest, String relative) {
    String dir = relative.substring(0, relative.indexOf('/'));
    return ingest.sources().values().stream()
        .filter(s -> s.path().equals(dir))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no source lands in " + dir));
  }

  /** Deletes {@code dir} and everything under it; best effort. */
  public static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temp directory left behind is not a test failure
    }
  }

  /** Copies the tree {@code from} to {@code to} (which must not exist). */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
