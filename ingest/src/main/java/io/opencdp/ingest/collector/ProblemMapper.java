package io.opencdp.ingest.collector;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's one exception mapper: every refusal becomes a problem body with its status. A
 * {@link CollectorException} carries its own status and code; Javalin's own responses (404 for an
 * unknown route) keep their status; anything else is a bug, logged and answered 500 without
 * internals.
 */
final class ProblemMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  void collector(CollectorException e, Context ctx) {
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Basic realm=\"opencdp-collector\"");
    }
    if (e.status() >= 500) {
      LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
    }
    answer(ctx, new Problem(e.status(), title(e.status()), e.getMessage(), e.code(), e.field()));
  }

  void http(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String code = status == 404 ? ProblemCodes.NOT_FOUND : "http_" + status;
    String detail =
        status == 404
            ? "no route " + ctx.method() + " " + ctx.path() + "; see the collector's /v1/* routes"
            : e.getMessage();
    answer(ctx, new Problem(status, title(status), detail, code, null));
  }

  void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    answer(
        ctx,
        new Problem(
            500,
            title(500),
            "the collector failed unexpectedly; nothing was accepted, retry later",
            ProblemCodes.INTERNAL,
            null));
  }

  private static void answer(Context ctx, Problem problem) {
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(problem.toJson());
  }

  private static String title(int status) {
    HttpStatus known = HttpStatus.forStatus(status);
    return known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage();
  }
}
