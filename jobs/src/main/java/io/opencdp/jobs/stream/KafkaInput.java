package io.opencdp.jobs.stream;

import io.opencdp.ingest.connector.LandingPaths;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceFormat;
import io.opencdp.schemas.config.StreamKafkaConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka as the stream's input (docs/streaming.md, "Kafka"): the topic's records, and the landing
 * files they are also written to so that the batch ingest, the one writer of Delta {@code events},
 * reads them.
 */
final class KafkaInput {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaInput.class);

  private final CdpConfig config;
  private final StreamKafkaConfig kafka;
  private final String servers;
  private Map<TopicPartition, Long> end;

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
   * file); with {@code once}, up to the latest offsets at start ({@link #endOffsets}, committed by
   * {@link #commitEnd} once the run succeeded). The offsets are in every checkpoint (exactly-once);
   * what is landed is committed to the group by {@link LandedOffsets}.
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
            // LandedOffsets alone commits to the group: what is landed, not what was read
            .setProperty("commit.offsets.on.checkpoint", "false");
    if (once) {
      end = endOffsets();
      builder.setBounded(OffsetsInitializer.offsets(end));
    }
    return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "kafka " + topic())
        .uid(once ? "kafka-once" : "kafka")
        .setParallelism(1);
  }

  /**
   * Writes each record as a line of a landing file under {@link #landingDir}: a file is in progress
   * (hidden, {@code .kafka-...inprogress}) until a checkpoint, which rolls it, completes; it is
   * then renamed to {@code kafka-<topic>-<uuid>-0-<n>.jsonl}: Flink's file sink, exactly-once
   * across restarts. Rolling on every checkpoint, not on size or age, is what makes the group's
   * committed offsets (committed on the same checkpoints) a promise that every record before them
   * is in a finished file, which {@link LandedOffsets} relies on.
   */
  void land(DataStream<KafkaLine> lines) {
    Map<Integer, Long> landed = committedOffsets();
    LOG.info(
        "records of {} before the offsets {} (partition=offset) of group {} are landed already",
        topic(),
        landed,
        groupId());
    FileSink<KafkaLine> sink =
        FileSink.forRowFormat(landingDir(), (Encoder<KafkaLine>) KafkaInput::writeLine)
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withRollingPolicy(OnCheckpointRollingPolicy.build())
            .withOutputFileConfig(
                OutputFileConfig.builder()
                    .withPartPrefix("kafka-" + topic())
                    .withPartSuffix(".jsonl")
                    .build())
            .build();
    lines
        .filter(new LandedOffsets(servers, topic(), groupId(), landed))
        .uid("kafka-not-landed-yet")
        .name("records not landed by an earlier run")
        .setParallelism(1)
        .sinkTo(sink)
        .uid("kafka-landing")
        .name("landing files for cdp ingest")
        .setParallelism(1);
  }

  /**
   * Commits the offsets a bounded run read up to, synchronously: the run's source commits offsets
   * too, but asynchronously, and a job that ends may close its consumer before they are sent.
   */
  void commitEnd() {
    if (end == null) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    end.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
    try (Admin admin = admin()) {
      admin.alterConsumerGroupOffsets(groupId(), offsets).all().get(30, TimeUnit.SECONDS);
      LOG.info("committed the offsets read, {}, to group {}", end, groupId());
    } catch (ExecutionException | TimeoutException e) {
      throw kafkaFailed("cannot commit the offsets read to group " + groupId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw kafkaFailed("interrupted committing offsets", e);
    }
  }

  /** The topic's latest offset per partition now; INPUT_NOT_FOUND when it does not exist. */
  private Map<TopicPartition, Long> endOffsets() {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic()))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic())
          .partitions()
          .forEach(
              p -> latest.put(new TopicPartition(topic(), p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((partition, info) -> offsets.put(partition, info.offset()));
      return offsets;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new CdpException(
            ErrorCode.INPUT_NOT_FOUND,
            "topic "
                + topic()
                + " does not exist at "
                + servers
                + "; produce to it or set stream.kafka.topic (--topic)",
            e);
      }
      throw kafkaFailed("cannot read the end offsets of " + topic(), e);
    } catch (TimeoutException e) {
      throw kafkaFailed("cannot read the end offsets of " + topic(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw kafkaFailed("interrupted reading offsets", e);
    }
  }

  private Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    return Admin.create(props);
  }

  private CdpException kafkaFailed(String what, Exception e) {
    return new CdpException(
        ErrorCode.STREAM_FAILED,
        what
            + " (Kafka at "
            + servers
            + ", stream.kafka.bootstrap_servers): "
            + (e.getCause() != null ? e.getCause() : e),
        e);
  }

  private String groupId() {
    return "cdp-stream-" + config.workspace();
  }

  /**
   * Per partition of the topic, the offset the group committed: every record before it is in a
   * finished landing file (the file sink commits on the same checkpoints as the offsets).
   */
  private Map<Integer, Long> committedOffsets() {
    try (Admin admin = admin()) {
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
      throw kafkaFailed("cannot read the committed offsets of group " + groupId(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw kafkaFailed("interrupted reading offsets", e);
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
