package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.schemas.config.PrivacyConfig.ConsentPurpose;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.privacy.ConsentPurposes;
import io.opencdp.schemas.privacy.ConsentRecord;
import io.opencdp.schemas.privacy.ConsentRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/profiles/{id}/consent}: every named consent purpose of the workspace ({@code
 * privacy.purposes}) as granted or not, with the change that decided it, and the profile's latest
 * consent rows. Decided by {@link ConsentPurposes}, as segments and exports decide.
 */
final class ConsentController {
  static final String PURPOSE = "purpose";

  private final ProfileStore profiles;
  private final ConsentPurposes purposes;

  ConsentController(ProfileStore profiles, ConsentPurposes purposes) {
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.purposes = requireNonNull(purposes, "purposes is null");
  }

  /** {@code GET /v1/profiles/{id}/consent[?purpose=NAME]}. */
  void consent(Context ctx) {
    String id = ProfilesController.id(ctx);
    String only = ctx.queryParam(PURPOSE);
    if (only != null && purposes.named(only).isEmpty()) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT,
          "'"
              + only
              + "' is not a configured consent purpose; one of "
              + String.join(", ", purposes.byName().keySet())
              + " (privacy.purposes)",
          PURPOSE);
    }
    ObjectNode profile = ProfilesController.existing(profiles, id);
    AuditLog.read(ctx, profile.path("profile_id").asText());
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("profile_id", profile.path("profile_id").asText());
    body.set("purposes", current(profile, purposes, only));
    body.set("records", records(profile));
    ctx.json(body);
  }

  /**
   * Each named purpose (or only {@code only}) of {@code purposes} on the profile document: {@code
   * purpose} (the name), {@code granted}, and of the deciding change {@code channel}, {@code
   * source}, {@code event_id}, {@code changed_at} (all null without one: not granted), and {@code
   * reads} (the consent purpose and channel the name stands for).
   */
  static ArrayNode current(ObjectNode profile, ConsentPurposes purposes, String only) {
    List<ConsentRecord> records = ConsentRecord.fromDocument(profile.get("consent"));
    ArrayNode list = Json.mapper().createArrayNode();
    for (Map.Entry<String, ConsentPurpose> named : purposes.byName().entrySet()) {
      if (only != null && !only.equals(named.getKey())) {
        continue;
      }
      ConsentPurpose purpose = named.getValue();
      Optional<ConsentRecord> deciding =
          ConsentRule.deciding(records, purpose.purpose(), purpose.channel());
      ObjectNode entry = list.addObject();
      entry.put("purpose", named.getKey());
      entry.put("granted", ConsentPurposes.isGranted(records, purpose));
      entry.put("channel", deciding.map(ConsentRecord::channel).orElse(null));
      entry.put("source", deciding.map(ConsentRecord::source).orElse(null));
      entry.put("event_id", deciding.map(ConsentRecord::eventId).orElse(null));
      entry.put("changed_at", deciding.map(r -> r.changedAt().toString()).orElse(null));
      ObjectNode reads = entry.putObject("reads");
      reads.put("purpose", purpose.purpose());
      reads.put("channel", purpose.channel());
    }
    return list;
  }

  /** The profile document's {@code consent} rows as stored (none: empty). */
  static ArrayNode records(ObjectNode profile) {
    JsonNode rows = profile.get("consent");
    return rows instanceof ArrayNode array ? array.deepCopy() : Json.mapper().createArrayNode();
  }
}
