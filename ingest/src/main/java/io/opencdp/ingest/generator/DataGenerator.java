package io.opencdp.ingest.generator;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.GeneratorConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seeded multi-channel test-data generator: raw files of five channels and a customer master in
 * their vendors' formats, a ground truth naming the true person of every record, and a manifest of
 * every injected kind of noise. The same seed and config give byte-identical files; persons are
 * streamed to disk one by one, so memory does not grow with the person count.
 */
public final class DataGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(DataGenerator.class);
  private static final Comparator<Raw> FILE_ORDER =
      Comparator.<Raw>comparingInt(raw -> raw.channel.ordinal())
          .thenComparingLong(raw -> raw.receivedMs)
          .thenComparingInt(raw -> raw.seq);

  private final GeneratorConfig config;

  public DataGenerator(GeneratorConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  /**
   * Writes everything under out (created if missing; existing generated files overwritten, other
   * files like README.md left alone).
   */
  public GeneratorReport generate(int persons, long seed, Path out, GeneratorProgress progress)
      throws IOException {
    if (persons < 1) {
      throw new IllegalArgumentException("persons must be at least 1, got " + persons);
    }
    requireNonNull(out, "out is null");
    requireNonNull(progress, "progress is null");
    long started = System.nanoTime();
    Files.createDirectories(out);
    deletePreviousOutput(out);

    Window window = new Window(config.endDate(), config.days());
    Noise noise = new Noise(config.noise());
    double scale = config.recordsPerPerson() / 20.0;
    Stores stores = new Stores(seed, config.stores());
    SegmentSessions segment = new SegmentSessions(noise, window, scale, seed);
    PosChannel pos = new PosChannel(noise, window, scale, stores);
    SendGridChannel email = new SendGridChannel(noise, window, scale);
    ConnectChannel connect = new ConnectChannel(noise, window, scale, seed);
    CrmChannel crm = new CrmChannel(noise, window);
    Households households = new Households(seed, config, persons);
    PersonFactory factory = new PersonFactory(seed, config, window);
    PersonStats stats = new PersonStats();
    long step = Math.max(1, Math.min(10_000, (persons + 99) / 100));
    List<Raw> raws = new ArrayList<>(256);
    List<FileSink> files;
    long total = 0;

    LOG.info("generating {} persons with seed {} into {}", persons, seed, out);
    try (Sinks sinks = new Sinks(out);
        PersonsTruth truth = new PersonsTruth(out)) {
      for (int i = 0; i < persons; i++) {
        Household household = households.of(i);
        SplittableRandom r = Rand.stream(seed, Rand.PERSON, i);
        Person person = factory.create(i, household, r);
        truth.write(person);
        stats.add(person);
        raws.clear();
        segment.web(person, r, raws);
        segment.app(person, r, raws);
        pos.generate(person, r, raws);
        email.generate(person, r, raws);
        connect.generate(person, r, raws);
        crm.generate(person, r, raws);
        raws.sort(FILE_ORDER);
        for (Raw raw : raws) {
          sinks.write(raw, person.id());
        }
        total += raws.size();
        if ((i + 1) % step == 0 || i + 1 == persons) {
          progress.persons(i + 1L, persons);
        }
      }
      files = sinks.files();
    }
    Manifest.write(out, seed, persons, config, stats, files);
    Map<String, Long> perFile = new LinkedHashMap<>();
    for (FileSink f : files) {
      perFile.put(f.path(), f.count(Tally.RECORDS));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "generated {} persons, {} raw records in {} files in {}",
        persons,
        total,
        files.size(),
        elapsed);
    return new GeneratorReport(persons, total, perFile, elapsed);
  }

  /** Removes files an earlier run wrote (they may be for other months); leaves everything else. */
  private static void deletePreviousOutput(Path out) throws IOException {
    for (Channel channel : Channel.ALL) {
      Path dir = out.resolve(channel.dir);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> files =
          Files.newDirectoryStream(dir, channel.prefix + "*" + channel.suffix)) {
        for (Path file : files) {
          Files.delete(file);
        }
      }
    }
    Files.deleteIfExists(out.resolve("truth/records.csv"));
    Files.deleteIfExists(out.resolve("truth/persons.csv"));
    Files.deleteIfExists(out.resolve("manifest.json"));
  }
}
