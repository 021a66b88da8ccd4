package io.opencdp.jobs.stream;

import static java.util.Objects.requireNonNull;

import io.opencdp.ingest.connector.LandingPaths;
import io.opencdp.resolve.guardrail.NeverLinkRules;
import io.opencdp.resolve.match.MatchModelStore;
import io.opencdp.resolve.stream.SeedFile;
import io.opencdp.resolve.stream.StreamingResolver;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.privacy.IdentifierHasher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cdp stream} (docs/streaming.md): landing files → parse → incremental resolution and
 * profile building → the profile store, on Flink. Local runs use a mini-cluster in this JVM and
 * resume from the latest checkpoint under {@code <work_dir>/stream/checkpoints}; under {@code flink
 * run} the same pipeline goes to the session cluster. Callable from Java: {@code new
 * StreamJob(config, esUrl).once(true).run()}.
 */
public final class StreamJob {
  private static final Logger LOG = LoggerFactory.getLogger(StreamJob.class);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
  private static final int RESTART_ATTEMPTS = 3;
  private static final Duration RESTART_DELAY = Duration.ofSeconds(2);

  private final CdpConfig config;
  private final String esUrl;
  private boolean once;
  private volatile JobClient running;
  private KafkaInput kafkaInput;
  private volatile boolean cancelled;
  private Consumer<String> progress = line -> {};
  private Consumer<StreamReport> reports = report -> {};

  public StreamJob(CdpConfig config, String esUrl) {
    this.config = requireNonNull(config, "config is null");
    this.esUrl = requireNonNull(esUrl, "esUrl is null");
  }

  /** Whether to read the files present and end (bounded), instead of monitoring. */
  public StreamJob once(boolean value) {
    this.once = value;
    return this;
  }

  /** Where progress lines go (the CLI prints them). */
  public StreamJob progress(Consumer<String> sink) {
    this.progress = requireNonNull(sink, "sink is null");
    return this;
  }

  /**
   * Where the figures go while the job runs, every couple of seconds (a caller that waits for the
   * stream to catch up reads them).
   */
  public StreamJob reports(Consumer<StreamReport> sink) {
    this.reports = requireNonNull(sink, "sink is null");
    return this;
  }

  /** Where checkpoints are kept. */
  public Path checkpointDir() {
    return config.workDir().resolve("stream").resolve("checkpoints").toAbsolutePath().normalize();
  }

