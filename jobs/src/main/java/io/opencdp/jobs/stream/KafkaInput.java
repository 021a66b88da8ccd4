package io.opencdp.jobs.stream;

import io.opencdp.ingest.connector.LandingPaths;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.CollectorConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceFormat;
import io.opencdp.schemas.config.StreamKafkaConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Kafka as the stream's input (docs/streaming.md, "Kafka"): the topic's records, and the landing
 * files they are also written to so that the batch ingest, the one writer of Delta {@code events},
 * reads them.
 */
final class KafkaInput {
  private final CdpConfig config;
  private final StreamKafkaConfig kafka;
  private final String servers;

  KafkaInput(CdpConfig config) {
    this.config = config;
    this.kafka = config.stream().kafka();
    this.servers =
        kafka
            .bootstrap()
            .orElseThrow(() -> new IllegalStateException("stream.kafka.bootstrap_servers is null"));
    if (!config.ingest().sources().containsKey(kafka.source())) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "stream.kafka.source '"
              + kafka.source()
              + "' is not an ingest source; choose one of "
              + config.ingest().sources().keySet());
    }
    if (config.ingest().source(kafka.source()).format() == SourceFormat.CSV) {
      // a record is one line without its file's header row
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "stream.kafka.source '"
              + kafka.source()
              + "' is a csv source; a Kafka record must be one self-contained message (segment,"
              + " sendgrid or amazon_connect)");
    }
  }

  /** The ingest source whose connector parses the records. */
  String source() {
    return kafka.source();
  }

  String topic() {
    return kafka.topicFor(config.workspace());
  }

  /**
   * The topic's records from the offsets in the restored state, else from the earliest (a run with
   * fresh state rebuilds the resolver's state from the whole topic, as a files run reads every
   * file); with {@code once}, up to the latest offsets at start. The offsets are in every
   * checkpoint (exactly-once) and committed to the group when it completes.
   */
  DataStream<KafkaLine> read(StreamExecutionEnvironment env, boolean once) {
    KafkaSourceBuilder<KafkaLine> builder =
        KafkaSource.<KafkaLine>builder()
            .setBootstrapServers(servers)
            .setTopics(topic())
            .setGroupId(groupId())
            .setClientIdPrefix(groupId())
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new KafkaLineDeserializer())
            .setProperty("commit.offsets.on.checkpoint", "true");
    if (once) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "kafka " + topic())
        .uid(once ? "kafka-once" : "kafka")
        .setParallelism(1);
  }

  /**
   * Writes each record as a line of a landing file under {@link #landingDir}: a file is in progress
   * (hidden, {@code .kafka-...inprogress}) until it rolls as the collector's files roll ({@code
   * collector.rotate_seconds}, {@code rotate_bytes}) and the next checkpoint completes, then
   * renamed to {@code kafka-<topic>-<uuid>-0-<n>.jsonl}: Flink's file sink, exactly-once across
   * restarts.
   */
  void land(DataStream<KafkaLine> lines) {
    Map<Integer, Long> landed = committedOffsets();
    CollectorConfig collector = config.collector();
    FileSink<KafkaLine> sink =
        FileSink.forRowFormat(landingDir(), (Encoder<KafkaLine>) KafkaInput::writeLine)
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withRollingPolicy(
                DefaultRollingPolicy.builder()
                    .withRolloverInterval(collector.rotateAfter())
                    .withInactivityInterval(collector.rotateAfter())
                    .withMaxPartSize(new MemorySize(collector.rotateBytes()))
                    .build())
            .withOutputFileConfig(
                OutputFileConfig.builder()
                    .withPartPrefix("kafka-" + topic())
                    .withPartSuffix(".jsonl")
                    .build())
            .build();
    lines
        .filter(new NotLandedYet(landed))
        .uid("kafka-not-landed-yet")
        .name("records not landed by an earlier run")
        .setParallelism(1)
        .sinkTo(sink)
        .uid("kafka-landing")
        .name("landing files for cdp ingest")
        .setParallelism(1);
  }

  private String groupId() {
    return "cdp-stream-" + config.workspace();
  }

  /**
   * Per partition of the topic, the offset the group committed: every record before it is in a
   * finished landing file (the file sink commits on the same checkpoints as the offsets).
   */
  private Map<Integer, Long> committedOffsets() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (Admin admin = Admin.create(props)) {
      Map<Integer, Long> offsets = new HashMap<>();
      admin
          .listConsumerGroupOffsets(groupId())
          .partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS)
          .forEach(
              (partition, offset) -> {
                if (partition.topic().equals(topic()) && offset != null) {
                  offsets.put(partition.partition(), offset.offset());
                }
              });
      return offsets;
    } catch (ExecutionException | TimeoutException e) {
      throw new CdpException(
          ErrorCode.STREAM_FAILED,
          "cannot read the committed offsets of group "
              + groupId()
              + " from Kafka at "
              + servers
              + " (stream.kafka.bootstrap_servers): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CdpException(ErrorCode.STREAM_FAILED, "interrupted reading Kafka offsets", e);
    }
  }

  /** Drops the records an earlier run landed: those before the group's committed offsets. */
  private static final class NotLandedYet implements FilterFunction<KafkaLine> {
    private static final long serialVersionUID = 1L;
    private final HashMap<Integer, Long> landed;

    NotLandedYet(Map<Integer, Long> landed) {
      this.landed = new HashMap<>(landed);
    }

    @Override
    public boolean filter(KafkaLine line) {
      return line.offset() >= landed.getOrDefault(line.partition(), 0L);
    }
  }

  /** {@code <the source's landing directory>/kafka/<topic>}. */
  Path landingDir() {
    IngestConfig ingest = config.ingest();
    URI dir = LandingPaths.toUri(ingest.location(ingest.source(kafka.source())));
    return new Path(new Path(dir), "kafka/" + topic());
  }

  private static void writeLine(KafkaLine line, java.io.OutputStream out)
      throws java.io.IOException {
    out.write(line.value());
    out.write('\n');
  }
}
