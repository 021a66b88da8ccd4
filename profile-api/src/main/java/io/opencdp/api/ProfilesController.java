package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.ProfileId;
import io.opencdp.schemas.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /v1/profiles} routes: a profile by id (an alias id answers its survivor), the profiles
 * holding an identifier or an order, and ranked search. Every document goes through {@link
 * ProfileRedactor} for the caller's role.
 */
final class ProfilesController {
  private final ProfileStore profiles;
  private final EventStore events;
  private final IdentifierValues values;
  private final int maxPageSize;

  ProfilesController(
      ProfileStore profiles, EventStore events, IdentifierValues values, int maxPageSize) {
    this.profiles = requireNonNull(profiles, "profiles is null");
    this.events = requireNonNull(events, "events is null");
    this.values = requireNonNull(values, "values is null");
    this.maxPageSize = maxPageSize;
  }

  /** The {@code id} path parameter: a well-formed profile id, else a 400 naming {@code id}. */
  static String id(Context ctx) {
    return ctx.pathParamAsClass("id", String.class)
        .check(
            ProfileId::isValid,
            "must be 1-128 letters, digits, '_', '.', ':' or '-', starting with a letter or digit")
        .get();
  }

  /** The stored profile {@code id} (or its survivor); a 404 when there is none. */
  static ObjectNode existing(ProfileStore profiles, String id) {
    return profiles
        .profile(id)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND, "no profile '" + id + "' in this workspace", "id"));
  }

  /** {@code GET /v1/profiles/{id}}. */
  void get(Context ctx) {
    ObjectNode profile = existing(profiles, id(ctx));
    ctx.json(redactor(ctx).profile(profile));
  }

  /** {@code GET /v1/profiles?email=...}: the profiles holding one identifier or order. */
  void lookup(Context ctx) {
    IdentifierQuery query = IdentifierQuery.from(ctx, values);
    ProfileRedactor redactor = redactor(ctx);
    Optional<IdentifierType> type = query.identifierType();
    List<ObjectNode> found =
        type.isPresent()
            ? profiles.byIdentifier(type.get(), query.value(), maxPageSize)
            : profiles.byIds(
                events.profilesOfOrder(query.value(), maxPageSize + 1), maxPageSize + 1);
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode identifier = body.putObject("identifier");
    identifier.put("type", query.name());
    identifier.put("value", redactor.identifier(query.name(), query.value()));
    ArrayNode list = body.putArray("profiles");
    for (ObjectNode stored : found.subList(0, Math.min(found.size(), maxPageSize))) {
      ObjectNode profile = redactor.profile(stored);
      ObjectNode matched = profile.putObject("matched_on");
      matched.put("type", query.name());
      matched.put("value", redactor.identifier(query.name(), query.value()));
      matched.put(
          "shared",
          type.isPresent() ? shared(stored, type.get(), query.value()) : found.size() > 1);
      list.add(profile);
    }
    body.put("truncated", found.size() > maxPageSize);
    ctx.json(body);
  }

  /** {@code GET /v1/profiles/search?q=...}: ranked, paged. */
  void search(Context ctx) {
    ProfileSearch search = ProfileSearch.from(ctx, values);
    Page.Request request = Page.Request.from(ctx, maxPageSize, Cursor.Shape.SCORE_THEN_ID);
    Page page = profiles.search(search, request);
    ProfileRedactor redactor = redactor(ctx);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode list = body.putArray("profiles");
    page.items().forEach(p -> list.add(redactor.profile(p)));
    body.put("next_cursor", page.nextCursor());
    ctx.json(body);
  }

  /** The redactor for the caller's role, noting every profile it answers for the audit log. */
  static ProfileRedactor redactor(Context ctx) {
    return ProfileRedactor.forRole(AccessController.caller(ctx).role())
        .recording(id -> AuditLog.read(ctx, id));
  }

  /** Whether the profile's contact point {@code value} of {@code type} is marked shared. */
  private static boolean shared(ObjectNode profile, IdentifierType type, String value) {
    for (var point : profile.path(type.wireName() + "s")) {
      if (value.equals(point.path("value").asText())) {
        return point.path("shared").asBoolean(false);
      }
    }
    return false;
  }
}
