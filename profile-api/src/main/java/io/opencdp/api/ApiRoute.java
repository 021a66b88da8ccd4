package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * One row of the route table: what Javalin registers and what the OpenAPI document describes, so
 * the two cannot drift apart.
 *
 * @param method the HTTP method
 * @param path the path, with Javalin's {@code {name}} parameters (the same spelling as OpenAPI)
 * @param roles who may call it ({@link ApiRole#ANYONE} for no key)
 * @param summary one line for the OpenAPI document
 * @param parameters the path and query parameters it reads
 * @param errors the error statuses it answers besides the authentication ones
 * @param body the JSON request body it reads; null for none
 * @param success the status of a successful answer (200, or 201 for a route that records something)
 * @param handler the controller method
 */
record ApiRoute(
    HandlerType method,
    String path,
    Set<ApiRole> roles,
    String summary,
    List<Parameter> parameters,
    List<Integer> errors,
    Body body,
    int success,
    Handler handler) {

  /** A path or query parameter. */
  record Parameter(String name, String in, boolean required, String description) {
    Parameter {
      requireNonNull(name, "name is null");
      requireNonNull(in, "in is null");
      requireNonNull(description, "description is null");
    }
  }

  /** A JSON request body: what it is and its JSON schema (OpenAPI 3.0). */
  record Body(String description, ObjectNode schema) {
    Body {
      requireNonNull(description, "description is null");
      requireNonNull(schema, "schema is null");
    }
  }

  /** A route without a request body that answers 200. */
  ApiRoute(
      HandlerType method,
      String path,
      Set<ApiRole> roles,
      String summary,
      List<Parameter> parameters,
      List<Integer> errors,
      Handler handler) {
    this(method, path, roles, summary, parameters, errors, null, 200, handler);
  }

  ApiRoute {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    roles = Set.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("route " + path + " names no role");
    }
    requireNonNull(summary, "summary is null");
    parameters = List.copyOf(parameters);
    errors = List.copyOf(errors);
    requireNonNull(handler, "handler is null");
  }

  boolean needsKey() {
    return !roles.contains(ApiRole.ANYONE);
  }
}
