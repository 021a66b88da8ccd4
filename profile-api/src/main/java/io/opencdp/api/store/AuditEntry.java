package io.opencdp.api.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencdp.schemas.event.WorkspaceId;
import io.opencdp.schemas.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One entry of the audit log (docs/privacy.md, "Audit log"): who did what to which profile, when,
 * through which route. The same fields are a document of {@code cdp-<ws>-audit} (written by the
 * API) and a row of the Delta table {@code audit_log} (copied by {@code cdp privacy audit-sync}, or
 * appended directly by a job). Never holds personal data besides a profile id: {@code route} is the
 * route template, never the concrete path, and {@code actor} is a key's id, never the key.
 *
 * @param workspaceId the workspace
 * @param auditId the unique id ({@code aud-<epoch ms>-<16 hex>}): the document id and the Delta key
 * @param at when it happened (UTC)
 * @param actor who: an API key's id, or {@code cli:<user>} for a job run by hand
 * @param role the key's role ({@code agent}, {@code marketer}, {@code admin}), or {@code cli}
 * @param action what: {@link #PROFILE_READ} or a privacy operation ({@code erasure_requested}, ...)
 * @param profileId the profile concerned; null when none (a suppression, a retention run)
 * @param route the route template ({@code GET /v1/profiles/{id}}) or the command ({@code cdp
 *     privacy retention}); null when neither applies
 * @param status the HTTP status answered; null for a job
 * @param requestId the request's id ({@code X-Request-Id}); null for a job
 * @param detail a short note without personal data (a job's summary); null when none
 */
public record AuditEntry(
    String workspaceId,
    String auditId,
    Instant at,
    String actor,
    String role,
    String action,
    String profileId,
    String route,
    Integer status,
    String requestId,
    String detail) {
  public static final String PROFILE_READ = "profile_read";
  public static final String ERASURE_REQUESTED = "erasure_requested";
  public static final String ACCESS_EXPORT = "access_export";
  public static final String CONSENT_READ = "consent_read";
  public static final String SUPPRESSION_ADDED = "suppression_added";
  public static final String SUPPRESSION_REMOVED = "suppression_removed";
  public static final String AUDIT_READ = "audit_read";
  public static final String RETENTION_RUN = "retention_run";

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern ID = Pattern.compile("aud-[0-9]{1,19}-[0-9a-f]{16}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public AuditEntry {
    WorkspaceId.check("workspace_id", workspaceId);
    requireNonNull(auditId, "audit_id is null");
    if (!ID.matcher(auditId).matches()) {
      throw new IllegalArgumentException("not an audit id: '" + auditId + "'");
    }
    requireNonNull(at, "at is null");
    requireNonNull(actor, "actor is null");
    requireNonNull(role, "role is null");
    requireNonNull(action, "action is null");
    if (!ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException(
          "action must be 1-64 of [a-z0-9_] starting with a letter, got '" + action + "'");
    }
  }

  /** A new entry with a fresh id. */
  public static AuditEntry create(
      String workspaceId,
      Instant at,
      String actor,
      String role,
      String action,
      String profileId,
      String route,
      Integer status,
      String requestId,
      String detail) {
    return new AuditEntry(
        workspaceId,
        newId(at),
        at,
        actor,
        role,
        action,
        profileId,
        route,
        status,
        requestId,
        detail);
  }

  /** {@code aud-<epoch ms>-<16 random hex>}. */
  static String newId(Instant at) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return "aud-" + at.toEpochMilli() + "-" + HexFormat.of().formatHex(random);
  }

  /** Whether {@code id} has the shape of an audit id. */
  public static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Whether {@code action} has the shape of an action name. */
  public static boolean isAction(String action) {
    return action != null && ACTION.matcher(action).matches();
  }

  /** The document: these fields in snake_case, nulls left out. */
  public ObjectNode toJson() {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("workspace_id", workspaceId);
    doc.put("audit_id", auditId);
    doc.put("at", at.toString());
    doc.put("actor", actor);
    doc.put("role", role);
    doc.put("action", action);
    putIfSet(doc, "profile_id", profileId);
    putIfSet(doc, "route", route);
    if (status != null) {
      doc.put("status", status);
    }
    putIfSet(doc, "request_id", requestId);
    putIfSet(doc, "detail", detail);
    return doc;
  }

  /**
   * The entry of a document {@link #toJson} wrote (other fields, such as {@code synced_at},
   * ignored).
   */
  public static AuditEntry fromJson(JsonNode doc) {
    return new AuditEntry(
        text(doc, "workspace_id"),
        text(doc, "audit_id"),
        Instant.parse(requireNonNull(text(doc, "at"), "at is missing")),
        text(doc, "actor"),
        text(doc, "role"),
        text(doc, "action"),
        text(doc, "profile_id"),
        text(doc, "route"),
        doc.hasNonNull("status") ? doc.get("status").asInt() : null,
        text(doc, "request_id"),
        text(doc, "detail"));
  }

  private static void putIfSet(ObjectNode doc, String field, String value) {
    if (value != null) {
      doc.put(field, value);
    }
  }

  private static String text(JsonNode doc, String field) {
    JsonNode value = doc.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
