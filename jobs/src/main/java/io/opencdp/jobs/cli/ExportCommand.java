package io.opencdp.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.api.export.ExportRequest;
import io.opencdp.api.export.Exports;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.audience.AudienceFormat;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.segment.ProfileFields;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a saved segment's members to a CSV file an ad platform (google, meta: hashed) or an internal",
      "tool (csv: profile_id and --fields, unhashed) takes. Members without consent for",
      "exports.consent_purpose (default ad_targeting), with an identifier on the suppression list or without",
      "an identifier the format matches on are counted, not written. --since-last writes only the members",
      "added since the previous export to the destination, and the removed ones to <PATH without",
      ".csv>.removes.csv. Every export is recorded in cdp-<ws>-exports (docs/segments.md, \"Audience",
      "exports\"). Elasticsearch: elasticsearch.url / CDP_ES_URL or the local node (`cdp es start`)."
    })
final class ExportCommand implements Callable<Integer> {
  static final int TIMEOUT_MILLIS = 120_000;

  @ParentCommand CdpCli root;

  @Option(names = "--segment", required = true, paramLabel = "ID", description = "The segment id.")
  String segment;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "google, meta or csv.")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "PATH",
      description = "The file of members (or adds with --since-last); directories are created.")
  Path out;

  @Option(
      names = "--destination",
      paramLabel = "NAME",
      description =
          "Where the rows go ([a-z0-9_-], up to 64), for --since-last. Default: the format's id.")
  String destination;

  @Option(
      names = "--since-last",
      description = "Write the adds and removes since the previous export to the destination.")
  boolean sinceLast;

  @Option(
      names = "--fields",
      split = ",",
      paramLabel = "a,b",
      description = "csv only: the columns after profile_id (default set when left out).")
  List<String> fields;

  @Override
  public Integer call() {
    CdpConfig config = root.config();
    AudienceFormat audienceFormat = AudienceFormat.parse(format, "--format");
    ExportRequest request =
        new ExportRequest(
            segment,
            audienceFormat,
            destination,
            sinceLast,
            fields,
            out,
            "cli:" + System.getProperty("user.name", "unknown"));
    String esUrl = ServeCommand.esUrl(config);
    ObjectNode record;
    try (EsConnection es = EsConnection.open(esUrl, TIMEOUT_MILLIS);
        Exports exports = exports(es, config)) {
      record = exports.run(request);
    } catch (CdpException e) {
      if (e.code() == ErrorCode.ELASTICSEARCH_UNAVAILABLE) {
        throw new CdpException(
            ErrorCode.ELASTICSEARCH_UNAVAILABLE,
            "Elasticsearch at "
                + esUrl
                + " does not answer or cannot serve now; start it (`cdp es start`) or set"
                + " elasticsearch.url",
            e);
      }
      throw e;
    }
    System.out.println(summary(record));
    return 0;
  }

  /** The export service of the workspace {@code config} names, over {@code es}. */
  static Exports exports(EsConnection es, CdpConfig config) {
    return Exports.of(
        es.client(),
        new StoreIndices(config.workspace()),
        ProfileFields.of(config),
        config.segments(),
        config.exports().consentPurpose(),
        config.exports().directoryIn(config.workDir()),
        Clock.systemUTC());
  }

  /** The match-readiness and the files of a finished export record. */
  static String summary(JsonNode record) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "export %s of %s (version %d) as %s to %s: %,d members, %,d exported; not exported:"
                    + " %,d without consent, %,d suppressed, %,d without a hashable identifier",
                record.path("export_id").asText(),
                record.path("segment_id").asText(),
                record.path("segment_version").asLong(),
                record.path("format").asText(),
                record.path("destination").asText(),
                record.path("members").asLong(),
                record.path("exported").asLong(),
                record.path("dropped_consent").asLong(),
                record.path("dropped_suppressed").asLong(),
                record.path("no_hashable_identifier").asLong()));
    if (record.has("adds")) {
      text.append(
          String.format(
              Locale.ROOT,
              "; since the last export: %,d adds, %,d removes",
              record.path("adds").asLong(),
              record.path("removes").asLong()));
    }
    for (JsonNode file : record.path("files")) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n  %-8s %,d rows  %s",
              file.path("kind").asText(),
              file.path("rows").asLong(),
              file.path("path").asText()));
    }
    return text.toString();
  }
}
