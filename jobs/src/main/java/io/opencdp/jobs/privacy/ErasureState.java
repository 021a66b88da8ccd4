package io.opencdp.jobs.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of Delta {@code erasure_requests}: where a request stands and what was removed where.
 *
 * @param status {@code received}, {@code deleting}, {@code pending_physical_delete}, {@code done},
 *     {@code rejected}
 */
public record ErasureState(
    String workspaceId,
    String requestId,
    String identifierType,
    String identifierHash,
    List<String> profileIds,
    String status,
    List<Removed> removed,
    String requestedBy,
    Instant requestedAt,
    Instant logicallyDeletedAt,
    Instant physicallyDeletedAt,
    Instant doneAt,
    String message) {
  public static final String RECEIVED = "received";
  public static final String DELETING = "deleting";
  public static final String PENDING = "pending_physical_delete";
  public static final String DONE = "done";
  public static final String REJECTED = "rejected";

  public ErasureState {
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(requestId, "requestId is null");
    requireNonNull(status, "status is null");
    profileIds = List.copyOf(profileIds);
    removed = List.copyOf(removed);
  }

  ErasureState with(String newStatus, String newMessage) {
    return new ErasureState(
        workspaceId,
        requestId,
        identifierType,
        identifierHash,
        profileIds,
        newStatus,
        removed,
        requestedBy,
        requestedAt,
        logicallyDeletedAt,
        physicallyDeletedAt,
        doneAt,
        newMessage);
  }

  ErasureState deleted(List<String> ids, List<Removed> what, Instant at) {
    return new ErasureState(
        workspaceId,
        requestId,
        identifierType,
        identifierHash,
        ids,
        PENDING,
        what,
        requestedBy,
        requestedAt,
        at,
        null,
        null,
        null);
  }

  ErasureState done(List<Removed> purged, Instant at, String verified) {
    List<Removed> all = new ArrayList<>(removed);
    all.addAll(purged);
    return new ErasureState(
        workspaceId,
        requestId,
        identifierType,
        identifierHash,
        profileIds,
        DONE,
        all,
        requestedBy,
        requestedAt,
        logicallyDeletedAt,
        at,
        at,
        verified);
  }
}
