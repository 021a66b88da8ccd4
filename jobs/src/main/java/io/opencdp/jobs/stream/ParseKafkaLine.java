package io.opencdp.jobs.stream;

import io.opencdp.schemas.config.IngestConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * Parses one Kafka record with the connector of {@code stream.kafka.source}, as the batch ingest
 * parses the same bytes as a line of the landing file the stream writes them to: same events, same
 * reason codes.
 */
final class ParseKafkaLine extends ParseRecords<KafkaLine> {
  private static final long serialVersionUID = 1L;

  private final String source;
  private transient LongCounter records;

  ParseKafkaLine(IngestConfig ingest, String workspaceId, String source) {
    super(ingest, workspaceId);
    this.source = source;
  }

  @Override
  public void open(OpenContext context) {
    super.open(context);
    records = new LongCounter();
    getRuntimeContext().addAccumulator(StreamCounters.KAFKA_RECORDS, records);
  }

  @Override
  public void processElement(KafkaLine line, Context ctx, Collector<String> out)
      throws IOException {
    parse(source, new ByteArrayInputStream(line.value()), line.name(), ctx, out);
    records.add(1);
  }
}
