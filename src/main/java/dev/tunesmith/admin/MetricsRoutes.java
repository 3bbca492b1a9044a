package dev.tunesmith.admin;

import dev.tunesmith.platform.metrics.Metrics;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.ext.web.Router;

/** {@code GET /metrics}: Prometheus text format, admin bearer token required. */
public final class MetricsRoutes implements RouteModule {

    private final Metrics metrics;
    private final AuthHandler auth;

    public MetricsRoutes(Metrics metrics, AuthHandler auth) {
        this.metrics = metrics;
        this.auth = auth;
    }

    @Override
    public void mount(Router root) {
        root.get("/metrics").handler(auth).handler(AuthHandler.require(Role.ADMIN)).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.registry().scrape()));
        root.get("/metrics").failureHandler(new dev.tunesmith.platform.http.ErrorHandler());
    }
}
