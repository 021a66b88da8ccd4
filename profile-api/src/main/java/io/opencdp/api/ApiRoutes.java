package io.opencdp.api;

import static io.javalin.http.HandlerType.GET;

import io.opencdp.api.ApiRoute.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The route table: every route the API serves, its roles and its documentation. */
final class ApiRoutes {
  private static final Set<ApiRole> PUBLIC = Set.of(ApiRole.ANYONE);
  private static final Set<ApiRole> ANY_KEY =
      Set.of(ApiRole.AGENT, ApiRole.MARKETER, ApiRole.ADMIN);
  private static final Set<ApiRole> ADMIN = Set.of(ApiRole.ADMIN);

  private ApiRoutes() {}

  static List<ApiRoute> table(
      HealthController health,
      MetricsController metrics,
      OpenApiController openApi,
      ProfilesController profiles) {
    List<ApiRoute> routes = new ArrayList<>();
    routes.add(
        new ApiRoute(
            GET,
            "/healthz",
            PUBLIC,
            "Liveness: 200 while the process serves",
            List.of(),
            List.of(),
            health::healthz));
    routes.add(
        new ApiRoute(
            GET,
            "/readyz",
            PUBLIC,
            "Readiness: 200 when Elasticsearch answers, 503 otherwise",
            List.of(),
            List.of(503),
            health::readyz));
    routes.add(
        new ApiRoute(
            GET,
            "/metrics",
            ADMIN,
            "Request counts and latency histograms in the Prometheus text format",
            List.of(),
            List.of(),
            metrics::scrape));
    routes.add(
        new ApiRoute(
            GET,
            "/openapi.json",
            ANY_KEY,
            "This OpenAPI document",
            List.of(),
            List.of(),
            openApi::document));
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles/{id}",
            ANY_KEY,
            "A golden profile by id (placeholder: always 404 until the profile index lands)",
            List.of(
                new Parameter(
                    "id", "path", true, "profile id: 1-128 letters, digits, '_', '.', ':' or '-'")),
            List.of(400, 404),
            profiles::get));
    List<Parameter> identifiers = new ArrayList<>();
    for (String name : IdentifierQuery.PARAMETERS) {
      identifiers.add(
          new Parameter(
              name,
              "query",
              false,
              name
                  + " to look up, normalized as ingest normalizes it; give exactly one identifier"));
    }
    routes.add(
        new ApiRoute(
            GET,
            "/v1/profiles",
            ANY_KEY,
            "The profiles holding one identifier (placeholder: always an empty list)",
            identifiers,
            List.of(400),
            profiles::lookup));
    return List.copyOf(routes);
  }
}
