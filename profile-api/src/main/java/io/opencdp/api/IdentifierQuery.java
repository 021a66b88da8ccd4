package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.event.IdentifierType;
import io.opencdp.schemas.normalize.EmailNormalizer;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The identifier of a profile lookup ({@code GET /v1/profiles?email=...}): exactly one query
 * parameter named by an {@link IdentifierType}, normalized by the same normalizers ingest uses, so
 * a lookup finds what ingest stored.
 *
 * @param type the identifier's type
 * @param value the normalized value (E.164 for a phone, lowercase for an email, stripped otherwise)
 */
record IdentifierQuery(IdentifierType type, String value) {
  static final List<String> PARAMETERS =
      Arrays.stream(IdentifierType.values()).map(IdentifierType::wireName).toList();
  private static final int MAX_ID_LENGTH = 256;

  IdentifierQuery {
    requireNonNull(type, "type is null");
    requireNonNull(value, "value is null");
  }

  static IdentifierQuery from(Context ctx, PhoneNormalizer phones) {
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
    IdentifierType type = IdentifierType.fromWireName(name);
    String value =
        switch (type) {
          case EMAIL ->
              EmailNormalizer.normalize(
                      ctx.queryParamAsClass(name, String.class)
                          .check(
                              v -> EmailNormalizer.normalize(v).valid(), "is not an email address")
                          .get())
                  .value();
          case PHONE ->
              phones
                  .normalize(
                      ctx.queryParamAsClass(name, String.class)
                          .check(
                              v -> phones.normalize(v).hasValue(),
                              "is not a phone number (E.164 such as +15550102000, or a national"
                                  + " number of "
                                  + phones.defaultRegion()
                                  + ")")
                          .get())
                  .value();
          default ->
              ctx.queryParamAsClass(name, String.class)
                  .check(v -> !v.isBlank(), "is empty")
                  .check(v -> v.strip().length() <= MAX_ID_LENGTH, "is longer than 256 characters")
                  .get()
                  .strip();
        };
    return new IdentifierQuery(type, value);
  }

  private static String choices() {
    return PARAMETERS.stream().collect(Collectors.joining(", "));
  }
}
