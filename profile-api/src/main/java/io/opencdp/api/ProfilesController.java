package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.event.ProfileId;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /v1/profiles} routes. Placeholders until the golden-profile index lands: they validate
 * and normalize their input as the real routes will, then answer that nothing is found.
 */
final class ProfilesController {
  private final PhoneNormalizer phones;

  ProfilesController(PhoneNormalizer phones) {
    this.phones = requireNonNull(phones, "phones is null");
  }

  /** {@code GET /v1/profiles/{id}}. */
  void get(Context ctx) {
    String id =
        ctx.pathParamAsClass("id", String.class)
            .check(
                ProfileId::isValid,
                "must be 1-128 letters, digits, '_', '.', ':' or '-', starting with a letter or"
                    + " digit")
            .get();
    throw new ApiException(ErrorCode.NOT_FOUND, "no profile '" + id + "' in this workspace", "id");
  }

  /** {@code GET /v1/profiles?email=...}: the profiles holding one identifier. */
  void lookup(Context ctx) {
    IdentifierQuery query = IdentifierQuery.from(ctx, phones);
    ApiConfig.ApiKey caller = AccessController.caller(ctx);
    Map<String, Object> identifier = new LinkedHashMap<>();
    identifier.put("type", query.type().wireName());
    identifier.put("value", shown(query, caller.role()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("identifier", identifier);
    body.put("profiles", List.of());
    ctx.json(body);
  }

  /** Marketers see personal identifiers masked. */
  private static String shown(IdentifierQuery query, ApiConfig.Role role) {
    if (role != ApiConfig.Role.MARKETER) {
      return query.value();
    }
    if (query.type() == IdentifierType.EMAIL) {
      return PiiMasker.email(query.value());
    }
    if (query.type() == IdentifierType.PHONE) {
      return PiiMasker.phone(query.value());
    }
    return query.value();
  }
}
