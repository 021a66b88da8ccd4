package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a profile lookup ({@code GET /v1/profiles?email=...}) names: exactly one query parameter,
 * named by an {@link IdentifierType} or {@code order_id}, normalized by the same normalizers ingest
 * uses ({@link IdentifierValues}), so a lookup finds what ingest stored.
 *
 * @param name the parameter: an identifier type's wire name or {@code order_id}
 * @param value the normalized value (E.164 for a phone, lowercase for an email, stripped otherwise)
 */
record IdentifierQuery(String name, String value) {
  static final String ORDER_ID = "order_id";
  static final List<String> PARAMETERS = parameters();

  IdentifierQuery {
    requireNonNull(name, "name is null");
    requireNonNull(value, "value is null");
  }

  /** The identifier type; empty for an order id. */
  Optional<IdentifierType> identifierType() {
    return name.equals(ORDER_ID)
        ? Optional.empty()
        : Optional.of(IdentifierType.fromWireName(name));
  }

  static IdentifierQuery from(Context ctx, IdentifierValues values) {
    Map<String, List<String>> params = ctx.queryParamMap();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      if (!PARAMETERS.contains(param.getKey())) {
        throw new ApiException(
            ErrorCode.BAD_ARGUMENT,
            "unknown query parameter '" + param.getKey() + "'; look up by one of " + choices(),
            param.getKey());
      }
      if (param.getValue().size() > 1) {
        throw new ApiException(
            ErrorCode.BAD_ARGUMENT,
            "parameter '" + param.getKey() + "' is given more than once",
            param.getKey());
      }
    }
    if (params.size() != 1) {
      throw new ApiException(
          ErrorCode.BAD_ARGUMENT,
          (params.isEmpty() ? "no identifier given" : "more than one identifier given")
              + "; look up by exactly one of "
              + choices());
    }
    String name = params.keySet().iterator().next();
    if (name.equals(ORDER_ID)) {
      String value =
          ctx.queryParamAsClass(name, String.class)
              .check(
                  v -> IdentifierValues.id(v).isPresent(),
                  "must be 1-" + IdentifierValues.MAX_ID_LENGTH + " characters, not blank")
              .get();
      return new IdentifierQuery(name, IdentifierValues.id(value).orElseThrow());
    }
    IdentifierType type = IdentifierType.fromWireName(name);
    String raw =
        ctx.queryParamAsClass(name, String.class)
            .check(v -> values.forLookup(type, v).isPresent(), values.refusal(type))
            .get();
    return new IdentifierQuery(name, values.forLookup(type, raw).orElseThrow());
  }

  private static List<String> parameters() {
    List<String> names = new ArrayList<>();
    Arrays.stream(IdentifierType.values()).map(IdentifierType::wireName).forEach(names::add);
    names.add(ORDER_ID);
    return List.copyOf(names);
  }

  private static String choices() {
    return String.join(", ", PARAMETERS);
  }
}
