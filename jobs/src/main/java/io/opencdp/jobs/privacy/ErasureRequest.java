package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to erase one person: named by an identifier (normalized as ingest normalizes it) or by
 * a profile id. Built by {@code cdp privacy erase}, or by the API's queue drain.
 *
 * @param requestId {@code era-<epoch ms>-<8 hex>}
 * @param identifierType the identifier's type (wire name), or null when a profile id names them
 * @param identifierValue the identifier's normalized value, or null; never written to Delta
 * @param profileId the profile id, or null when an identifier names them
 * @param requestedBy who asked
 * @param requestedAt when
 */
public record ErasureRequest(
    String requestId,
    String identifierType,
    String identifierValue,
    String profileId,
    String requestedBy,
    Instant requestedAt) {
  public ErasureRequest {
    requireNonNull(requestId, "requestId is null");
    requireNonNull(requestedBy, "requestedBy is null");
    requireNonNull(requestedAt, "requestedAt is null");
    if ((identifierType == null) != (identifierValue == null)) {
      throw new IllegalArgumentException("an identifier needs both a type and a value");
    }
    if ((identifierValue == null) == (profileId == null)) {
      throw new IllegalArgumentException("name the person by an identifier or by a profile id");
    }
  }

  /** A request for the person holding identifier {@code type} {@code normalizedValue}. */
  public static ErasureRequest ofIdentifier(
      String type, String normalizedValue, String requestedBy, Instant at) {
    return new ErasureRequest(newId(at), type, normalizedValue, null, requestedBy, at);
  }

  /** A request for the person of profile {@code profileId} (an alias finds its survivor). */
  public static ErasureRequest ofProfile(String profileId, String requestedBy, Instant at) {
    return new ErasureRequest(newId(at), null, null, profileId, requestedBy, at);
  }

  static String newId(Instant at) {
    return "era-" + at.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
