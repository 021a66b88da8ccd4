package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.opencdp.api.store.AuditEntry;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.event.ProfileId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The API's side of the audit log (docs/privacy.md, "Audit log"), hooked into every matched request
 * rather than into controllers, so a route added later is audited too:
 *
 * <ul>
 *   <li>{@link #begin} (before the key check) gives the request its id: the client's {@code
 *       X-Request-Id} when it is 1-128 of {@code [A-Za-z0-9._:-]}, else a new UUID; answered in
 *       {@code X-Request-Id}.
 *   <li>While the request runs, every profile whose data it answers is noted with {@link #read}:
 *       {@link ProfileRedactor}, which every profile and event document goes through, does it.
 *   <li>{@link #finish} (Javalin's request logger, after the answer, with its status) turns the
 *       request into entries, one per profile, and queues them ({@link AuditBuffer}).
 * </ul>
 *
 * What is logged, for a request whose key passed the checks (401 and 403 are not logged):
 *
 * <ul>
 *   <li>a privacy operation ({@link #PRIVACY_OPERATIONS}, by method and route template): always,
 *       whatever {@code privacy.audit.pii_reads} says, with its status, one entry per profile it
 *       named or answered (the path's {@code id}), else one without a profile;
 *   <li>any other route, for a key whose role sees personal data ({@link #seesPii}: agents and
 *       admins, not marketers, who get masked data) and while {@code privacy.audit.pii_reads} is
 *       true: a {@code profile_read} per profile whose data it answered (a profile, a lookup's or a
 *       search's hits, a timeline, segment members); a {@code GET /v1/profiles/{id}...} route that
 *       answered none (a 404, the identity graph) logs the path's id when it is a well-formed
 *       profile id.
 * </ul>
 */
final class AuditLog implements AutoCloseable {
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID_ATTRIBUTE = "cdp.audit.request_id";
  private static final String PATH_ID_ATTRIBUTE = "cdp.audit.path_id";
  private static final String PROFILES_ATTRIBUTE = "cdp.audit.profiles";
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String PROFILE_ROUTES = "/v1/profiles/{id}";

  /** The privacy operations, by {@code METHOD route-template}: always logged. */
  static final Map<String, String> PRIVACY_OPERATIONS =
      Map.of(
          "DELETE /v1/profiles/{id}", AuditEntry.ERASURE_REQUESTED,
          "POST /v1/privacy/erasures", AuditEntry.ERASURE_REQUESTED,
          "GET /v1/profiles/{id}/export", AuditEntry.ACCESS_EXPORT,
          "GET /v1/profiles/{id}/consent", AuditEntry.CONSENT_READ,
          "POST /v1/suppressions", AuditEntry.SUPPRESSION_ADDED,
          "DELETE /v1/suppressions/{identifier_type}/{value}", AuditEntry.SUPPRESSION_REMOVED,
          "GET /v1/audit", AuditEntry.AUDIT_READ);

  private final String workspace;
  private final boolean piiReads;
  private final AuditBuffer buffer;
  private final Clock clock;

  AuditLog(String workspace, boolean piiReads, AuditBuffer buffer, Clock clock) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.piiReads = piiReads;
    this.buffer = requireNonNull(buffer, "buffer is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Whether keys of {@code role} see personal data unmasked (their profile reads are audited). */
  static boolean seesPii(ApiConfig.Role role) {
    return role != ApiConfig.Role.MARKETER;
  }

  /** Before every matched route: the request id, and the path's profile id if any. */
  void begin(Context ctx) {
    String asked = ctx.header(REQUEST_ID_HEADER);
    String id =
        asked != null && REQUEST_ID.matcher(asked.strip()).matches()
            ? asked.strip()
            : UUID.randomUUID().toString();
    ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
    ctx.header(REQUEST_ID_HEADER, id);
    String pathId = ctx.pathParamMap().get("id");
    if (pathId != null && ProfileId.isValid(pathId)) {
      ctx.attribute(PATH_ID_ATTRIBUTE, pathId);
    }
  }

  /**
   * Notes that the request answers data of profile {@code profileId} (or names it, for a privacy
   * operation whose path does not): one entry per noted profile.
   */
  static void read(Context ctx, String profileId) {
    if (profileId == null) {
      return;
    }
    Set<String> profiles = ctx.attribute(PROFILES_ATTRIBUTE);
    if (profiles == null) {
      profiles = new LinkedHashSet<>();
      ctx.attribute(PROFILES_ATTRIBUTE, profiles);
    }
    profiles.add(profileId);
  }

  /** After the answer: the request's entries, queued. */
  void finish(Context ctx) {
    ApiConfig.ApiKey caller = ctx.attribute(AccessController.CALLER_ATTRIBUTE);
    String template = ctx.attribute(AccessController.ROUTE_ATTRIBUTE);
    if (caller == null || template == null) {
      return;
    }
    String route = ctx.method().name() + " " + template;
    String action = PRIVACY_OPERATIONS.get(route);
    if (action == null) {
      if (!piiReads || !seesPii(caller.role())) {
        return;
      }
      action = AuditEntry.PROFILE_READ;
    }
    Set<String> profiles = ctx.attribute(PROFILES_ATTRIBUTE);
    String pathId = ctx.attribute(PATH_ID_ATTRIBUTE);
    if ((profiles == null || profiles.isEmpty())
        && pathId != null
        && (!action.equals(AuditEntry.PROFILE_READ)
            || (ctx.method() == HandlerType.GET && template.startsWith(PROFILE_ROUTES)))) {
      profiles = Set.of(pathId);
    }
    if (profiles == null || profiles.isEmpty()) {
      if (action.equals(AuditEntry.PROFILE_READ)) {
        return; // a lookup or search that found nobody read nobody's data
      }
      profiles = new LinkedHashSet<>();
      profiles.add(null);
    }
    Instant at = clock.instant();
    for (String profile : profiles) {
      buffer.offer(
          AuditEntry.create(
              workspace,
              at,
              caller.id(),
              caller.role().wireName(),
              action,
              profile,
              route,
              ctx.statusCode(),
              ctx.attribute(REQUEST_ID_ATTRIBUTE),
              null));
    }
  }

  /** Entries dropped because the queue was full (or the API stopping). */
  long dropped() {
    return buffer.dropped();
  }

  @Override
  public void close() {
    buffer.close();
  }
}
