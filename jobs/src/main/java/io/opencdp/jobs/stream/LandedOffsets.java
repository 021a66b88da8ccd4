package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the landing file sink: drops the records an earlier run landed (those before the
 * group's committed offsets at start), and when a checkpoint completes commits to the group the
 * offsets after the last records it passed before that checkpoint: the records the file sink
 * finishes on the same checkpoint. So the group's offsets say what is in a finished landing file,
 * whatever the Kafka source itself commits.
 */
final class LandedOffsets extends RichFilterFunction<KafkaLine>
    implements CheckpointedFunction, CheckpointListener {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LandedOffsets.class);

  private final String servers;
  private final String topic;
  private final String groupId;
  private final HashMap<Integer, Long> landedAtStart;
  private transient Map<Integer, Long> next;
  private transient TreeMap<Long, Map<Integer, Long>> pending;
  private transient Admin admin;

  LandedOffsets(String servers, String topic, String groupId, Map<Integer, Long> landedAtStart) {
    this.servers = requireNonNull(servers, "servers is null");
    this.topic = requireNonNull(topic, "topic is null");
    this.groupId = requireNonNull(groupId, "groupId is null");
    this.landedAtStart = new HashMap<>(landedAtStart);
  }

  @Override
  public void open(OpenContext context) {
    next = new HashMap<>();
    pending = new TreeMap<>();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    admin = Admin.create(props);
  }

  @Override
  public boolean filter(KafkaLine line) {
    next.merge(line.partition(), line.offset() + 1, Math::max);
    return line.offset() >= landedAtStart.getOrDefault(line.partition(), 0L);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) {
    // nothing kept: after a restore the offsets start again from the records read
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    if (!next.isEmpty()) {
      pending.put(context.getCheckpointId(), new HashMap<>(next));
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map<Integer, Long> offsets = null;
    while (!pending.isEmpty() && pending.firstKey() <= checkpointId) {
      offsets = pending.pollFirstEntry().getValue();
    }
    if (offsets == null) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    offsets.forEach(
        (partition, offset) ->
            commit.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)));
    try {
      admin.alterConsumerGroupOffsets(groupId, commit).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the next checkpoint commits again; until then a run with fresh state may land the
      // records again, which the batch ingest drops by event id
      LOG.warn(
          "cannot commit the landed offsets {} to group {}: {}", offsets, groupId, e.toString());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
