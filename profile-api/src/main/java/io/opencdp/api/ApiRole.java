package io.opencdp.api;

import io.javalin.security.RouteRole;
import io.opencdp.schemas.config.ApiConfig;
import java.util.Locale;

/**
 * The roles of the route table. {@link #ANYONE} marks the routes that need no key (health); every
 * other route lists the key roles it admits. A route with no role at all is refused (fail closed).
 */
enum ApiRole implements RouteRole {
  ANYONE,
  AGENT,
  MARKETER,
  ADMIN;

  static ApiRole of(ApiConfig.Role role) {
    return switch (role) {
      case AGENT -> AGENT;
      case MARKETER -> MARKETER;
      case ADMIN -> ADMIN;
    };
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
