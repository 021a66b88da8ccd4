package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import io.opencdp.api.store.EsConnection;
import io.opencdp.ingest.spark.SparkSessions;
import io.opencdp.ingest.spark.SuppressionListTable;
import io.opencdp.ingest.spark.TableLocations;
import io.opencdp.resolve.spark.ResolveJob;
import io.opencdp.resolve.spark.StreamSeeds;
import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.privacy.IdentifierHasher;
import io.opencdp.schemas.privacy.SuppressedIdentifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure ("right to be forgotten", docs/privacy.md): {@link #erase} records the request in Delta
 * {@code erasure_requests}, finds the person, suppresses their identifiers (Delta {@code
 * suppression_list}, salted hashes), deletes their rows from every Delta table, their documents
 * from every Elasticsearch index, their records from the landing files, the exports and the stream
 * seeds, and leaves the request {@code pending_physical_delete}; {@link #complete} purges the
 * deleted data physically once the configured horizon has passed and marks the due requests {@code
 * done}.
 */
public final class ErasureJob {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureJob.class);
  static final int ES_TIMEOUT_MILLIS = 60_000;

  private final SparkSession spark;
  private final CdpConfig config;
  private final String esUrl;
  private final TableLocations tables;
  private final ErasureRequestsTable requests;

  /**
   * A job in {@code spark}; {@code esUrl} null leaves Elasticsearch alone (a work directory that
   * was never indexed).
   */
  public ErasureJob(SparkSession spark, CdpConfig config, String esUrl) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.esUrl = esUrl;
    this.tables = TableLocations.of(config);
    this.requests = new ErasureRequestsTable(spark, tables);
  }

  /** One request in a Spark session of its own: the entry point of a queue drain. */
  public static ErasureState run(CdpConfig config, String esUrl, ErasureRequest request) {
    SparkSession spark = SparkSessions.create("cdp-erase", config.spark(), config.workDir());
    try {
      return new ErasureJob(spark, config, esUrl).erase(request);
    } finally {
      spark.stop();
    }
  }

  /** Erases the request's person logically; the request ends {@code pending_physical_delete}. */
  public ErasureState erase(ErasureRequest request) {
    String hash =
        request.identifierValue() == null
            ? null
            : hasher().hash(request.identifierType(), request.identifierValue());
    ErasureState state =
        new ErasureState(
            config.workspace(),
            request.requestId(),
            request.identifierType(),
            hash,
            request.profileId() == null ? List.of() : List.of(request.profileId()),
            ErasureState.RECEIVED,
            List.of(),
            request.requestedBy(),
            request.requestedAt(),
            null,
            null,
            null,
            null);
    requests.upsert(state);
    DeltaEraser eraser = new DeltaEraser(spark, tables, config.workspace());
    eraser.checkEveryTableIsKnown();
    PersonFinder.Found found = new PersonFinder(spark, tables, config.workspace()).find(request);
    if (found.refusal() != null) {
      ErasureState rejected = state.with(ErasureState.REJECTED, found.refusal());
      requests.upsert(rejected);
      return rejected;
    }
    ErasedPerson person = found.person();
    ErasureState deleting = state.with(ErasureState.DELETING, null);
    requests.upsert(deleting);
    List<Removed> removed;
    try {
      removed = deleteEverywhere(person, found, request.requestId());
    } catch (RuntimeException e) {
      // the request stays `deleting`, saying why (Elasticsearch goes first: when it is down,
      // nothing else was deleted yet and a new request does it all)
      requests.upsert(deleting.with(ErasureState.DELETING, "stopped: " + e.getMessage()));
      throw e;
    }
    Instant now = Instant.now();
    ErasureState pending =
        state.deleted(List.copyOf(new TreeSet<>(person.profileIds())), removed, now);
    requests.upsert(pending);
    LOG.info("erasure {}: removed {}", request.requestId(), removed);
    return pending;
  }

  /**
   * Suppression, then every place the person's data lives, Elasticsearch first (the one place that
   * may be down); what was removed where.
   */
  private List<Removed> deleteEverywhere(
      ErasedPerson person, PersonFinder.Found found, String requestId) {
    suppress(person, requestId);
    List<Removed> es = new ArrayList<>();
    if (esUrl != null) {
      try (EsConnection connection = EsConnection.open(esUrl, ES_TIMEOUT_MILLIS)) {
        es.addAll(new EsEraser(connection, config.workspace()).delete(person));
      }
    }
    List<Removed> removed =
        new ArrayList<>(new DeltaEraser(spark, tables, config.workspace()).delete(person));
    removed.add(
        new Removed(
            "landing",
            new LandingRewriter(spark, config, tables).rewrite(person, found.landingLines()),
            null,
            Instant.now()));
    DerivedFiles files = new DerivedFiles(config);
    removed.add(new Removed("exports", files.scrubExports(person), null, Instant.now()));
    removed.add(
        new Removed("stream_profile_ids", files.scrubStreamIds(person), null, Instant.now()));
    removed.add(new Removed("stream_seed", replaceSeeds(), null, Instant.now()));
    removed.addAll(es);
    return removed;
  }

  /**
   * When a stream runs here, writes a seed of the tables without the person, which replaces every
   * older seed (they hold the person's events) and carries the erased hashes: the running stream
   * forgets the person at its next event and drops their later events (docs/streaming.md, "Erasure
   * in the stream"). The seeds removed.
   */
  private long replaceSeeds() {
    Path dir = SeedFile.directory(config.workDir());
    long older = 0;
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        older = files.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return StreamSeeds.writeAfterErasure(spark, tables, config, ResolveJob.newRunId()).isPresent()
        ? older
        : 0;
  }

  /**
   * Purges physically and marks {@code done} every pending request whose horizon ({@code
   * logically_deleted_at} plus the longer of the two retentions) has passed at {@code now}; the
   * requests completed.
   */
  public List<ErasureState> complete(Instant now) {
    Duration horizon =
        max(config.privacy().deletedFileRetention(), config.privacy().logRetention());
    List<ErasureState> due =
        requests.withStatus(config.workspace(), ErasureState.PENDING).stream()
            .filter(s -> !s.logicallyDeletedAt().plus(horizon).isAfter(now))
            .toList();
    if (due.isEmpty()) {
      return List.of();
    }
    Set<String> touched = new TreeSet<>();
    for (ErasureState s : due) {
      for (Removed r : s.removed()) {
        if (r.location().startsWith("delta:")) {
          touched.add(r.location().substring("delta:".length()));
        }
      }
    }
    List<PhysicalPurge.TablePurge> purged =
        new PhysicalPurge(
                spark,
                tables,
                config.privacy().deletedFileRetention(),
                config.privacy().logRetention())
            .run(touched);
    Instant at = Instant.now();
    List<Removed> removed = new ArrayList<>();
    StringBuilder verified = new StringBuilder("verified:");
    for (PhysicalPurge.TablePurge p : purged) {
      removed.add(new Removed("purge:" + p.table(), p.filesRemoved(), p.checkpointVersion(), at));
      verified
          .append(' ')
          .append(p.table())
          .append(" log from v")
          .append(p.oldest())
          .append(p.oldest() == p.checkpointVersion() ? " (checkpoint)" : "")
          .append(", ")
          .append(p.staleChangeFiles())
          .append(" change-data files older than the retention;");
    }
    List<ErasureState> done = new ArrayList<>();
    for (ErasureState s : due) {
      ErasureState d = s.done(removed, at, verified.toString());
      requests.upsert(d);
      done.add(d);
    }
    return done;
  }

  /** The request's state, or null. */
  public ErasureState state(String requestId) {
    return requests.get(config.workspace(), requestId);
  }

  private void suppress(ErasedPerson person, String requestId) {
    IdentifierHasher hasher = hasher();
    Instant now = Instant.now();
    List<Row> rows = new ArrayList<>();
    List<String[]> typed = new ArrayList<>();
    for (String key : person.identifiers()) {
      int colon = key.indexOf(':');
      typed.add(new String[] {key.substring(0, colon), key.substring(colon + 1)});
    }
    for (String record : person.recordKeys()) {
      typed.add(new String[] {SuppressedIdentifiers.SOURCE_RECORD, record});
    }
    for (String[] t : typed) {
      rows.add(
          RowFactory.create(
              config.workspace(),
              t[0],
              hasher.hash(t[0], t[1]),
              SuppressionListTable.ERASED,
              "erasure:" + requestId,
              null,
              now));
    }
    if (!rows.isEmpty()) {
      SuppressionListTable.insertAbsent(spark, tables, rows);
    }
  }

  private IdentifierHasher hasher() {
    return IdentifierHasher.fromFile(config.privacy().saltFileIn(config.workDir()));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
