package io.opencdp.schemas.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads {@link CdpConfig}: the documented defaults ({@code cdp-defaults.yaml} on the class path),
 * then the user's file over them key by key, then the environment ({@code CDP_ES_URL}, {@code
 * CDP_WORK_DIR}). Every error names the key, as written in the file, and the file.
 */
public final class ConfigLoader {
  public static final String DEFAULTS_RESOURCE = "/cdp-defaults.yaml";

  /**
   * Maps whose keys are the user's to choose (new sources, more stores); every other key must be
   * known.
   */
  private static final List<Pattern> OPEN_MAPS =
      List.of(
          Pattern.compile("ingest\\.sources"),
          Pattern.compile("ingest\\.sources\\.[^.]+\\.store_time_zones"));

  private ConfigLoader() {}

  /** Loads the config; {@code file} may be null for the defaults alone. */
  public static CdpConfig load(Path file) {
    return load(file, System.getenv());
  }

  static CdpConfig load(Path file, Map<String, String> env) {
    ObjectNode tree = readDefaults();
    String source = "built-in defaults";
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new CdpException(
            ErrorCode.INPUT_NOT_FOUND, "config file " + file + " does not exist or is not a file");
      }
      source = file.toString();
      merge(tree, readUserFile(file), "");
    }
    applyEnvironment(tree, env);
    return bind(tree, source);
  }

  private static ObjectNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the class path");
      }
      return (ObjectNode) Json.yaml().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readUserFile(Path file) {
    try {
      JsonNode node = Json.yaml().readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return Json.yaml().createObjectNode();
      }
      if (!node.isObject()) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID, file + ": the config file must be a YAML mapping of keys");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID, file + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CdpException(ErrorCode.INPUT_NOT_FOUND, "cannot read config file " + file, e);
    }
  }

  /**
   * Overlays {@code user} on {@code base}; a key the defaults do not know is an error naming it.
   */
  private static void merge(ObjectNode base, JsonNode user, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      if (!base.has(field.getKey()) && isOpenMap(prefix)) {
        base.set(field.getKey(), field.getValue());
        continue;
      }
      if (!base.has(field.getKey())) {
        throw new CdpException(
            ErrorCode.CONFIG_INVALID,
            "unknown config key '"
                + key
                + "'; known keys here: "
                + knownKeys(base, prefix)
                + " (see cdp-defaults.yaml)");
      }
      JsonNode existing = base.get(field.getKey());
      if (existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, field.getValue(), key + ".");
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static boolean isOpenMap(String prefix) {
    String path = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return OPEN_MAPS.stream().anyMatch(p -> p.matcher(path).matches());
  }

  private static String knownKeys(ObjectNode node, String prefix) {
    Iterable<String> names = node::fieldNames;
    return java.util.stream.StreamSupport.stream(names.spliterator(), false)
        .map(name -> prefix + name)
        .collect(Collectors.joining(", "));
  }

  private static void applyEnvironment(ObjectNode tree, Map<String, String> env) {
    String esUrl = env.get("CDP_ES_URL");
    if (esUrl != null && !esUrl.isBlank()) {
      ((ObjectNode) tree.get("elasticsearch")).set("url", TextNode.valueOf(esUrl.strip()));
    }
    String workDir = env.get("CDP_WORK_DIR");
    if (workDir != null && !workDir.isBlank()) {
      tree.set("work_dir", TextNode.valueOf(workDir.strip()));
    }
  }

  private static CdpConfig bind(ObjectNode tree, String source) {
    try {
      CdpConfig config = Json.yaml().treeToValue(tree, CdpConfig.class);
      return config;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new CdpException(ErrorCode.CONFIG_INVALID, source + ": " + cause.getMessage(), e);
    } catch (UnrecognizedPropertyException e) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID, source + ": unknown config key '" + path(e) + "'", e);
    } catch (JsonMappingException e) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          source + ": bad value for '" + path(e) + "': " + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new CdpException(ErrorCode.CONFIG_INVALID, source + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
