package io.opencdp.schemas.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The platform's one configuration, loaded by {@link ConfigLoader} from {@code cdp.yaml} over the
 * documented defaults in {@code cdp-defaults.yaml}. Each component reads its own section.
 *
 * @param workspace the workspace (brand) id every table, index and key carries
 * @param workDir the one working directory for local data (Delta tables, logs, benchmark results)
 * @param resolve identity resolution: the guardrails batch and streaming share
 * @param profiles golden profiles: survivorship, computed traits, currency conversion
 * @param api the profile API ({@code cdp serve})
 * @param index the Elasticsearch indexer ({@code cdp index})
 * @param segments segments: the workspace time zone of their dates and windows
 * @param exports audience exports: the consent purpose they need, where the API writes files
 * @param stream the streaming job ({@code cdp stream}): monitoring, checkpoints, its sink
 * @param privacy privacy: the hash salt, erasure horizons, consent purposes, retention, audit
 */
public record CdpConfig(
    String workspace,
    Path workDir,
    ElasticsearchConfig elasticsearch,
    SparkConfig spark,
    IngestConfig ingest,
    ResolveConfig resolve,
    ProfilesConfig profiles,
    GeneratorConfig generator,
    CollectorConfig collector,
    ApiConfig api,
    IndexConfig index,
    SegmentsConfig segments,
    ExportsConfig exports,
    StreamConfig stream,
    PrivacyConfig privacy) {

  public CdpConfig {
    ConfigChecks.identifier("workspace", workspace);
    requireNonNull(workDir, "work_dir is required");
    requireNonNull(elasticsearch, "elasticsearch section is required");
    requireNonNull(spark, "spark section is required");
    requireNonNull(ingest, "ingest section is required");
    requireNonNull(resolve, "resolve section is required");
    requireNonNull(profiles, "profiles section is required");
    requireNonNull(generator, "generator section is required");
    requireNonNull(collector, "collector section is required");
    requireNonNull(api, "api section is required");
    requireNonNull(index, "index section is required");
    requireNonNull(segments, "segments section is required");
    requireNonNull(exports, "exports section is required");
    requireNonNull(stream, "stream section is required");
    requireNonNull(privacy, "privacy section is required");
  }

  public CdpConfig withWorkDir(Path newWorkDir) {
    return new CdpConfig(
        workspace,
        newWorkDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        index,
        segments,
        exports,
        stream,
        privacy);
  }

  public CdpConfig withIngest(IngestConfig newIngest) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        newIngest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        index,
        segments,
        exports,
        stream,
        privacy);
  }

  public CdpConfig withProfiles(ProfilesConfig newProfiles) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        newProfiles,
        generator,
        collector,
        api,
        index,
        segments,
        exports,
        stream,
        privacy);
  }

  public CdpConfig withApi(ApiConfig newApi) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        newApi,
        index,
        segments,
        exports,
        stream,
        privacy);
  }

  public CdpConfig withIndex(IndexConfig newIndex) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        newIndex,
        segments,
        exports,
        stream,
        privacy);
  }

  public CdpConfig withSegments(SegmentsConfig newSegments) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        index,
        newSegments,
        exports,
        stream,
        privacy);
  }

  public CdpConfig withExports(ExportsConfig newExports) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        index,
        segments,
        newExports,
        stream,
        privacy);
  }

  public CdpConfig withStream(StreamConfig newStream) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        index,
        segments,
        exports,
        newStream,
        privacy);
  }

  public CdpConfig withPrivacy(PrivacyConfig newPrivacy) {
    return new CdpConfig(
        workspace,
        workDir,
        elasticsearch,
        spark,
        ingest,
        resolve,
        profiles,
        generator,
        collector,
        api,
        index,
        segments,
        exports,
        stream,
        newPrivacy);
  }

  /** Every default, as documented in cdp-defaults.yaml. */
  public static CdpConfig defaults() {
    return ConfigLoader.load(null);
  }
}
