package dev.tunesmith.platform.http;

import dev.tunesmith.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
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

    public HttpVerticle(AppConfig.Http config, Modules modules) {
        this.config = config;
        this.modules = modules;
    }

    @Override
    public Future<?> start() {
        Router root = Router.router(vertx);
        root.route().handler(HttpVerticle::securityHeaders).handler(HttpVerticle::accessLog);
        modules.root().forEach(m -> m.mount(root));

        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()));
        api.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH).handler(HttpVerticle::requireJson);
        modules.publicApi().forEach(m -> m.mount(api));
        api.route().handler(modules.auth());
        modules.protectedApi().forEach(m -> m.mount(api));
        api.route().handler(ctx -> ctx.fail(ApiError.notFound("API route " + ctx.request().method() + " " + ctx.normalizedPath())));
        api.route().failureHandler(new ErrorHandler());
        root.route("/api/*").subRouter(api);

        root.route().handler(StaticHandler.create(FileSystemAccess.ROOT, config.webroot().toAbsolutePath().toString())
                .setIndexPage("index.html").setCachingEnabled(false).setDefaultContentEncoding("UTF-8"));
        root.route().method(HttpMethod.GET).handler(ctx -> ctx.response().sendFile(
                config.webroot().resolve("index.html").toAbsolutePath().toString()).onFailure(e -> ctx.fail(404)));
        root.route().failureHandler(new ErrorHandler());

        return vertx.createHttpServer(new HttpServerOptions()
                        .setHost(config.host())
                        .setPort(config.port())
                        .setCompressionSupported(true)
                        .setMaxWebSocketFrameSize(64 * 1024)
                        .setMaxWebSocketMessageSize(64 * 1024)
                        .setIdleTimeout(0))
                .requestHandler(root)
                .listen()
                .onSuccess(s -> server = s);
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
