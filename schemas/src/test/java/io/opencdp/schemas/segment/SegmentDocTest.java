package io.opencdp.schemas.segment;

import static io.opencdp.schemas.segment.Segments.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.event.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/segments.md is the contract: its examples parse, its tables are the catalogs, its error
 * example is what the parser answers. Read from the repository, so code and doc cannot drift.
 */
class SegmentDocTest {
  private static final Path DOC = Path.of("..", "docs", "segments.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CODE_SPAN = Pattern.compile("`(\\{[^`]*})`");
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

  @Test
  void everyExampleDefinitionAndConditionOfTheDocParses() throws IOException {
    List<JsonNode> conditions = new ArrayList<>();
    List<JsonNode> definitions = new ArrayList<>();
    for (JsonNode block : jsonBlocks()) {
      if (block.has("condition")) {
        definitions.add(block);
      } else if (!block.has("status")) {
        conditions.add(block);
      }
    }
    Matcher spans = CODE_SPAN.matcher(doc());
    while (spans.find()) {
      JsonNode span = tryJson(spans.group(1));
      if (span != null && isCondition(span)) {
        conditions.add(span);
      }
    }

    assertThat(definitions).hasSize(1);
    assertThat(conditions).hasSizeGreaterThanOrEqualTo(4);
    for (JsonNode definition : definitions) {
      assertThat(SegmentDefinitions.parse(definition, Segments.context()).condition())
          .isInstanceOf(And.class);
    }
    for (JsonNode condition : conditions) {
      assertThat(SegmentDefinitions.parse(definition(condition), Segments.context()))
          .as(condition.toString())
          .isNotNull();
    }
  }

  @Test
  void theDocsErrorExampleIsWhatTheParserAnswers() throws IOException {
    JsonNode problem = jsonBlocks().stream().filter(b -> b.has("status")).findFirst().orElseThrow();
    ObjectNode definition =
        (ObjectNode)
            jsonBlocks().stream().filter(b -> b.has("condition")).findFirst().orElseThrow();
    ObjectNode secondEvent = (ObjectNode) definition.at("/condition/and/1/event");
    secondEvent.putObject("count").put("gte", -1);

    assertThatThrownBy(() -> SegmentDefinitions.parse(definition, Segments.context()))
        .isInstanceOfSatisfying(
            CdpException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(problem.get("detail").asText());
              assertThat(e.parameter()).isEqualTo(problem.get("parameter").asText());
              assertThat(e.code().name().toLowerCase()).isEqualTo(problem.get("code").asText());
            });
  }

  @Test
  void theProfileFieldCatalogIsTheDocsTable() throws IOException {
    Set<Field> documented = new LinkedHashSet<>();
    for (List<String> row : table("### Profile fields")) {
      for (String name : ticked(row.get(0))) {
        if (!name.startsWith(ProfileFields.CUSTOM_TRAIT_PREFIX)) {
          documented.add(field(name, row.get(1)));
        }
      }
    }

    assertThat(ProfileFields.BUILT_IN).containsExactlyElementsOf(documented);
  }

  @Test
  void theEventFieldCatalogIsTheDocsTable() throws IOException {
    Set<Field> documented = new LinkedHashSet<>();
    for (List<String> row : table("**Event fields**")) {
      for (String name : ticked(row.get(0))) {
        documented.add(field(name, row.get(1)));
      }
    }

    assertThat(EventFields.ALL).containsExactlyElementsOf(documented);
  }

  @Test
  void theOperatorsOfEachTypeAreTheDocsTable() throws IOException {
    Map<FieldType, Set<Operator>> documented = new EnumMap<>(FieldType.class);
    for (List<String> row : table("**Types and the operators they allow.**")) {
      FieldType type = FieldType.valueOf(ticked(row.get(0)).get(0).toUpperCase());
      Set<Operator> ops = EnumSet.noneOf(Operator.class);
      ticked(row.get(1)).forEach(op -> ops.add(Operator.fromWireName(op).orElseThrow()));
      documented.put(type, ops);
    }

    assertThat(documented).hasSize(FieldType.values().length);
    documented.forEach((type, ops) -> assertThat(type.operators()).as(type.name()).isEqualTo(ops));
  }

  @Test
  void theEventTypesTheDocNamesAreCanonical() throws IOException {
    String row = doc().lines().filter(l -> l.startsWith("| `type` |")).findFirst().orElseThrow();
    List<String> named = ticked(row).stream().filter(t -> t.matches("[a-z_]+")).toList();

    assertThat(named).contains("order_completed", "email_open");
    assertThat(EventTypes.CANONICAL).containsAll(named.subList(1, named.size()));
  }

  private static Field field(String name, String typeCell) {
    String type = typeCell.strip();
    if (type.startsWith("text (folded)")) {
      return Field.folded(name);
    }
    if (type.startsWith("number (integer)")) {
      return Field.integer(name);
    }
    String word = type.split("[\\s(]")[0];
    return Field.of(name, FieldType.valueOf(word.toUpperCase()));
  }

  /** The body rows of the first table after the line starting with {@code heading}, as cells. */
  private static List<List<String>> table(String heading) throws IOException {
    List<String> lines = doc().lines().toList();
    int i = 0;
    while (!lines.get(i).startsWith(heading)) {
      i++;
    }
    while (!lines.get(i).startsWith("|")) {
      i++;
    }
    i += 2;
    List<List<String>> rows = new ArrayList<>();
    for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      List<String> cells = List.of(line.substring(1, line.length() - 1).split(" \\| "));
      rows.add(cells.stream().map(String::strip).toList());
    }
    assertThat(rows).as(heading).isNotEmpty();
    return rows;
  }

  private static List<String> ticked(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = TICKED.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static boolean isCondition(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return false;
    }
    return node.has("field") || ConditionParser.SHAPES.contains(node.fieldNames().next());
  }

  private static List<JsonNode> jsonBlocks() throws IOException {
    List<JsonNode> blocks = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(doc());
    while (m.find()) {
      blocks.add(Segments.json(m.group(1)));
    }
    return blocks;
  }

  private static JsonNode tryJson(String text) {
    try {
      return Segments.json(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String doc() throws IOException {
    return Files.readString(DOC);
  }
}
