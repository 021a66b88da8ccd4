package io.opencdp.api.es.local;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch server distribution (the {@code integ-test-zip} Maven artifact) and its
 * unpacking into {@code <root>/dist-<version>}: once, atomically (unpacked into a temporary sibling
 * and renamed), keeping the unix permissions stored in the zip.
 *
 * @param version the Elasticsearch version, e.g. {@code 8.19.5}
 * @param zipCandidates where the distribution zip may be, first found wins
 */
record EsDistribution(String version, List<Path> zipCandidates) {
  private static final Logger LOG = LoggerFactory.getLogger(EsDistribution.class);
  private static final String BUILD_PROPERTIES = "es-distribution.properties";
  private static final Duration ABANDONED_PARTIAL_AGE = Duration.ofHours(1);

  EsDistribution {
    requireNonNull(version, "version is null");
    zipCandidates = List.copyOf(zipCandidates);
  }

  /**
   * The distribution the build recorded in {@code es-distribution.properties}, with the default
   * local Maven repository as a fallback location of the zip.
   */
  static EsDistribution fromBuild() {
    Properties props = new Properties();
    try (InputStream in = EsDistribution.class.getResourceAsStream(BUILD_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(BUILD_PROPERTIES + " is missing from the class path");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = props.getProperty("elasticsearch.version");
    String recorded = props.getProperty("elasticsearch.zip", "");
    Path fallback =
        Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(mavenPath(version));
    List<Path> candidates = new ArrayList<>();
    if (!recorded.isEmpty() && !recorded.contains("${")) {
      candidates.add(Path.of(recorded));
    }
    if (!candidates.contains(fallback)) {
      candidates.add(fallback);
    }
    return new EsDistribution(version, candidates);
  }

  /** The zip; fails with a hint to download it when it is in none of the candidate places. */
  Path zip() {
    return zipCandidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new CdpException(
                    ErrorCode.INPUT_NOT_FOUND,
                    "the Elasticsearch "
                        + version
                        + " distribution is not in the local Maven repository (looked for "
                        + zipCandidates
                        + "); run `mvn -DskipTests package` once to download it"));
  }

  private static String mavenPath(String version) {
    return "org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
        + version
        + "/elasticsearch-"
        + version
        + ".zip";
  }

  /** Where {@link #unpackInto} puts this version under {@code root}. */
  Path directoryUnder(Path root) {
    return root.resolve("dist-" + version);
  }

  /** Unpacks the distribution under {@code root} unless it already is; returns its directory. */
  Path unpackInto(Path root) {
    Path target = directoryUnder(root);
    if (Files.isDirectory(target)) {
      return target;
    }
    try {
      Files.createDirectories(root);
      removeAbandonedPartials(root);
      Path zip = zip();
      Path partial = root.resolve(target.getFileName() + ".partial-" + UUID.randomUUID());
      LOG.info("Unpacking Elasticsearch {} from {} into {}", version, zip, target);
      long started = System.nanoTime();
      try {
        extract(zip, partial);
      } catch (IOException | RuntimeException e) {
        FileTrees.deleteRecursively(partial);
        throw e;
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        LOG.info("{} was unpacked concurrently; using that copy", target);
        FileTrees.deleteRecursively(partial);
      }
      LOG.info("Unpacked Elasticsearch in {} ms", (System.nanoTime() - started) / 1_000_000);
      return target;
    } catch (IOException e) {
      throw new CdpException(
          ErrorCode.ENVIRONMENT,
          "cannot unpack the Elasticsearch distribution into " + target + ": " + e,
          e);
    }
  }

  private void extract(Path zip, Path destination) throws IOException {
    Files.createDirectories(destination);
    try (FileSystem zipFs =
            FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> entries = Files.walk(zipFs.getPath("/elasticsearch-" + version))) {
      Path top = zipFs.getPath("/elasticsearch-" + version);
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String relative = top.relativize(entry).toString();
        Path out = destination.resolve(relative);
        if (Files.isDirectory(entry)) {
          Files.createDirectories(out);
          Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(entry, out, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(out, permissions(entry, relative));
        }
      }
    }
  }

  /**
   * The entry's stored permissions, always readable by everyone (the unpacked copy is shared by
   * nodes of different users, and config files are copied from it) and writable by the owner;
   * scripts and native helpers executable even if the zip did not record it.
   */
  private static Set<PosixFilePermission> permissions(Path entry, String relative)
      throws IOException {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    perms.addAll(Files.getPosixFilePermissions(entry));
    perms.addAll(PosixFilePermissions.fromString("rw-r--r--"));
    boolean script = relative.startsWith("bin/") && !relative.contains(".");
    boolean nativeTool = relative.matches(".*platform/[^/]+/bin/[^/]+");
    if (script || nativeTool) {
      perms.addAll(PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    return perms;
  }

  private static void removeAbandonedPartials(Path root) throws IOException {
    Instant cutoff = Instant.now().minus(ABANDONED_PARTIAL_AGE);
    try (Stream<Path> children = Files.list(root)) {
      for (Path child :
          children.filter(p -> p.getFileName().toString().contains(".partial-")).toList()) {
        if (Files.getLastModifiedTime(child).toInstant().isBefore(cutoff)) {
          LOG.info("Removing the abandoned partial unpack {}", child);
          FileTrees.deleteRecursively(child);
        }
      }
    }
  }
}
