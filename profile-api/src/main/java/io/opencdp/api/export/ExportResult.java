package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.json.Json;
import java.nio.file.Path;
import java.util.List;

/**
 * What one export did: its match-readiness and its files.
 *
 * @param segmentVersion the definition version the members were selected with
 * @param members the segment's members at the export's instant
 * @param exported the members that passed every filter and have a row
 * @param droppedConsent members without the consent purpose
 * @param droppedSuppressed members with an identifier on the suppression list
 * @param noHashableIdentifier members without any identifier the format matches on
 * @param adds with {@code since_last}: rows new or changed since the previous export; else null
 * @param removes with {@code since_last}: rows sent before and gone or changed now; else null
 * @param files the files written
 */
public record ExportResult(
    long segmentVersion,
    long members,
    long exported,
    long droppedConsent,
    long droppedSuppressed,
    long noHashableIdentifier,
    Long adds,
    Long removes,
    List<File> files) {

  /** One file: {@code members}, {@code adds} or {@code removes}, where, and its data rows. */
  public record File(String kind, Path path, long rows) {
    public File {
      requireNonNull(kind, "kind is null");
      requireNonNull(path, "path is null");
    }
  }

  public ExportResult {
    files = List.copyOf(files);
  }

  /** The counts and files as the export record holds them. */
  ObjectNode toJson() {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("segment_version", segmentVersion);
    json.put("members", members);
    json.put("exported", exported);
    json.put("dropped_consent", droppedConsent);
    json.put("dropped_suppressed", droppedSuppressed);
    json.put("no_hashable_identifier", noHashableIdentifier);
    if (adds != null) {
      json.put("adds", adds);
      json.put("removes", removes);
    }
    ArrayNode list = json.putArray("files");
    for (File file : files) {
      list.addObject()
          .put("kind", file.kind())
          .put("path", file.path().toAbsolutePath().toString())
          .put("rows", file.rows());
    }
    return json;
  }
}
