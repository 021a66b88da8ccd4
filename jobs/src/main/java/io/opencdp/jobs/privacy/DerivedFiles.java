package io.opencdp.jobs.privacy;

import io.opencdp.resolve.stream.StreamIdLog;
import io.opencdp.schemas.audience.Sha256;
import io.opencdp.schemas.config.CdpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files the platform derived from the person's data, outside Delta and the landing area: audience
 * exports ({@code exports.directory}; a row naming the person's profile id, an identifier value or
 * its SHA-256, as ad platforms receive it, is dropped, the header kept) and the stream's profile-id
 * files. (The stream's seeds are replaced, not scrubbed: {@code StreamSeeds.writeAfterErasure}.)
 */
final class DerivedFiles {
  private final CdpConfig config;

  DerivedFiles(CdpConfig config) {
    this.config = config;
  }

  /** Drops the person's rows from every export file; the rows dropped. */
  long scrubExports(ErasedPerson person) {
    Set<String> values = new HashSet<>(person.textValues());
    values.addAll(person.profileIds());
    for (String value : person.identifierValues()) {
      values.add(Sha256.hex(value));
      values.add(Sha256.hex(value.toLowerCase(Locale.ROOT)));
    }
    TextNeedles needles = new TextNeedles(values);
    long dropped = 0;
    for (Path file : files(config.exports().directoryIn(config.workDir()), "")) {
      dropped +=
          LineFiles.rewrite(
              file,
              file.toString().endsWith(".gz"),
              (line, text) ->
                  line > 1 && needles.foundIn(text)
                      ? LineFiles.Action.DROP
                      : LineFiles.Action.KEEP);
    }
    return dropped;
  }

  /**
   * Drops the lines naming the person from the stream's finished profile-id files ({@code
   * <work_dir>/stream/profile-ids}, which the next {@code cdp resolve} merges into {@code
   * stream_profile_ids}); the lines dropped. Files the stream is still writing (hidden until their
   * checkpoint completes) are left to that merge, which drops suppressed identifiers.
   */
  long scrubStreamIds(ErasedPerson person) {
    Set<String> values = new HashSet<>(person.textValues());
    values.addAll(person.profileIds());
    TextNeedles needles = new TextNeedles(values);
    long dropped = 0;
    for (Path file : files(StreamIdLog.directory(config.workDir()), "")) {
      dropped +=
          LineFiles.rewrite(
              file,
              false,
              (line, text) ->
                  needles.foundIn(text) ? LineFiles.Action.DROP : LineFiles.Action.KEEP);
    }
    return dropped;
  }

  /** The regular files under {@code dir} (recursively) whose name ends with {@code suffix}. */
  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