  /**
   * Runs the job until the files are read ({@link #once}) or the job is cancelled (Ctrl-C in the
   * CLI), and reports what it did.
   */
  public StreamReport run() throws Exception {
    Instant started = Instant.now();
    Path checkpoints = checkpointDir();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(settings());
    String restoredFrom = null;
    if (env instanceof LocalStreamEnvironment) {
      Optional<Path> latest = Checkpoints.latest(checkpoints);
      if (latest.isPresent()) {
        restoredFrom = latest.get().toString();
        Checkpoints.pruneAllBut(checkpoints, latest.get());
        Configuration restore = settings();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, restoredFrom);
        // --once reads every file again with a source of its own (a bounded source cannot take
        // over a monitoring one's state); the resolver's state skips the events it has seen. A
        // Kafka run may resume the resolver's state of a files run (and --once a monitoring one's)
        restore.set(
            StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE,
            once || config.stream().kafka().bootstrap().isPresent());
        env = StreamExecutionEnvironment.getExecutionEnvironment(restore);
        progress.accept("resuming from checkpoint " + restoredFrom);
      }
    }
    build(env);
    JobClient job = env.executeAsync("cdp stream (" + config.workspace() + ")");
    running = job;
    Thread cancelOnExit = new Thread(() -> cancel(job), "cdp-stream-cancel");
    if (!once) {
      Runtime.getRuntime().addShutdownHook(cancelOnExit);
    }
    try {
      Map<String, Object> counters = watch(job, restoredFrom, started);
      if (once && kafkaInput != null && !cancelled) {
        kafkaInput.commitEnd();
      }
      return StreamReport.of(counters, restoredFrom, Duration.between(started, Instant.now()));
    } finally {
      if (!once) {
        try {
          Runtime.getRuntime().removeShutdownHook(cancelOnExit);
        } catch (IllegalStateException e) {
          // shutting down: the hook is running
        }
      }
    }
  }

  /** Cancels the running job (its checkpoints are kept); {@link #run} then returns. */
  public void cancel() {
    JobClient job = running;
    if (job != null) {
      cancel(job);
    }
  }

  private Configuration settings() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir().toUri().toString());
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.stream().checkpointInterval());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(StateBackendOptions.STATE_BACKEND, config.stream().stateBackend().wireName());
    // a failure (Elasticsearch unreachable, say) restarts the job from its last checkpoint a few
    // times before the run fails
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
    // the mini-cluster's task managers report accumulators (the progress lines) with their
    // heartbeats: every second rather than every ten
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    // every type between operators has Flink's own serializer (strings, records of strings)
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    return conf;
  }

  /** The pipeline of docs/streaming.md, "Topology". */
  void build(StreamExecutionEnvironment env) {
    IngestConfig ingest = config.ingest();
    String workspace = config.workspace();
    // source and parse at parallelism 1: events reach the resolver in one order, the order of the
    // files (or of the topic's one partition), so a replay after a restore gives the same versions
    // as the first attempt
    SingleOutputStreamOperator<String> events;
    if (config.stream().kafka().bootstrap().isPresent()) {
      KafkaInput kafka = new KafkaInput(config);
      kafkaInput = kafka;
      DataStream<KafkaLine> lines = kafka.read(env, once);
      kafka.land(lines);
      events =
          lines
              .process(new ParseKafkaLine(ingest, workspace, kafka.source()))
              .uid("parse-kafka")
              .name("parse Kafka records")
              .setParallelism(1);
    } else {
      events =
          landedFiles(env, ingest)
              .process(new ParseLandedFile(ingest, workspace))
              .uid("parse")
              .name("parse landed files")
              .setParallelism(1);
    }
    events
        .getSideOutput(ParseRecords.DEAD_LETTERS)
        .map(new CountDeadLetters())
        .uid("dead-letters")
        .name("count dead letters")
        .setParallelism(1)
        .sinkTo(new DiscardingSink<>())
        .uid("dead-letters-end")
        .name("dead letters end here (cdp ingest records them)")
        .setParallelism(1);
    StreamingResolver resolver = resolver(config);
    SingleOutputStreamOperator<StoreWrite> resolved =
        events
            .keyBy(json -> workspace, Types.STRING)
            .process(
                new StreamResolveFunction(
                    workspace,
                    resolver,
                    config.profiles(),
                    config.resolve().guardrails(),
                    new MatchModelStore(config.workDir()).current().toString(),
                    SeedFile.directory(config.workDir()).toString(),
                    IdentifierHasher.fromFile(config.privacy().saltFileIn(config.workDir()))))
            .uid("resolve")
            .name("resolve identities, build profiles")
            .setParallelism(1);
    resolved
        .sinkTo(new EsStoreSink(esUrl, workspace, config.index(), config.stream()))
        .uid("profile-store")
        .name("profile store")
        .setParallelism(1);
    resolved
        .getSideOutput(StreamResolveFunction.PROFILE_IDS)
        .sinkTo(StreamIdFiles.sink(config.workDir()))
        .uid("profile-ids")
        .name("profile ids for the batch")
        .setParallelism(1);
  }

  /**
   * The resolver: it links probabilistically too when {@code resolve.match.enabled} and the batch
   * has a model ({@code <work_dir>/match/model.json}); the stream never trains one.
   */
  static StreamingResolver resolver(CdpConfig config) {
    return StreamingResolver.of(config, NeverLinkRules.none());
  }

  private DataStream<LandedFileRef> landedFiles(
      StreamExecutionEnvironment env, IngestConfig ingest) {
    FileSource.FileSourceBuilder<LandedFileRef> files =
        FileSource.forBulkFileFormat(new LandedFileFormat(ingest), sourceDirs(ingest));
    files.setFileEnumerator(SortedFileEnumerator::new);
    files.setSplitAssigner(FifoSplitAssigner::new);
    if (!once) {
      files.monitorContinuously(config.stream().monitorInterval());
    }
    return env.fromSource(files.build(), WatermarkStrategy.noWatermarks(), "landing files")
        .uid(once ? "landing-files-once" : "landing-files")
        .setParallelism(1);
  }

  /** The directories of the sources that exist; a source without one is not monitored. */
  private static org.apache.flink.core.fs.Path[] sourceDirs(IngestConfig ingest) {
    List<org.apache.flink.core.fs.Path> dirs = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (SourceConfig source : ingest.sources().values()) {
      URI dir = LandingPaths.toUri(ingest.location(source));
      if ("file".equals(dir.getScheme()) && !Files.isDirectory(Path.of(dir))) {
        missing.add(source.name());
        continue;
      }
      dirs.add(new org.apache.flink.core.fs.Path(dir));
    }
    if (dirs.isEmpty()) {
      throw new CdpException(
          ErrorCode.INPUT_NOT_FOUND,
          "no source directory exists under ingest.landing_root ("
              + ingest.landingRoot()
              + "); create one (e.g. "
              + ingest.location(ingest.sources().values().iterator().next())
              + ") or set ingest.landing_root");
    }
    if (!missing.isEmpty()) {
      LOG.warn(
          "sources without a landing directory are not monitored (create it and restart): {}",
          missing);
    }
    return dirs.toArray(org.apache.flink.core.fs.Path[]::new);
  }

  /** Prints progress while the job runs; returns its final counters. */
  private Map<String, Object> watch(JobClient job, String restoredFrom, Instant started)
      throws Exception {
    String last = "";
    Map<String, Object> counters = Map.of();
    while (!job.getJobExecutionResult().isDone()) {
      try {
        counters = job.getAccumulators().get(10, TimeUnit.SECONDS);
        StreamReport report =
            StreamReport.of(counters, restoredFrom, Duration.between(started, Instant.now()));
        reports.accept(report);
        String line = report.progressLine();
        if (!line.equals(last)) {
          progress.accept(line);
          last = line;
        }
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        LOG.debug("no progress figures yet: {}", e.toString());
      } catch (IllegalStateException e) {
        // a local job that just finished takes its mini-cluster down with it: the result below
        // has the final figures
        LOG.debug("no progress figures: {}", e.toString());
      }
      try {
        job.getJobExecutionResult().get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // still running
      } catch (ExecutionException e) {
        break; // failed or cancelled: told below
      }
    }
    try {
      JobExecutionResult result = job.getJobExecutionResult().get();
      return result.getAllAccumulatorResults();
    } catch (ExecutionException e) {
      if (cancelled) {
        progress.accept("stopped; checkpoints kept under " + checkpointDir());
        return counters;
      }
      throw new CdpException(
          ErrorCode.STREAM_FAILED, "the streaming job failed: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  private void cancel(JobClient job) {
    cancelled = true;
    try {
      if (!job.getJobExecutionResult().isDone()) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warn("cancelling the streaming job failed: {}", e.toString());
    }
  }
}
