package io.opencdp.jobs.stream;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.store.BulkRetry;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.IndexAdmin;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.config.IndexConfig;
import io.opencdp.schemas.config.StreamConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link EsStoreSink}: buffers writes (the last per document), and on a flush keeps
 * the {@code segments} each profile document already has (the stream does not evaluate segments;
 * {@code cdp segments refresh} does), then sends one bulk request with {@code version_type:
 * external}. 409 (the store has this version or a later one) counts as already written; 429, 5xx
 * and no answer are retried up to {@code index.max_retries} times; anything else fails the job.
 * Runs on the task's thread only (timers included), so it needs no locking.
 */
final class EsStoreWriter implements SinkWriter<StoreWrite> {
  private static final Logger LOG = LoggerFactory.getLogger(EsStoreWriter.class);
  private static final String SEGMENTS = "segments";

  private final IndexConfig index;
  private final StreamConfig stream;
  private final ProcessingTimeService timers;
  private final EsConnection es;
  private final IndexAdmin admin;
  private final StoreIndices names;
  private final Set<YearMonth> months = new HashSet<>();
  private final LinkedHashMap<String, StoreWrite> buffer = new LinkedHashMap<>();
  private long written;
  private long conflicts;
  private long deleted;

  EsStoreWriter(
      String esUrl,
      String workspace,
      IndexConfig index,
      StreamConfig stream,
      ProcessingTimeService timers) {
    this.index = index;
    this.stream = stream;
    this.timers = timers;
    this.es = EsConnection.open(esUrl, index.requestTimeoutSeconds() * 1000);
    this.names = new StoreIndices(workspace);
    this.admin = new IndexAdmin(es.client(), names);
    ensureProfileIndices();
    admin.ensureEventIndices(List.of(), index.replicas());
    scheduleFlush();
  }

