package io.opencdp.jobs.index;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one {@code cdp index} run did.
 *
 * @param mode the mode the run ran in (an incremental run without a usable previous run is full)
 * @param profilesIndex the concrete index behind the profiles alias afterwards
 * @param identityIndex the concrete index behind the identity alias afterwards
 * @param profilesWritten profile documents written (with as many identity documents)
 * @param eventsWritten event documents written
 * @param deleted documents deleted: merged-away or gone profiles (both indices), stale events
 * @param deltaProfiles rows of {@code profiles}: the documents the profiles and identity indices
 *     hold
 * @param esProfiles documents behind the profiles alias after the run
 * @param esIdentity documents behind the identity alias after the run
 * @param deltaEvents rows of {@code event_profiles} within the retention
 * @param esEvents documents behind the events alias after the run
 * @param profilesElapsed time spent writing profile documents
 * @param eventsElapsed time spent writing event documents
 * @param elapsed the whole run
 */
public record IndexReport(
    IndexMode mode,
    String profilesIndex,
    String identityIndex,
    long profilesWritten,
    long eventsWritten,
    long deleted,
    long deltaProfiles,
    long esProfiles,
    long esIdentity,
    long deltaEvents,
    long esEvents,
    Duration profilesElapsed,
    Duration eventsElapsed,
    Duration elapsed) {

  public IndexReport {
    requireNonNull(mode, "mode is null");
    requireNonNull(profilesIndex, "profilesIndex is null");
    requireNonNull(identityIndex, "identityIndex is null");
    requireNonNull(profilesElapsed, "profilesElapsed is null");
    requireNonNull(eventsElapsed, "eventsElapsed is null");
    requireNonNull(elapsed, "elapsed is null");
  }

  /** Profile documents written per second of the profile phase; 0 when none were written. */
  public double profilesPerSecond() {
    double seconds = profilesElapsed.toNanos() / 1e9;
    return profilesWritten == 0 || seconds <= 0 ? 0 : profilesWritten / seconds;
  }

  /** Event documents written per second of the events phase; 0 when none were written. */
  public double eventsPerSecond() {
    double seconds = eventsElapsed.toNanos() / 1e9;
    return eventsWritten == 0 || seconds <= 0 ? 0 : eventsWritten / seconds;
  }

  /** Whether Elasticsearch holds exactly what Delta does. */
  public boolean countsMatch() {
    return esProfiles == deltaProfiles && esIdentity == deltaProfiles && esEvents == deltaEvents;
  }
}
