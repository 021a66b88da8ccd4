package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.config.IngestConfig;
import io.opencdp.schemas.config.SourceConfig;

/** Creates the connector of a configured source. */
public final class Connectors {
  private Connectors() {}

  /**
   * The connector for {@code source} (the entry {@code sourceName} of {@code ingest.sources}),
   * stamping events with {@code workspaceId}.
   */
  public static Connector create(
      String sourceName, SourceConfig source, IngestConfig ingest, String workspaceId) {
    requireNonNull(sourceName, "sourceName is null");
    requireNonNull(source, "source is null");
    requireNonNull(ingest, "ingest is null");
    if (!sourceName.equals(source.name())) {
      throw new IllegalArgumentException(
          "source name '"
              + sourceName
              + "' does not match the source config '"
              + source.name()
              + "'");
    }
    ConnectorSettings settings =
        new ConnectorSettings(
            workspaceId,
            source.channel(),
            source.sourceSystem(),
            source.defaultPhoneRegion(),
            ingest.futureTolerance(),
            ingest.defaultTimeZone());
    return switch (source.format()) {
      case SEGMENT -> new SegmentConnector(settings);
      case SENDGRID -> new SendGridConnector(settings);
      case AMAZON_CONNECT -> new AmazonConnectConnector(settings);
      case CSV -> new CsvConnector(settings, source.csv());
    };
  }

  /** The connector of the source named {@code sourceName} in {@code ingest.sources}. */
  public static Connector create(String sourceName, IngestConfig ingest, String workspaceId) {
    return create(sourceName, ingest.source(sourceName), ingest, workspaceId);
  }
}