  /** The profiles and identity aliases over empty indices when there are none yet. */
  private void ensureProfileIndices() {
    if (!admin.indicesOf(names.profilesAlias()).isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    String profiles = names.profilesIndex(now);
    String identity = names.identityIndex(now);
    admin.createProfilesIndexForLoad(profiles);
    admin.createIdentityIndexForLoad(identity);
    admin.finishLoad(profiles, index.replicas());
    admin.finishLoad(identity, index.replicas());
    admin.swapAliases(profiles, identity);
    LOG.info("created {} and {} for the stream's writes", profiles, identity);
  }

  private void scheduleFlush() {
    timers.registerTimer(
        timers.getCurrentProcessingTime() + stream.flushIntervalMillis(),
        time -> {
          send();
          scheduleFlush();
        });
  }

  @Override
  public void write(StoreWrite write, Context context) throws IOException {
    buffer.remove(write.index() + "/" + write.id());
    buffer.put(write.index() + "/" + write.id(), write);
    if (buffer.size() >= stream.flushSize()) {
      send();
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    send();
  }

  @Override
  public void close() {
    LOG.info(
        "stream sink: {} document(s) written, {} deleted, {} already in the store (replays)",
        written,
        deleted,
        conflicts);
    es.close();
  }

  private void send() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    List<StoreWrite> writes = new ArrayList<>(buffer.values());
    buffer.clear();
    ensureMonths(writes);
    Map<String, JsonNode> segments = currentSegments(writes);
    List<StoreWrite> pending = writes;
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        sleep(BulkRetry.backoffMillis(index.retryBackoffMillis(), attempt));
      }
      pending = bulk(pending, segments, attempt >= index.maxRetries());
    }
  }

  /** Sends {@code writes}; returns those to send again. */
  private List<StoreWrite> bulk(
      List<StoreWrite> writes, Map<String, JsonNode> segments, boolean lastAttempt)
      throws IOException {
    List<BulkOperation> operations = new ArrayList<>(writes.size());
    for (StoreWrite write : writes) {
      operations.add(operation(write, segments));
    }
    BulkResponse response;
    try {
      response = es.client().bulk(b -> b.operations(operations));
    } catch (IOException | RuntimeException e) {
      if (!lastAttempt && BulkRetry.retryable(e)) {
        LOG.warn("bulk request of {} write(s) failed, will retry: {}", writes.size(), e.toString());
        return writes;
      }
      throw new IOException("the profile store refused a bulk request: " + e, e);
    }
    List<StoreWrite> again = new ArrayList<>();
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      StoreWrite write = writes.get(i);
      int status = item.status();
      if (item.error() == null && status < 300) {
        if (write.kind() == StoreWrite.Kind.DELETE) {
          deleted++;
        } else {
          written++;
        }
      } else if (status == 409) {
        conflicts++;
      } else if (write.kind() == StoreWrite.Kind.DELETE && status == 404) {
        deleted++;
      } else if (!lastAttempt && BulkRetry.retryable(status)) {
        again.add(write);
      } else {
        String reason =
            item.error() == null
                ? "status " + status
                : item.error().type() + ": " + item.error().reason();
        throw new IOException(
            "the profile store refused document "
                + write.id()
                + " in "
                + write.index()
                + " (status "
                + status
                + "): "
                + reason);
      }
    }
    return again;
  }

  private static BulkOperation operation(StoreWrite write, Map<String, JsonNode> segments) {
    if (write.kind() == StoreWrite.Kind.DELETE) {
      return BulkOperation.of(
          o ->
              o.delete(
                  d ->
                      d.index(write.index())
                          .id(write.id())
                          .version(write.version())
                          .versionType(VersionType.External)));
    }
    byte[] source = source(write, segments.get(write.id()));
    BinaryData document = BinaryData.of(source, "application/json");
    return BulkOperation.of(
        o ->
            o.index(
                i ->
                    i.index(write.index())
                        .id(write.id())
                        .version(write.version())
                        .versionType(VersionType.External)
                        .document(document)));
  }

  /** The write's JSON; a profile document gets the {@code segments} its stored copy has. */
  private static byte[] source(StoreWrite write, JsonNode kept) {
    if (write.kind() != StoreWrite.Kind.PROFILE || kept == null || kept.isEmpty()) {
      return write.json().getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode doc = FlinkStreamState.read(write.json(), ObjectNode.class);
    doc.set(SEGMENTS, kept);
    return doc.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code segments} of the stored documents of the profiles among {@code writes}. */
  private Map<String, JsonNode> currentSegments(List<StoreWrite> writes) throws IOException {
    List<String> ids =
        writes.stream()
            .filter(w -> w.kind() == StoreWrite.Kind.PROFILE)
            .map(StoreWrite::id)
            .toList();
    Map<String, JsonNode> segments = new HashMap<>();
    if (ids.isEmpty()) {
      return segments;
    }
    MgetResponse<ObjectNode> response =
        es.client()
            .mget(
                m -> m.index(names.profilesAlias()).ids(ids).sourceIncludes(SEGMENTS),
                ObjectNode.class);
    for (MultiGetResponseItem<ObjectNode> item : response.docs()) {
      if (item.isResult() && item.result().found() && item.result().source() != null) {
        JsonNode value = item.result().source().get(SEGMENTS);
        if (value != null && value.isArray()) {
          segments.put(item.result().id(), value);
        }
      }
    }
    return segments;
  }

  /** The monthly event indices the event writes go to, created from the mapping when missing. */
  private void ensureMonths(List<StoreWrite> writes) {
    Set<YearMonth> missing = new HashSet<>();
    for (StoreWrite write : writes) {
      if (write.kind() == StoreWrite.Kind.EVENT) {
        String name = write.index();
        YearMonth month = YearMonth.parse(name.substring(name.length() - 7).replace('.', '-'));
        if (!months.contains(month)) {
          missing.add(month);
        }
      }
    }
    if (!missing.isEmpty()) {
      admin.ensureEventIndices(missing, index.replicas());
      months.addAll(missing);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry a bulk request", e);
    }
  }
}
