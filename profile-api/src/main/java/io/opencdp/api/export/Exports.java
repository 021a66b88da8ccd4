package io.opencdp.api.export;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.SavedSegments;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.audience.AudienceLayout;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.segment.ProfileFields;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audience exports of one workspace (docs/segments.md, "Audience exports"): each export recorded in
 * {@code cdp-<ws>-exports} ({@code queued} → {@code running} → {@code succeeded} | {@code failed}),
 * run now ({@link #run}, {@code cdp export}) or one at a time on a background thread ({@link
 * #submit}, the API).
 */
public final class Exports implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long {@link #close} lets a running export finish. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** Which layout a format and its csv fields get: {@code AudienceLayout::of} outside tests. */
  public interface Layouts extends BiFunction<AudienceFormat, List<String>, AudienceLayout> {}

  private final ExportJob job;
  private final ExportState state;
  private final ExportRecords records;
  private final Layouts layouts;
  private final Path directory;
  private final Clock clock;
  private final String workspace;
  private ExecutorService executor;

  /**
   * @param consentPurpose {@code exports.consent_purpose}: a named purpose of {@code fields}, else
   *     a consent purpose as a whole
   * @param directory where {@link #submit} writes files ({@code exports.directory} resolved)
   */
  public Exports(
      ElasticsearchClient es,
      StoreIndices indices,
      ProfileFields fields,
      SegmentsConfig segments,
      String consentPurpose,
      Path directory,
      Suppressions suppressions,
      Layouts layouts,
      Clock clock) {
    requireNonNull(es, "es is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.layouts = requireNonNull(layouts, "layouts is null");
    this.directory = requireNonNull(directory, "directory is null");
    this.workspace = indices.workspace();
    this.records = new ExportRecords(es, indices);
    this.state = new ExportState(es, indices);
    this.job =
        new ExportJob(
            SavedSegments.of(es, indices, fields),
            state,
            suppressions,
            segments,
            fields.consentPurposes().resolve(consentPurpose),
            clock);
  }

  /**
   * The exports of the workspace of {@code indices} with the platform layouts ({@link
   * AudienceLayout#of}) and the workspace's suppression list ({@link SuppressionLookup}).
   */
  public static Exports of(
      ElasticsearchClient es,
      StoreIndices indices,
      ProfileFields fields,
      SegmentsConfig segments,
      String consentPurpose,
      Path directory,
      Clock clock) {
    return new Exports(
        es,
        indices,
        fields,
        segments,
        consentPurpose,
        directory,
        SuppressionLookup.of(es, indices),
        AudienceLayout::of,
        clock);
  }

  /**
   * Records and runs {@code request} now; the finished record. A failure is recorded ({@code
   * failed} with the error) and thrown.
   */
  public ObjectNode run(ExportRequest request) {
    requireNonNull(request.out(), "out is null");
    SavedSegments.Saved segment = job.segment(request.segmentId());
    AudienceLayout layout = layouts.apply(request.format(), request.fields());
    ObjectNode record = queued(request, segment);
    execute(record.path("export_id").asText(), request, layout, true);
    return get(record.path("export_id").asText()).orElseThrow();
  }

  /**
   * Checks {@code request} (the segment exists, the format takes its fields), records it {@code
   * queued} and runs it on the background thread, writing under the exports directory; the queued
   * record.
   */
  public synchronized ObjectNode submit(ExportRequest request) {
    SavedSegments.Saved segment = job.segment(request.segmentId());
    AudienceLayout layout = layouts.apply(request.format(), request.fields());
    ObjectNode record = queued(request, segment);
    String id = record.path("export_id").asText();
    ExportRequest placed = request.withOut(directory.resolve(id + ".csv"));
    if (executor == null) {
      executor =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread thread = new Thread(r, "cdp-export-" + workspace);
                thread.setDaemon(true);
                return thread;
              });
    }
    executor.execute(
        () -> {
          try {
            execute(id, placed, layout, false);
          } catch (RuntimeException e) {
            LOG.error("could not record the end of export {}", id, e);
          }
        });
    return record;
  }

  /**
   * The rows last sent of the profiles {@code profileIds} to every segment's destinations (the
   * access export lists them): {@code cdp-<ws>-export-state} documents as stored.
   */
  public List<ObjectNode> sentTo(Collection<String> profileIds) {
    return state.sentTo(profileIds);
  }

  /** The record {@code exportId}. */
  public Optional<ObjectNode> get(String exportId) {
    return records.get(exportId);
  }

  /**
   * Marks the records left {@code queued} or {@code running} by a stopped API {@code failed}
   * ("interrupted"); how many. Called when the API starts, before any new export.
   */
  public int failInterrupted() {
    List<String> left = records.unfinished();
    for (String id : left) {
      ObjectNode changes = Json.mapper().createObjectNode();
      changes.put("status", ExportStatus.FAILED.id());
      changes.put("error", "interrupted");
      changes.put("finished_at", clock.instant().toString());
      records.update(id, changes);
    }
    if (!left.isEmpty()) {
      LOG.warn("{} exports were interrupted by a stop; marked failed", left.size());
    }
    return left.size();
  }

  /**
   * Stops the background thread: queued exports are dropped, a running one gets {@link #CLOSE_WAIT}
   * to finish, then is interrupted (both are marked failed at the next start).
   */
  @Override
  public synchronized void close() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private ObjectNode queued(ExportRequest request, SavedSegments.Saved segment) {
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("workspace_id", workspace);
    record.put("export_id", newId());
    record.put("segment_id", segment.id());
    record.put("segment_version", segment.version());
    record.put("format", request.format().id());
    record.put("destination", request.destination());
    record.put("since_last", request.sinceLast());
    ArrayNode fields = record.putArray("fields");
    request.fields().forEach(fields::add);
    record.put("status", ExportStatus.QUEUED.id());
    record.putArray("files");
    record.put("requested_by", request.requestedBy());
    record.put("created_at", clock.instant().toString());
    records.create(record);
    return record;
  }

  private void execute(String id, ExportRequest request, AudienceLayout layout, boolean rethrow) {
    ObjectNode running = Json.mapper().createObjectNode();
    running.put("status", ExportStatus.RUNNING.id());
    running.put("started_at", clock.instant().toString());
    records.update(id, running);
    ObjectNode done;
    RuntimeException failure = null;
    try {
      done = job.run(id, request, layout).toJson();
      done.put("status", ExportStatus.SUCCEEDED.id());
    } catch (RuntimeException e) {
      failure = e;
      LOG.warn("export {} failed", id, e);
      done = Json.mapper().createObjectNode();
      done.put("status", ExportStatus.FAILED.id());
      done.put(
          "error",
          e instanceof CdpException
              ? e.getMessage()
              : "internal error (" + e.getClass().getSimpleName() + "); see the log");
    }
    done.put("finished_at", clock.instant().toString());
    records.update(id, done);
    if (failure != null && rethrow) {
      throw failure;
    }
  }

  /** {@code exp-<epoch ms>-<6 hex>}. */
  String newId() {
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    return "exp-" + clock.millis() + "-" + HexFormat.of().formatHex(random);
  }
}
