package io.opencdp.resolve.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.resolve.guardrail.DropRule;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.schemas.event.TouchpointEvent;
import io.opencdp.schemas.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A seed on disk (docs/streaming.md, "Reconciliation"): {@code <work_dir>/stream/seed/<resolve run
 * id>.jsonl.gz}, gzipped JSON lines: one per state entry ({@code {"map":..,"key":..,"value":..}})
 * and one per event ({@code "map":"event"}: the canonical event, so the stream can rebuild a
 * profile from events it never read itself) and one per never-link pair of the operators' overrides
 * ({@code "map":"never-link"}) and one per salted hash of an erased person's identifier or event id
 * ({@code "map":"erased"}, docs/privacy.md), after a first line naming the workspace and the run.
 * Written to a hidden file and renamed, so a reader never sees half a seed; run ids sort by their
 * start time, so the newest seed is the last name.
 */
public final class SeedFile {
  private static final String PREFIX = "resolve-";
  private static final String SUFFIX = ".jsonl.gz";
  private static final String EVENT = "event";
  private static final String NEVER_LINK = "never-link";
  private static final String ERASED = "erased";

  private SeedFile() {}

  /**
   * A seed read back.
   *
   * @param workspace the workspace it was built for
   * @param run the resolve run that built it (the file's name without {@code .jsonl.gz})
   * @param state the state
   * @param events the batch's events, as {@link Json#mapper()} JSON, by event id
   * @param neverLink the operators' overrides the batch honoured, for the stream to honour too
   * @param erased the salted hashes ({@code SuppressedIdentifiers}) of erased people's identifiers
   *     and event ids, which the stream must neither keep nor take in again
   */
  public record Loaded(
      String workspace,
      String run,
      MemoryState state,
      Map<String, String> events,
      NeverLinkRules neverLink,
      Set<String> erased) {
    public Loaded {
      requireNonNull(workspace, "workspace is null");
      requireNonNull(run, "run is null");
      requireNonNull(state, "state is null");
      events = Map.copyOf(requireNonNull(events, "events is null"));
      requireNonNull(neverLink, "neverLink is null");
      erased = Set.copyOf(requireNonNull(erased, "erased is null"));
    }

    /** A seed without erasures. */
    public Loaded(
        String workspace,
        String run,
        MemoryState state,
        Map<String, String> events,
        NeverLinkRules neverLink) {
      this(workspace, run, state, events, neverLink, Set.of());
    }
  }

  /** Where seeds are: {@code <work_dir>/stream/seed}. */
  public static Path directory(Path workDir) {
    return workDir.resolve("stream").resolve("seed").toAbsolutePath().normalize();
  }

  /** The seed's file name for a resolve run. */
  public static String name(String runId) {
    return runId + SUFFIX;
  }

