package io.opencdp.jobs.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Greps a whole work directory for a person's values: every file's bytes as text (gzip files
 * unpacked), and every Parquet file (Delta data, change data, checkpoints) decoded by Spark into
 * JSON rows too, since their bytes are compressed.
 */
final class WorkDirScan {
  private WorkDirScan() {}

  /** What names the person: any of their values, or their first and last name together. */
  record Person(Set<String> values, String first, String last)
      implements FilterFunction<String>, Predicate<String> {
    @Override
    public boolean call(String text) {
      return test(text);
    }

    @Override
    public boolean test(String text) {
      return holdsAny(text, values)
          || TextNeedles.containsToken(
                  text.toLowerCase(Locale.ROOT), first.toLowerCase(Locale.ROOT))
              && TextNeedles.containsToken(
                  text.toLowerCase(Locale.ROOT), last.toLowerCase(Locale.ROOT));
    }
  }

  /** The files (relative) whose text or decoded rows name the person, with a sample. */
  static Map<String, String> find(SparkSession spark, Path root, Person found) {
    Map<String, String> hits = new TreeMap<>();
    List<String> parquet = new ArrayList<>();
    Map<Path, List<String>> parquetByDir = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        String text = text(file, name.endsWith(".gz"));
        for (String line : text.split("\n")) {
          if (found.test(line)) {
            hits.put(root.relativize(file).toString(), abbreviate(line));
            break;
          }
        }
        if (name.endsWith(".parquet")) {
          parquet.add(file.toString());
          parquetByDir
              .computeIfAbsent(file.getParent(), d -> new ArrayList<>())
              .add(file.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // one read per directory of Parquet files (a table's data, its change data, its log)
    Map<String, List<String>> byKind = new TreeMap<>();
    for (Map.Entry<Path, List<String>> e : parquetByDir.entrySet()) {
      Path dir = e.getKey();
      String kind = kindOf(root, dir);
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(e.getValue());
    }
    for (Map.Entry<String, List<String>> e : byKind.entrySet()) {
      List<String> rows =
          spark
              .read()
              .option("mergeSchema", "true")
              .parquet(e.getValue().toArray(String[]::new))
              .toJSON()
              .filter(found)
              .limit(3)
              .collectAsList();
      if (!rows.isEmpty()) {
        hits.put(e.getKey() + " (decoded)", abbreviate(rows.get(0)));
      }
    }
    return hits;
  }

  /** A table's data, change data or log, by the directories below {@code delta/<ws>/<table>}. */
  private static String kindOf(Path root, Path dir) {
    Path rel = root.relativize(dir);
    String s = rel.toString();
    int delta = s.indexOf("delta/");
    if (delta < 0 || rel.getNameCount() < 3) {
      return s;
    }
    String table = String.join("/", rel.subpath(0, 3).toString());
    if (s.contains("_delta_log")) {
      return table + "/_delta_log";
    }
    if (s.contains("_change_data")) {
      return table + "/_change_data";
    }
    return table;
  }

  private static String text(Path file, boolean gzip) throws IOException {
    try (InputStream in =
        gzip ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String abbreviate(String line) {
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** Whether {@code text} holds any of {@code values} as a token (emails case-insensitively). */
  static boolean holdsAny(String text, Set<String> values) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String v : values) {
      if (TextNeedles.containsToken(lower, v.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
