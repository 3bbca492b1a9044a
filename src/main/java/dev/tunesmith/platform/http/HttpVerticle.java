package dev.tunesmith.platform.http;

import dev.tunesmith.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front: one server (per instance) with the {@code /api} router, the health check, the
 * WebSocket chat and metrics on the root router, and the single-page app from {@code webroot/}.
 * It owns no business logic: concerns contribute {@link RouteModule}s.
 */
public final class HttpVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger("http");

    /** What the server mounts: public API, the auth gate, protected API, and root-level modules. */
    public record Modules(List<RouteModule> root, List<RouteModule> publicApi, Handler<RoutingContext> auth,
            List<RouteModule> protectedApi) {}

    private final AppConfig.Http config;
    private final Modules modules;
    private HttpServer server;
    private Router rootRouter;
    private Router apiRouter;

    public HttpVerticle(AppConfig.Http config, Modules modules) {
        this.config = config;
        this.modules = modules;
    }

    @Override
    public Future<?> start() {
        ErrorHandler errors = new ErrorHandler();
        Router root = Router.router(vertx);
        root.route().handler(HttpVerticle::securityHeaders).handler(HttpVerticle::accessLog).handler(InputGuard::uri);
        modules.root().forEach(m -> m.mount(root));

        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()));
        api.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).handler(HttpVerticle::requireJson);
        api.route().handler(InputGuard::body);
        modules.publicApi().forEach(m -> m.mount(api));
        api.route().handler(modules.auth());
        modules.protectedApi().forEach(m -> m.mount(api));
        api.route().handler(ctx -> ctx.fail(ApiError.notFound("API route " + ctx.request().method() + " " + ctx.normalizedPath())));
        api.route().failureHandler(errors);
        for (int status : ErrorHandler.STATUSES) {
            api.errorHandler(status, errors);
        }
        root.route("/api/*").subRouter(api);
        rootRouter = root;
        apiRouter = api;

        String index = config.webroot().resolve("index.html").toAbsolutePath().toString();
        Handler<RoutingContext> spa = ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").sendFile(index)
                .onFailure(e -> {
                    if (!ctx.response().ended()) {
                        ctx.fail(404);
                    }
                });
        root.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> StaticGuard.handle(ctx, () -> spa.handle(ctx)));
        root.route().method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(StaticHandler.create(FileSystemAccess.ROOT, config.webroot().toAbsolutePath().toString())
                        .setIndexPage("index.html").setCachingEnabled(false).setDefaultContentEncoding("UTF-8").setIncludeHidden(false));
        root.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> ctx.fail(404));
        root.route().failureHandler(errors);
        for (int status : ErrorHandler.STATUSES) {
            root.errorHandler(status, errors);
        }

        HeaderTimeout headerTimeout = new HeaderTimeout(vertx, config.headerTimeout().toMillis());
        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.host())
                        .setPort(config.port())
                        .setCompressionSupported(true)
                        .setMaxWebSocketFrameSize(64 * 1024)
                        .setMaxWebSocketMessageSize(64 * 1024)
                        // no extension is negotiated, so a frame with RSV1 set is a protocol error (1002)
                        .setPerMessageWebSocketCompressionSupported(false)
                        .setPerFrameWebSocketCompressionSupported(false)
                        .setMaxInitialLineLength(8192)
                        .setMaxHeaderSize(16 * 1024)
                        .setIdleTimeout((int) config.idleTimeout().toMillis())
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        // no h2c: connections are set up (and timed) as soon as they open, and no cleartext upgrade path exists
                        .setHttp2ClearTextEnabled(false))
                .connectionHandler(headerTimeout::opened)
                .invalidRequestHandler(HttpVerticle::invalidRequest)
                .requestHandler(req -> {
                    headerTimeout.requestArrived(req);
                    root.handle(req);
                })
                .listen()
                .onSuccess(s -> server = s);
    }

    /** Requests the HTTP decoder could not parse (URI or headers too long, bad request line): the same envelope, then close. */
    private static void invalidRequest(HttpServerRequest req) {
        Throwable cause = req.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        String code = status == 414 ? "uri_too_long" : status == 431 ? "headers_too_large" : "invalid_request";
        String message = status == 414 ? "the request URI is too long" : status == 431 ? "the request headers are too large"
                : "the request could not be parsed";
        req.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close")
                .end(Responses.envelope(code, message, null).encode())
                .onComplete(v -> req.connection().close());
    }

    /** Every mounted route as {@code "METHOD /path"} ({@code "*"} for any method); the property tests fuzz each one. */
    public List<String> routes() {
        List<String> out = new java.util.ArrayList<>();
        describe(rootRouter, "", out);
        describe(apiRouter, "/api", out);
        return out;
    }

    private static void describe(Router router, String prefix, List<String> out) {
        if (router == null) {
            return;
        }
        for (var route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || path.endsWith("*") && prefix.isEmpty() && path.startsWith("/api")) {
                continue;
            }
            var methods = route.methods();
            if (methods == null || methods.isEmpty()) {
                out.add("* " + prefix + path);
            } else {
                methods.forEach(m -> out.add(m.name() + " " + prefix + path));
            }
        }
    }

    /** The port actually bound (useful when the configured port is 0). */
    public int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; media-src *; "
                        + "style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; object-src 'none'; frame-ancestors 'none'");
        ctx.next();
    }

    private static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (ctx.body() != null && ctx.body().length() > 0 && (type == null || !type.toLowerCase().startsWith("application/json"))) {
            ctx.fail(new ApiError(415, "unsupported_media_type", "send the body as application/json"));
            return;
        }
        ctx.next();
    }

    private static void accessLog(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            String path = ctx.request().path();
            if (path.startsWith("/api/") || path.equals("/health") || ctx.response().getStatusCode() >= 500) {
                LOG.info("method={} path={} status={} ms={}", ctx.request().method(), path, ctx.response().getStatusCode(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        });
        ctx.next();
    }
}
