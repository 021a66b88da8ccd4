package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The identity routes: {@code GET /v1/profiles/{id}/identity} (why these identifiers are one
 * profile, and the overrides waiting for the next resolve run), and the operator's decisions {@code
 * POST /v1/identity/never-link} and {@code POST /v1/profiles/{id}/split}, which the API validates
 * and appends to the {@link OverrideQueue}; {@code cdp resolve} applies them.
 */
final class IdentityController {
  static final String NEVER_LINK = "never_link";
  static final String FORCE_SPLIT = "force_split";
  static final String TAKES_EFFECT = "at the next cdp resolve run";

  private final String workspace;
  private final ProfileStore profiles;
  private final OverrideQueue queue;
  private final IdentifierValues values;
  private final int maxPageSize;

  IdentityController(
      String workspace,
      ProfileStore profiles,
      OverrideQueue queue,
      IdentifierValues values,
      int maxPageSize) {
    this.workspace = requireNonNull(workspace, "workspace is null");
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.values = requireNonNull(values, "values is null");
    this.maxPageSize = maxPageSize;
  }

  /** {@code GET /v1/profiles/{id}/identity}. */
  void identity(Context ctx) {
    ObjectNode identity = existing(ProfilesController.id(ctx)).deepCopy();
    List<String> identifierValues = new ArrayList<>();
    identity.path("identifiers").forEach(i -> identifierValues.add(i.path("value").asText()));
    ArrayNode pending = identity.putArray("pending_overrides");
    queue
        .pending(identity.path("profile_id").asText(), identifierValues, maxPageSize)
        .forEach(pending::add);
    ctx.json(identity);
  }

  /** {@code POST /v1/identity/never-link}. */
  void neverLink(Context ctx) {
    OverrideBody.NeverLink request = OverrideBody.neverLink(ctx, values);
    ObjectNode override = override(ctx, NEVER_LINK, request.reason());
    override.put("left_type", request.left().type().wireName());
    override.put("left_value", request.left().value());
    override.put("right_type", request.right().type().wireName());
    override.put("right_value", request.right().value());
    override.putNull("profile_id");
    override.putArray("moved");
    override.putArray("kept");
    answer(ctx, override);
  }

  /** {@code POST /v1/profiles/{id}/split}. */
  void split(Context ctx) {
    String id = ProfilesController.id(ctx);
    OverrideBody.Split request = OverrideBody.split(ctx, values);
    ObjectNode identity = existing(id);
    String target = identity.path("profile_id").asText();
    Set<OverrideBody.Ref> own = new LinkedHashSet<>();
    Set<OverrideBody.Ref> shared = new LinkedHashSet<>();
    for (JsonNode identifier : identity.path("identifiers")) {
      OverrideBody.Ref ref = ref(identifier);
      if (ref != null) {
        (identifier.path("shared").asBoolean(false) ? shared : own).add(ref);
      }
    }
    List<OverrideBody.Ref> moved = request.identifiers();
    for (int i = 0; i < moved.size(); i++) {
      OverrideBody.Ref ref = moved.get(i);
      if (!own.contains(ref)) {
        throw new ApiException(
            ErrorCode.BAD_ARGUMENT,
            "field 'identifiers["
                + i
                + "]' is not "
                + (shared.contains(ref) ? "an unshared" : "an")
                + " identifier of profile "
                + target
                + (target.equals(id) ? "" : " (which " + id + " was merged into)")
                + "; only a profile's own identifiers can be moved out of it",
            "identifiers[" + i + "]");
      }
    }
    List<OverrideBody.Ref> kept = new ArrayList<>(own);
    kept.removeAll(moved);
    if (kept.isEmpty()) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT,
          "field 'identifiers' names every identifier of profile "
              + target
              + "; at least one must stay to split from",
          "identifiers");
    }
    ObjectNode override = override(ctx, FORCE_SPLIT, request.reason());
    override.putNull("left_type");
    override.putNull("left_value");
    override.putNull("right_type");
    override.putNull("right_value");
    override.put("profile_id", target);
    refs(override.putArray("moved"), moved);
    refs(override.putArray("kept"), kept);
    answer(ctx, override);
  }

  private ObjectNode existing(String id) {
    return profiles
        .identity(id)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "no identity graph of profile '" + id + "' in this workspace",
                    "id"));
  }

  private ObjectNode override(Context ctx, String kind, String reason) {
    Instant now = Instant.now();
    ObjectNode override = Json.mapper().createObjectNode();
    override.put("workspace_id", workspace);
    override.put(
        "override_id",
        "ovr-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8));
    override.put("kind", kind);
    override.put("reason", reason);
    override.put("created_by", AccessController.caller(ctx).id());
    override.put("created_at", now.toString());
    override.put("active", true);
    override.put("status", OverrideQueue.PENDING);
    return override;
  }

  private void answer(Context ctx, ObjectNode override) {
    queue.append(override);
    ObjectNode body = override.deepCopy();
    body.put("takes_effect", TAKES_EFFECT);
    ctx.status(HttpStatus.CREATED).json(body);
  }

  private static void refs(ArrayNode array, List<OverrideBody.Ref> refs) {
    for (OverrideBody.Ref ref : refs) {
      array.addObject().put("type", ref.type().wireName()).put("value", ref.value());
    }
  }

  private static OverrideBody.Ref ref(JsonNode identifier) {
    String type = identifier.path("type").asText();
    String value = identifier.path("value").asText(null);
    for (IdentifierType t : IdentifierType.values()) {
      if (t.wireName().equals(type) && value != null) {
        return new OverrideBody.Ref(t, value);
      }
    }
    return null;
  }
}
