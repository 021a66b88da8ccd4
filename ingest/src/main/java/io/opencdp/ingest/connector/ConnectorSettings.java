package io.opencdp.ingest.connector;

import static java.util.Objects.requireNonNull;

import io.opencdp.schemas.event.Channel;
import io.opencdp.schemas.event.WorkspaceId;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What every connector stamps on its events and checks, from config.
 *
 * @param workspaceId the workspace of the events
 * @param channel the source's channel
 * @param sourceSystem the source's {@code source_system}
 * @param defaultPhoneRegion the region of phone numbers without a country code
 * @param futureTolerance how far an event time may be after its received-at
 * @param defaultTimeZone the zone of local times whose source names none
 */
record ConnectorSettings(
    String workspaceId,
    Channel channel,
    String sourceSystem,
    String defaultPhoneRegion,
    Duration futureTolerance,
    ZoneId defaultTimeZone)
    implements Serializable {

  ConnectorSettings {
    WorkspaceId.check("workspace_id", workspaceId);
    requireNonNull(channel, "channel is null");
    requireNonNull(sourceSystem, "source_system is null");
    requireNonNull(defaultPhoneRegion, "default_phone_region is null");
    requireNonNull(futureTolerance, "future_tolerance is null");
    requireNonNull(defaultTimeZone, "default_time_zone is null");
  }
}
