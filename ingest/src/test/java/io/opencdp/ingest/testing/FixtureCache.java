package io.opencdp.ingest.testing;

import io.opencdp.ingest.spark.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work directories that the test JVMs of one build share: the sample ingested by the ingest
 * module's tests is the sample the resolve module's tests resolve, and the sample resolved there is
 * the one the jobs module's tests index. Each module runs its tests in its own JVM, so without this
 * every module ingested and resolved the sample again (about 80 s in the jobs module alone).
 *
 * <p>A fixture is stored under the repository's {@code target/test-fixtures/} (removed by {@code
 * mvn clean}), named by a hash of everything that made it: the compiled code of the given classes'
 * modules (their classes directory or jar, hashed entry by entry so both give the same hash), the
 * sample's {@code manifest.json}, the Spark and Delta versions. Code that changes makes a new
 * fixture; the old one is deleted. Users copy a fixture before they write to it. {@code
 * -Dcdp.test.fixture-cache=off} turns the cache off.
 */
public final class FixtureCache {
  private static final Logger LOG = LoggerFactory.getLogger(FixtureCache.class);
  private static final String COMPLETE = ".complete";

  /** A stored fixture: its work directory and the report the run that made it wrote. */
  public record Fixture(Path work, String report) {}

  private FixtureCache() {}

  /** The fixture {@code name} that {@code code} made, if stored. */
  public static Optional<Fixture> find(String name, List<Class<?>> code) {
    if (off()) {
      return Optional.empty();
    }
    Path dir = dir(name, code);
    if (!Files.isRegularFile(dir.resolve(COMPLETE))) {
      LOG.info("test fixture {} not in the build's cache ({}): building it", name, dir);
      return Optional.empty();
    }
    try {
      LOG.info("test fixture {} from the build's cache: {}", name, dir);
      return Optional.of(
          new Fixture(dir.resolve("work"), Files.readString(dir.resolve("report.json"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores a copy of {@code work} and {@code report} as the fixture {@code name} that {@code code}
   * made, replacing older versions of it; a fixture already stored is kept.
   */
  public static void publish(String name, List<Class<?>> code, Path work, String report) {
    if (off()) {
      return;
    }
    Path dir = dir(name, code);
    if (Files.exists(dir)) {
      return;
    }
    try {
      Path parent = Files.createDirectories(dir.getParent());
      try (Stream<Path> old = Files.list(parent)) {
        old.filter(p -> p.getFileName().toString().startsWith(name + "-"))
            .forEach(SampleData::deleteQuietly);
      }
      Path building = Files.createTempDirectory(parent, "." + name + ".building-");
      SampleData.copyTree(work, building.resolve("work"));
      Files.writeString(building.resolve("report.json"), report);
      Files.writeString(building.resolve(COMPLETE), "");
      try {
        Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("test fixture {} stored in the build's cache: {}", name, dir);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        SampleData.deleteQuietly(building);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean off() {
    return "off".equals(System.getProperty("cdp.test.fixture-cache"));
  }

  private static Path dir(String name, List<Class<?>> code) {
    Path sample = SampleData.root();
    return sample.resolveSibling("target/test-fixtures").resolve(name + "-" + key(sample, code));
  }

  private static String key(Path sample, List<Class<?>> code) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, "spark " + codeSource(SparkSession.class).getFileName());
      update(digest, "delta " + codeSource(io.delta.tables.DeltaTable.class).getFileName());
      update(digest, "sample " + Files.readString(sample.resolve("manifest.json")));
      for (Class<?> c : code) {
        hashCode(digest, codeSource(c));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hashes a classes directory or a jar by its entries (name and bytes), META-INF left out. */
  private static void hashCode(MessageDigest digest, Path source) throws IOException {
    if (Files.isDirectory(source)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(source)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      hashEntries(
          digest,
          files.stream().map(p -> source.relativize(p).toString().replace('\\', '/')).toList(),
          entry -> Files.newInputStream(source.resolve(entry)));
    } else {
      try (JarFile jar = new JarFile(source.toFile())) {
        List<String> names = new ArrayList<>();
        jar.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
        hashEntries(
            digest,
            names,
            entry -> {
              JarEntry e = jar.getJarEntry(entry);
              return jar.getInputStream(e);
            });
      }
    }
  }

  private interface Opener {
    InputStream open(String entry) throws IOException;
  }

  private static void hashEntries(MessageDigest digest, List<String> entries, Opener opener)
      throws IOException {
    List<String> sorted =
        entries.stream().filter(e -> !e.startsWith("META-INF/")).sorted().toList();
    for (String entry : sorted) {
      update(digest, entry);
      try (InputStream in = opener.open(entry)) {
        digest.update(in.readAllBytes());
      }
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
