package io.opencdp.ingest.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated output directory as read back by the tests: every data line of every file joined with
 * its truth row, and the true persons. Independent of the generator's own counters.
 */
final class GeneratedTree {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** One physical data line. {@code json} is null for CSV files and for lines that do not parse. */
  record Line(
      String file,
      String channel,
      int month,
      long number,
      String text,
      JsonNode json,
      List<String> csv,
      String personId,
      String kind) {
    boolean malformedInTruth() {
      return kind.equals("malformed");
    }

    String csv(String header, String column) {
      int i = List.of(header.split(",")).indexOf(column);
      return csv.get(i);
    }
  }

  record PersonRow(Map<String, String> values) {
    String get(String column) {
      return values.get(column);
    }

    boolean isolated() {
      return Boolean.parseBoolean(get("isolated"));
    }
  }

  final Path root;
  final List<String> dataFiles = new ArrayList<>();
  final List<Line> lines = new ArrayList<>();
  final Map<String, PersonRow> persons = new LinkedHashMap<>();
  final Map<String, String> headers = new HashMap<>();
  final List<String> truthRows;
  final JsonNode manifest;

  GeneratedTree(Path root) throws IOException {
    this.root = root;
    List<String> personLines = read(root.resolve("truth/persons.csv"));
    for (String row : personLines.subList(1, personLines.size())) {
      List<String> header = Csv.parse(PersonsTruth.HEADER);
      List<String> values = Csv.parse(row);
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        map.put(header.get(i), values.get(i));
      }
      persons.put(map.get("person_id"), new PersonRow(map));
    }
    truthRows = read(root.resolve("truth/records.csv"));
    Map<String, String[]> truth = new HashMap<>();
    for (String row : truthRows.subList(1, truthRows.size())) {
      String[] f = row.split(",");
      truth.put(f[0] + "#" + f[1], f);
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("truth/") && !p.equals("manifest.json") && !p.endsWith(".md"))
          .sorted()
          .forEach(dataFiles::add);
    }
    for (String file : dataFiles) {
      List<String> text = read(root.resolve(file));
      String channel = file.substring(0, file.indexOf('/'));
      boolean csv = file.endsWith(".csv");
      int month = monthOf(file);
      int first = 0;
      if (csv) {
        headers.put(channel, text.get(0));
        first = 1;
      }
      for (int i = first; i < text.size(); i++) {
        long number = i + 1;
        String[] t = truth.get(file + "#" + number);
        String line = text.get(i);
        JsonNode json = null;
        List<String> fields = null;
        if (csv) {
          fields = Csv.parse(line);
        } else {
          try {
            json = MAPPER.readTree(line);
          } catch (IOException e) {
            json = null;
          }
        }
        lines.add(
            new Line(
                file,
                channel,
                month,
                number,
                line,
                json,
                fields,
                t == null ? null : t[2],
                t == null ? null : t[3]));
      }
    }
    manifest = MAPPER.readTree(root.resolve("manifest.json").toFile());
  }

  Stream<Line> lines(String channel) {
    return lines.stream().filter(l -> l.channel().equals(channel));
  }

  Stream<Line> wellFormed(String channel) {
    return lines(channel).filter(l -> !l.malformedInTruth());
  }

  PersonRow person(Line line) {
    return persons.get(line.personId());
  }

  private static int monthOf(String file) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})\\.").matcher(file);
    return m.find() ? Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) : 0;
  }

  static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
