package dev.tunesmith.platform.http;

import io.vertx.ext.web.Router;

/** A concern's routes, mounted on the {@code /api} sub-router (or the root router for WebSocket/metrics). */
@FunctionalInterface
public interface RouteModule {
    void mount(Router router);
}
