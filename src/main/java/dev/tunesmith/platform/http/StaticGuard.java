package dev.tunesmith.platform.http;

import io.vertx.ext.web.Router;

/** Keeps the front end's build files (npm packages, tests, scripts, manifests) from being served. */
public final class StaticGuard implements RouteModule {

    @Override
    public void mount(Router root) {
        root.routeWithRegex("^/(node_modules|tests|scripts)(/.*)?$|^/package(-lock)?\\.json$")
                .handler(ctx -> Responses.error(ctx, 404, "not_found", "no such resource"));
    }
}
