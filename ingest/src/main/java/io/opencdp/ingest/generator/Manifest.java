package io.opencdp.ingest.generator;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.config.GeneratorConfig;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code manifest.json}: seed, persons, the config used, person-level counts, and per data file its
 * records and the count of every injected kind (see {@link Tally}). Holds no wall-clock value, so
 * it is as deterministic as the data.
 */
final class Manifest {
  private Manifest() {}

  static void write(
      Path out,
      long seed,
      int persons,
      GeneratorConfig config,
      PersonStats stats,
      List<FileSink> files)
      throws IOException {
    var mapper = Json.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("generator", "opencdp-datagen");
    root.put("format_version", 1);
    root.put("seed", seed);
    root.put("persons", persons);
    root.set("config", mapper.valueToTree(config));
    root.set("person_counts", stats.toJson(mapper.createObjectNode()));
    ObjectNode totals = root.putObject("totals");
    for (Tally tally : Tally.ALL) {
      long sum = 0;
      for (FileSink f : files) {
        sum += f.count(tally);
      }
      totals.put(tally.key(), sum);
    }
    ObjectNode perFile = root.putObject("files");
    for (FileSink f : files) {
      ObjectNode node = perFile.putObject(f.path());
      for (Tally tally : Tally.ALL) {
        node.put(tally.key(), f.count(tally));
      }
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    String text = mapper.writer(printer).writeValueAsString(root) + "\n";
    Files.writeString(out.resolve("manifest.json"), text, StandardCharsets.UTF_8);
  }
}