  /** The newest finished seed in {@code dir}, or empty. */
  public static Optional<Path> newest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
              })
          .max(Path::compareTo);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the stream seeds in " + dir, e);
    }
  }

  /** The run a seed file belongs to. */
  public static String runOf(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - SUFFIX.length());
  }

  /**
   * Writes a seed without erasures as {@code dir/<run>.jsonl.gz} and deletes older seeds but the
   * one before it (a stream may be reading it).
   */
  public static Path write(
      Path dir,
      String workspace,
      String run,
      MemoryState state,
      List<TouchpointEvent> events,
      NeverLinkRules neverLink) {
    return write(dir, workspace, run, state, events, neverLink, Set.of(), true);
  }

  /**
   * Writes a seed as {@code dir/<run>.jsonl.gz} with the hashes of what was erased, and deletes
   * older seeds: all of them when {@code keepPrevious} is false (after an erasure no file may keep
   * the erased events; a stream that was about to read one looks again), else all but the one
   * before it.
   */
  public static Path write(
      Path dir,
      String workspace,
      String run,
      MemoryState state,
      List<TouchpointEvent> events,
      NeverLinkRules neverLink,
      Set<String> erased,
      boolean keepPrevious) {
    ObjectMapper json = Json.mapper();
    Path target = dir.resolve(name(run));
    Path hidden = dir.resolve("." + name(run) + ".tmp");
    try {
      Files.createDirectories(dir);
      try (BufferedWriter out =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(hidden)), StandardCharsets.UTF_8))) {
        ObjectNode head = json.createObjectNode();
        head.put("workspace", workspace);
        head.put("run", run);
        out.write(head.toString());
        out.newLine();
        line(out, json, "identifiers", state.identifiers());
        line(out, json, "events", state.events());
        line(out, json, "profiles", state.profiles());
        line(out, json, "former-ids", state.formerIds());
        line(out, json, "vectors", state.vectors());
        line(out, json, "blocks", state.blocks());
        line(out, json, "terms", state.terms());
        line(out, json, "pins", state.pins());
        for (TouchpointEvent e : events) {
          out.write(entry(json, EVENT, e.eventId(), e).toString());
          out.newLine();
        }
        List<NeverLinkRules.Pair> pairs = neverLink.pairs();
        for (int i = 0; i < pairs.size(); i++) {
          out.write(entry(json, NEVER_LINK, String.valueOf(i), value(pairs.get(i))).toString());
          out.newLine();
        }
        for (String hash : new TreeSet<>(erased)) {
          out.write(entry(json, ERASED, hash, true).toString());
          out.newLine();
        }
      }
      Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
      List<Path> older = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(p -> p.getFileName().toString().startsWith(PREFIX))
            .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
            .filter(p -> p.compareTo(target) < 0)
            .sorted()
            .forEach(older::add);
      }
      for (Path old : older.subList(0, Math.max(0, older.size() - (keepPrevious ? 1 : 0)))) {
        Files.deleteIfExists(old);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stream seed " + target, e);
    }
  }

  /** Reads a seed written by {@link #write}. */
  public static Loaded read(Path file) {
    ObjectMapper json = Json.mapper();
    MemoryState state = StreamState.inMemory();
    Map<String, String> events = new HashMap<>();
    List<NeverLinkRules.Pair> pairs = new ArrayList<>();
    Set<String> erased = new HashSet<>();
    String workspace = null;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String first = in.readLine();
      if (first == null) {
        throw new IllegalStateException("the stream seed " + file + " is empty");
      }
      workspace = json.readTree(first).path("workspace").asText();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode n = json.readTree(line);
        String key = n.get("key").asText();
        JsonNode value = n.get("value");
        switch (n.get("map").asText()) {
          case "identifiers" ->
              state.identifiers().put(key, json.treeToValue(value, IdentifierNode.class));
          case "events" -> state.events().put(key, json.treeToValue(value, EventNode.class));
          case "profiles" -> state.profiles().put(key, json.treeToValue(value, ProfileNode.class));
          case "former-ids" -> state.formerIds().put(key, value.asText());
          case "vectors" -> state.vectors().put(key, json.treeToValue(value, VectorNode.class));
          case "blocks" -> state.blocks().put(key, json.treeToValue(value, BlockNode.class));
          case "terms" -> state.terms().put(key, value.asLong());
          case "pins" -> state.pins().put(key, json.treeToValue(value, PinNode.class));
          case EVENT -> events.put(key, value.toString());
          case NEVER_LINK -> pairs.add(pair(value));
          case ERASED -> erased.add(key);
          default -> throw new IllegalStateException("unknown map in the stream seed " + file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stream seed " + file, e);
    }
    return new Loaded(workspace, runOf(file), state, events, NeverLinkRules.of(pairs), erased);
  }

  /** The overrides as one JSON array, as the stream keeps them in its state. */
  public static String neverLinkJson(NeverLinkRules rules) {
    return Json.mapper()
        .valueToTree(rules.pairs().stream().map(SeedFile::value).toList())
        .toString();
  }

  /** Overrides from {@link #neverLinkJson}; none for null. */
  public static NeverLinkRules neverLinkOf(String json) {
    if (json == null) {
      return NeverLinkRules.none();
    }
    List<NeverLinkRules.Pair> pairs = new ArrayList<>();
    try {
      Json.mapper().readTree(json).forEach(p -> pairs.add(pair(p)));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable never-link overrides in the stream's state", e);
    }
    return NeverLinkRules.of(pairs);
  }

  private static List<String> value(NeverLinkRules.Pair p) {
    return List.of(p.left().toString(), p.right().toString(), p.rule().code(), p.overrideId());
  }

  private static NeverLinkRules.Pair pair(JsonNode value) {
    String code = value.get(2).asText();
    DropRule rule =
        Arrays.stream(DropRule.values())
            .filter(r -> r.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("unknown override rule " + code));
    return new NeverLinkRules.Pair(
        StreamingResolver.key(value.get(0).asText()),
        StreamingResolver.key(value.get(1).asText()),
        rule,
        value.get(3).asText());
  }

  private static <V> void line(
      BufferedWriter out, ObjectMapper json, String map, MemoryState.MemoryMap<V> entries)
      throws IOException {
    for (Map.Entry<String, V> e : entries.entries().entrySet()) {
      out.write(entry(json, map, e.getKey(), e.getValue()).toString());
      out.newLine();
    }
  }

  private static ObjectNode entry(ObjectMapper json, String map, String key, Object value) {
    ObjectNode line = json.createObjectNode();
    line.put("map", map);
    line.put("key", key);
    line.set("value", json.valueToTree(value));
    return line;
  }
}
