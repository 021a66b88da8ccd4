package io.opencdp.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one exception mapper: every refusal becomes a problem body. Error codes map to statuses
 * ({@link #status}); Javalin's validation errors are 400s naming the parameter; Javalin's own
 * responses (404 for an unknown route) keep their status; anything else is a bug, logged with an
 * error id and answered 500 without internals.
 */
final class ProblemMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  void cdp(CdpException e, Context ctx) {
    int status = status(e.code());
    if (status == 500) {
      unexpected(e, ctx);
      return;
    }
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"opencdp\"");
    }
    if (status == 503) {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    }
    answer(ctx, new Problem(status, title(status), e.getMessage(), code(e.code()), e.parameter()));
  }

  void validation(ValidationException e, Context ctx) {
    Map.Entry<String, List<ValidationError<Object>>> first =
        e.getErrors().entrySet().iterator().next();
    String parameter = first.getKey();
    String reason =
        first.getValue().isEmpty() ? "is invalid" : describe(first.getValue().get(0).getMessage());
    answer(
        ctx,
        new Problem(
            400,
            title(400),
            "parameter '" + parameter + "' " + reason,
            code(ErrorCode.BAD_ARGUMENT),
            parameter));
  }

  void http(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String detail =
        status == 404
            ? "no route " + ctx.method() + " " + ctx.path() + "; /openapi.json lists the routes"
            : title(status);
    String code = status == 404 ? code(ErrorCode.NOT_FOUND) : "http_" + status;
    answer(ctx, new Problem(status, title(status), detail, code, null));
  }

  void unexpected(Exception e, Context ctx) {
    String errorId = UUID.randomUUID().toString();
    LOG.error("error id {}: {} {} failed unexpectedly", errorId, ctx.method(), ctx.path(), e);
    answer(
        ctx,
        new Problem(
            500,
            title(500),
            "the API failed unexpectedly; report error id " + errorId + " to the operators",
            code(ErrorCode.INTERNAL),
            null));
  }

  static int status(ErrorCode code) {
    return switch (code) {
      case BAD_ARGUMENT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case ELASTICSEARCH_UNAVAILABLE -> 503;
      default -> 500;
    };
  }

  static String code(ErrorCode code) {
    return code.name().toLowerCase(Locale.ROOT);
  }

  /** Javalin's own messages are constants such as TYPE_CONVERSION_FAILED. */
  private static String describe(String message) {
    return switch (message) {
      case "TYPE_CONVERSION_FAILED" -> "has the wrong type";
      case "NULLCHECK_FAILED" -> "is required";
      default -> message;
    };
  }

  private static void answer(Context ctx, Problem problem) {
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(problem.toJson());
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    return known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage();
  }
}
