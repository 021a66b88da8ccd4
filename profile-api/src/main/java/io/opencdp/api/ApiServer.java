package io.opencdp.api;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.javalin.util.JavalinBindException;
import io.javalin.validation.ValidationException;
import io.opencdp.api.export.Exports;
import io.opencdp.api.store.EsConnection;
import io.opencdp.api.store.StoreIndices;
import io.opencdp.schemas.config.ApiConfig;
import io.opencdp.schemas.config.CdpConfig;
import io.opencdp.schemas.config.ExportsConfig;
import io.opencdp.schemas.config.SegmentsConfig;
import io.opencdp.schemas.error.CdpException;
import io.opencdp.schemas.error.ErrorCode;
import io.opencdp.schemas.json.Json;
import io.opencdp.schemas.normalize.PhoneNormalizer;
import io.opencdp.schemas.segment.ProfileFields;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile API: a Javalin server over the route table of {@link ApiRoutes}, with key and role
 * checks before every matched route, one problem-body exception mapper and request metrics. It
 * starts and answers health whether Elasticsearch is up or not; {@code /readyz} tells which.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  private final ApiConfig config;
  private final Readiness readiness;
  private final List<ApiRoute> routes;
  private final List<HandlerMetaInfo> registered = new CopyOnWriteArrayList<>();
  private final Javalin app;
  private final Exports exports;
  private final AuditLog audit;

  /**
   * The API of {@code workspace}, reading the profile store through {@code es}. The caller owns
   * {@code es} (closing the server closes only {@code readiness}).
   */
  ApiServer(ApiConfig config, String workspace, Readiness readiness, EsConnection es) {
    this(
        config,
        workspace,
        ProfileFields.of(CdpConfig.defaults()),
        CdpConfig.defaults().segments(),
        Clock.systemUTC(),
        readiness,
        es);
  }

  /**
   * The API of {@code workspace} whose segment definitions may compare {@code fields}, with days
   * and windows in the time zone of {@code segments}, and "now" from {@code clock}.
   */
  ApiServer(
      ApiConfig config,
      String workspace,
      ProfileFields fields,
      SegmentsConfig segments,
      Clock clock,
      Readiness readiness,
      EsConnection es) {
    this(
        config,
        workspace,
        fields,
        segments,
        clock,
        readiness,
        es,
        defaultExports(es, workspace, fields, segments, clock));
  }

  /** Exports as the default config sets them up (under the default work directory). */
  private static Exports defaultExports(
      EsConnection es,
      String workspace,
      ProfileFields fields,
      SegmentsConfig segments,
      Clock clock) {
    CdpConfig defaults = CdpConfig.defaults();
    return exports(es, workspace, fields, segments, defaults.exports(), defaults.workDir(), clock);
  }

  /**
   * {@link #ApiServer(ApiConfig, String, ProfileFields, SegmentsConfig, Clock, Readiness,
   * EsConnection)} whose audience exports run on {@code exports} (closed with the server).
   */
  ApiServer(
      ApiConfig config,
      String workspace,
      ProfileFields fields,
      SegmentsConfig segments,
      Clock clock,
      Readiness readiness,
      EsConnection es,
      Exports exports) {
    this(
        config,
        workspace,
        fields,
        segments,
        clock,
        readiness,
        es,
        exports,
        CdpConfig.defaults().privacy().auditPiiReads());
  }

  /**
   * {@link #ApiServer(ApiConfig, String, ProfileFields, SegmentsConfig, Clock, Readiness,
   * EsConnection, Exports)} whose audit log records profile reads when {@code auditPiiReads}
   * ({@code privacy.audit.pii_reads}).
   */
  ApiServer(
      ApiConfig config,
      String workspace,
      ProfileFields fields,
      SegmentsConfig segments,
      Clock clock,
      Readiness readiness,
      EsConnection es,
      Exports exports,
      boolean auditPiiReads) {
    this.exports = requireNonNull(exports, "exports is null");
    this.config = requireNonNull(config, "config is null");
    this.readiness = requireNonNull(readiness, "readiness is null");
    requireNonNull(workspace, "workspace is null");
    requireNonNull(es, "es is null");
    refuseExposedDemoKeys(config);
    if (config.keys().isEmpty()) {
      LOG.warn("api.keys is empty: the API answers only /healthz and /readyz");
    }
    StoreIndices indices = new StoreIndices(workspace);
    AuditIndex auditIndex = new AuditIndex(es.client(), indices);
    this.audit =
        new AuditLog(
            workspace,
            auditPiiReads,
            new AuditBuffer(batch -> auditIndex.append(batch, null), AuditBuffer.CAPACITY),
            Clock.systemUTC());
    RequestMetrics metrics = new RequestMetrics();
    MetricsController metricsController = new MetricsController(metrics, audit::dropped);
    OpenApiController openApi = new OpenApiController();
    ProfileStore profiles = new ProfileStore(es.client(), indices);
    EventStore events = new EventStore(es.client(), indices);
    IdentifierValues values =
        new IdentifierValues(new PhoneNormalizer(config.defaultPhoneRegion()));
    int maxPage = config.maxPageSize();
    SegmentStore segmentStore = new SegmentStore(es.client(), indices);
    SegmentCatalog catalog = new SegmentCatalog(segmentStore, fields);
    List<ApiRoute> table =
        ApiRoutes.table(
            new HealthController(readiness),
            metricsController,
            openApi,
            new ProfilesController(profiles, events, values, maxPage),
            new TimelineController(profiles, events, maxPage),
            new IdentityController(
                workspace, profiles, new OverrideQueue(es.client(), indices), values, maxPage),
            new SegmentsController(workspace, catalog, clock, maxPage),
            new AudienceController(
                catalog, new SegmentAudience(es.client(), indices), segments, clock, maxPage),
            new ExportsController(exports, catalog),
            new SuppressionsController(
                new SuppressionList(es.client(), indices, values, clock), maxPage),
            new ErasuresController(
                new ErasureQueue(es.client(), indices), profiles, values, clock, maxPage),
            new ConsentController(profiles, fields.consentPurposes()),
            new AccessExportController(
                workspace,
                profiles,
                events,
                segmentStore,
                exports,
                fields.consentPurposes(),
                clock));
    this.routes = ApiRoutes.withAudit(table, new AuditController(auditIndex, maxPage));
    openApi.publish(routes);
    AccessController access = new AccessController(new ApiKeys(config.keys()), workspace);
    ProblemMapper problems = new ProblemMapper();
    this.app =
        Javalin.create(
            javalin -> {
              javalin.showJavalinBanner = false;
              javalin.jetty.defaultHost = config.host();
              javalin.http.maxRequestSize = config.maxRequestBytes();
              javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
              javalin.requestLogger.http(
                  (ctx, millis) -> {
                    metricsController.record(ctx, millis);
                    audit.finish(ctx);
                  });
              javalin.events.handlerAdded(registered::add);
              javalin.router.mount(
                  router -> {
                    router.beforeMatched(audit::begin);
                    router.beforeMatched(access::check);
                    for (ApiRoute route : routes) {
                      router.addHttpHandler(
                          route.method(),
                          route.path(),
                          route.handler(),
                          route.roles().toArray(RouteRole[]::new));
                    }
                    router.exception(ValidationException.class, problems::validation);
                    router.exception(CdpException.class, problems::cdp);
                    router.exception(HttpResponseException.class, problems::http);
                    router.exception(Exception.class, problems::unexpected);
                  });
            });
  }

  /**
   * The API of {@code workspace} over the Elasticsearch cluster at {@code esUrl}, with the built-in
   * profile fields only, the default consent purposes and segment days in UTC ({@link
   * #create(CdpConfig, ApiConfig, String)} takes them from the config). Nothing connects yet;
   * {@link #start} serves.
   */
  public static ApiServer create(ApiConfig config, String workspace, String esUrl) {
    CdpConfig defaults = CdpConfig.defaults();
    return create(
        config,
        workspace,
        ProfileFields.of(defaults),
        defaults.segments(),
        defaults.exports(),
        defaults.workDir(),
        defaults.privacy().auditPiiReads(),
        esUrl);
  }

  /**
   * The API of the workspace of {@code config}, with its custom traits and segment settings, served
   * as {@code api} says (usually {@code config.api()}, perhaps on another port), over the cluster
   * at {@code esUrl}.
   */
  public static ApiServer create(CdpConfig config, ApiConfig api, String esUrl) {
    return create(
        api,
        config.workspace(),
        ProfileFields.of(config),
        config.segments(),
        config.exports(),
        config.workDir(),
        config.privacy().auditPiiReads(),
        esUrl);
  }

  private static ApiServer create(
      ApiConfig config,
      String workspace,
      ProfileFields fields,
      SegmentsConfig segments,
      ExportsConfig exports,
      Path workDir,
      boolean auditPiiReads,
      String esUrl) {
    refuseExposedDemoKeys(config);
    EsConnection es = EsConnection.open(esUrl, config.esTimeoutMillis());
    Clock clock = Clock.systemUTC();
    // readiness closes the connection when the server stops
    return new ApiServer(
        config,
        workspace,
        fields,
        segments,
        clock,
        new EsReadiness(es),
        es,
        exports(es, workspace, fields, segments, exports, workDir, clock),
        auditPiiReads);
  }

  /** The audience exports of {@code workspace}, with the platform layouts and suppression list. */
  static Exports exports(
      EsConnection es,
      String workspace,
      ProfileFields fields,
      SegmentsConfig segments,
      ExportsConfig exports,
      Path workDir,
      Clock clock) {
    return Exports.of(
        es.client(),
        new StoreIndices(workspace),
        fields,
        segments,
        exports.consentPurpose(),
        exports.directoryIn(workDir),
        clock);
  }

  /** The demo keys' values are public: they may only guard an API that listens on loopback. */
  private static void refuseExposedDemoKeys(ApiConfig config) {
    if (!LOOPBACK.contains(config.host()) && ApiKeys.hasDemoKey(config.keys())) {
      throw new CdpException(
          ErrorCode.CONFIG_INVALID,
          "api.keys holds a demo key, whose value is public, and api.host '"
              + config.host()
              + "' is not loopback; replace api.keys with your own (`cdp api hash-key`)");
    }
  }

  /** Serves on {@code api.host}:{@code api.port}. */
  public ApiServer start() {
    try {
      app.start(config.host(), config.port());
    } catch (JavalinBindException e) {
      throw new CdpException(
          ErrorCode.PORT_IN_USE,
          "cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + " (in use?); set api.port or pass --port",
          e);
    }
    LOG.info("profile API listening on {}", url());
    try {
      exports.failInterrupted();
    } catch (CdpException e) {
      LOG.warn("could not mark interrupted exports failed: {}", e.getMessage());
    }
    return this;
  }

  /** The port served on (the chosen one when {@code api.port} is 0). */
  public int port() {
    return app.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host =
        config.host().contains(":") && !config.host().startsWith("[")
            ? "[" + config.host() + "]"
            : config.host();
    return "http://" + host + ":" + port();
  }

  public void stop() {
    app.stop();
    // the audit entries still queued, before the Elasticsearch connection closes
    audit.close();
    // before readiness closes the Elasticsearch connection a running export still writes to
    exports.close();
    readiness.close();
  }

  @Override
  public void close() {
    stop();
  }

  /** The Javalin app, for {@code JavalinTest}. */
  Javalin app() {
    return app;
  }

  /** The audit log, for tests (to close it after {@code JavalinTest}). */
  AuditLog audit() {
    return audit;
  }

  List<ApiRoute> routes() {
    return routes;
  }

  /** Every HTTP endpoint Javalin registered (before/after handlers excluded). */
  List<HandlerMetaInfo> registeredEndpoints() {
    return registered.stream().filter(h -> h.getHttpMethod().isHttpMethod()).toList();
  }
}
