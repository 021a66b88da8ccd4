package io.opencdp.jobs.stream;

import io.opencdp.resolve.stream.StreamIdLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Where the {@link StreamIdLog} lines go: JSON-lines part files under {@code
 * <work_dir>/stream/profile-ids}, rolled and committed with each checkpoint (a file becomes
 * visible, without its leading dot, only once the checkpoint that covers its lines is complete, so
 * a restart never leaves a line twice or half a file for {@code cdp resolve} to read).
 */
final class StreamIdFiles {
  private StreamIdFiles() {}

  static FileSink<String> sink(Path workDir) {
    return FileSink.forRowFormat(
            new org.apache.flink.core.fs.Path(StreamIdLog.directory(workDir).toUri()),
            new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("ids").withPartSuffix(".jsonl").build())
        .build();
  }
}
