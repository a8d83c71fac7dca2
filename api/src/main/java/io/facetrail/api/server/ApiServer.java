package io.facetrail.api.server;

import io.facetrail.api.access.AccessGate;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.InvalidNameException;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.runtime.http.Health;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API and console server. Every route group is added here; errors leave as problem details;
 * request bodies are bounded before they are read; the console's static files are served from the
 * class path at {@code /console/}.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;
  private final List<String> routes;

  private ApiServer(Javalin app, List<String> routes) {
    this.app = app;
    this.routes = List.copyOf(routes);
  }

  /**
   * Starts serving on {@code config.http()}.
   *
   * @throws IllegalStateException when the address cannot be bound
   */
  public static ApiServer start(
      ApiConfig config,
      AccessGate gate,
      List<ApiRoutes> routes,
      PrometheusMeterRegistry registry,
      Health health) {
    long maxRequest = config.limits().maxRequestBytes();
    List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();
    Javalin app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              c.events.handlerAdded(
                  h -> {
                    if (h.getHttpMethod().isHttpMethod()) {
                      added.add(
                          h.getHttpMethod() + " " + h.getPath().replaceAll("<([^>]+)>", "{$1}"));
                    }
                  });
              c.startupWatcherEnabled = false;
              c.jsonMapper(new JacksonMapper());
              c.http.maxRequestSize = maxRequest;
              c.http.prefer405over404 = true;
              c.jetty.multipartConfig.maxTotalRequestSize(maxRequest, SizeUnit.BYTES);
              c.jetty.multipartConfig.maxFileSize(config.limits().maxPhotoBytes(), SizeUnit.BYTES);
              // Uploads larger than 1 MiB go to a temporary file, not the heap.
              c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
              c.staticFiles.add(
                  s -> {
                    s.hostedPath = "/console";
                    s.directory = "/io/facetrail/api/console";
                    s.location = Location.CLASSPATH;
                    s.headers =
                        java.util.Map.of(
                            "Cache-Control", "no-cache",
                            "X-Content-Type-Options", "nosniff",
                            "Content-Security-Policy", ConsolePolicy.CSP,
                            "Referrer-Policy", "no-referrer",
                            "X-Frame-Options", "DENY");
                  });
              if (!config.access().corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(
                    cors ->
                        cors.addRule(
                            rule -> {
                              config.access().corsOrigins().forEach(rule::allowHost);
                              rule.exposeHeader("Retry-After");
                            }));
              }
            });
    app.beforeMatched(gate::check);
    app.exception(ProblemException.class, (e, ctx) -> Problems.write(ctx, e));
    app.exception(
        UnknownPersonException.class,
        (e, ctx) ->
            Problems.write(ctx, ProblemException.notFound("unknown-person", e.getMessage())));
    app.exception(
        InvalidNameException.class,
        (e, ctx) ->
            Problems.write(
                ctx, ProblemException.invalid(e.getMessage(), List.of("name: " + e.getMessage()))));
    app.exception(
        GalleryUnavailableException.class,
        (e, ctx) ->
            Problems.write(
                ctx,
                ProblemException.of(
                    503, "gallery-unavailable", "The gallery cannot be reached", e.getMessage())));
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Problems.write(
                ctx,
                ProblemException.of(
                    e.getStatus(),
                    statusKind(e.getStatus()),
                    statusTitle(e.getStatus()),
                    detail(e, ctx))));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          // Logged with its stack trace: a bug or a fault, never the caller's fault.
          log.error("{} {} failed", ctx.method(), ctx.matchedPath(), e);
          Problems.write(
              ctx,
              ProblemException.of(
                  500, "internal", "Internal error", "the server failed; see its log"));
        });
    app.error(
        404,
        ctx -> {
          // Error handlers run after every 404, ours included: only Javalin's own is replaced.
          if (!Problems.isProblem(ctx)) {
            Problems.write(
                ctx,
                ProblemException.notFound(
                    "not-found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
          }
        });
    app.error(
        405,
        ctx -> {
          if (!Problems.isProblem(ctx)) {
            Problems.write(
                ctx,
                ProblemException.of(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path()));
          }
        });
    new ServiceRoutes(registry, health, config.http().protectMetrics()).addTo(app);
    routes.forEach(r -> r.addTo(app));
    try {
      app.start(config.http().host(), config.http().port());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + config.http().host()
              + ":"
              + config.http().port()
              + ": "
              + e.getMessage(),
          e);
    }
    log.info("API and console on http://{}:{}/console/", config.http().host(), app.port());
    return new ApiServer(app, added);
  }

  public int port() {
    return app.port();
  }

  /** Every route served, as {@code METHOD /path/{param}} (checked against the OpenAPI document). */
  public List<String> routes() {
    return routes;
  }

  /** The base URI on the loopback address (tests, the bench). */
  public URI loopbackUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    app.stop();
  }

  private static String statusKind(int status) {
    return switch (status) {
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "request-too-large";
      default -> null;
    };
  }

  private static String detail(HttpResponseException e, io.javalin.http.Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
      case 405 -> ctx.method() + " is not allowed on " + ctx.path();
      default -> e.getMessage();
    };
  }

  private static String statusTitle(int status) {
    return switch (status) {
      case 400 -> "The request is not valid";
      case 401 -> "Authentication required";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request too large";
      case 415 -> "Unsupported media type";
      default -> "HTTP " + status;
    };
  }
}
