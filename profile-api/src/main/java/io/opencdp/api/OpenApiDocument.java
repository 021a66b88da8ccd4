package io.opencdp.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import io.opencdp.schemas.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the OpenAPI 3.0 document of a route table. */
final class OpenApiDocument {
  static final String VERSION = "0.1.0";

  private OpenApiDocument() {}

  static ObjectNode of(List<ApiRoute> routes) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "OpenCDP profile API");
    info.put("version", VERSION);
    info.put(
        "description", "Golden customer profiles. Auth, roles and problem bodies: docs/api.md.");
    ObjectNode paths = doc.putObject("paths");
    for (ApiRoute route : routes) {
      ObjectNode path =
          paths.has(route.path())
              ? (ObjectNode) paths.get(route.path())
              : paths.putObject(route.path());
      path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-Api-Key");
    components.putObject("schemas").set("Problem", problemSchema());
    return doc;
  }

  private static ObjectNode operation(ApiRoute route) {
    ObjectNode op = Json.mapper().createObjectNode();
    op.put("summary", route.summary());
    ArrayNode roles = op.putArray("x-roles");
    route.roles().stream().map(ApiRole::wireName).sorted().forEach(roles::add);
    ArrayNode security = op.putArray("security");
    if (route.needsKey()) {
      security.addObject().putArray("bearer");
      security.addObject().putArray("apiKey");
    }
    if (!route.parameters().isEmpty()) {
      ArrayNode params = op.putArray("parameters");
      for (ApiRoute.Parameter p : route.parameters()) {
        ObjectNode param = params.addObject();
        param.put("name", p.name());
        param.put("in", p.in());
        param.put("required", p.required());
        param.put("description", p.description());
        param.putObject("schema").put("type", "string");
      }
    }
    if (route.body() != null) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", true);
      body.put("description", route.body().description());
      body.putObject("content").putObject("application/json").set("schema", route.body().schema());
    }
    ObjectNode responses = op.putObject("responses");
    responses
        .putObject(Integer.toString(route.success()))
        .put("description", HttpStatus.forStatus(route.success()).getMessage());
    List<Integer> errors = new ArrayList<>(route.errors());
    if (route.needsKey()) {
      errors.add(401);
      errors.add(403);
    }
    errors.add(500);
    for (int status : errors.stream().distinct().sorted().toList()) {
      ObjectNode response = responses.putObject(Integer.toString(status));
      response.put("description", HttpStatus.forStatus(status).getMessage());
      response
          .putObject("content")
          .putObject(Problem.CONTENT_TYPE)
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    return op;
  }

  private static ObjectNode problemSchema() {
    ObjectNode schema = Json.mapper().createObjectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    props.putObject("type").put("type", "string");
    props.putObject("title").put("type", "string");
    props.putObject("status").put("type", "integer");
    props.putObject("detail").put("type", "string");
    props.putObject("code").put("type", "string");
    props.putObject("parameter").put("type", "string").put("nullable", true);
    return schema;
  }
}
