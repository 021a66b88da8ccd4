package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.error.ErrorCode;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs before every matched route: records the route for metrics, then authenticates the key
 * ({@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}) and checks its role against the
 * route's roles and its workspace against the one this API serves (and an {@code X-Workspace}
 * header, when the client sends one).
 */
final class AccessController {
  static final String ROUTE_ATTRIBUTE = "cdp.route";
  static final String CALLER_ATTRIBUTE = "cdp.caller";
  static final String WORKSPACE_HEADER = "X-Workspace";

  private final ApiKeys keys;
  private final String workspace;

  AccessController(ApiKeys keys, String workspace) {
    this.keys = requireNonNull(keys, "keys is null");
    this.workspace = requireNonNull(workspace, "workspace is null");
  }

  void check(Context ctx) {
    ctx.attribute(ROUTE_ATTRIBUTE, ctx.endpointHandlerPath());
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(ApiRole.ANYONE)) {
      return;
    }
    String presented = presentedKey(ctx);
    if (presented == null) {
      throw new ApiException(
          ErrorCode.UNAUTHENTICATED,
          "this route needs an API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
    }
    ApiConfig.ApiKey key =
        keys.find(presented)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.UNAUTHENTICATED, "the API key is not one this API knows"));
    if (!roles.contains(ApiRole.of(key.role()))) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "key '"
              + key.id()
              + "' has role "
              + key.role().wireName()
              + "; "
              + ctx.method()
              + " "
              + ctx.endpointHandlerPath()
              + " needs one of: "
              + roles.stream()
                  .map(r -> ((ApiRole) r).wireName())
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    if (!key.workspace().equals(workspace)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "key '" + key.id() + "' belongs to another workspace than the one this API serves");
    }
    String asked = ctx.header(WORKSPACE_HEADER);
    if (asked != null && !asked.strip().equals(key.workspace())) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "key '" + key.id() + "' may not read workspace '" + asked.strip() + "'",
          WORKSPACE_HEADER);
    }
    ctx.attribute(CALLER_ATTRIBUTE, key);
  }

  /** The authenticated key of a request that passed {@link #check}. */
  static ApiConfig.ApiKey caller(Context ctx) {
    return requireNonNull(ctx.attribute(CALLER_ATTRIBUTE), "no authenticated caller");
  }

  private static String presentedKey(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      String value = authorization.strip();
      if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String key = value.substring(7).strip();
        return key.isEmpty() ? null : key;
      }
      return null;
    }
    String apiKey = ctx.header("X-Api-Key");
    return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
  }
}
