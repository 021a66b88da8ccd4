package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Channel;

/**
 * What the JSON-lines connectors (Segment, SendGrid, Amazon Connect) share: settings, no header
 * line.
 */
abstract class JsonLinesConnector implements Connector {
  private static final long serialVersionUID = 1L;

  final ConnectorSettings settings;

  JsonLinesConnector(ConnectorSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
  }

  @Override
  public final Channel channel() {
    return settings.channel();
  }

  @Override
  public final String sourceSystem() {
    return settings.sourceSystem();
  }

  @Override
  public final boolean hasHeader() {
    return false;
  }
}
