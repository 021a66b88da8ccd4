package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.IndexConfig;
import io.opencdp.schemas.config.StreamConfig;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The stream's Elasticsearch sink (Sink V2): {@link StoreWrite}s buffered and sent in bulk with
 * external versions, at every checkpoint and the end of input, when {@code stream.flush_size}
 * writes are waiting, and every {@code stream.flush_interval_millis}. A version conflict is a
 * replay, already in the store: counted, not an error.
 */
public final class EsStoreSink implements Sink<StoreWrite> {
  private static final long serialVersionUID = 1L;

  private final String esUrl;
  private final String workspace;
  private final IndexConfig index;
  private final StreamConfig stream;

  EsStoreSink(String esUrl, String workspace, IndexConfig index, StreamConfig stream) {
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.index = requireNonNull(index, "index is null");
    this.stream = requireNonNull(stream, "stream is null");
  }

  @Override
  public SinkWriter<StoreWrite> createWriter(WriterInitContext context) {
    return new EsStoreWriter(esUrl, workspace, index, stream, context.getProcessingTimeService());
  }
}
