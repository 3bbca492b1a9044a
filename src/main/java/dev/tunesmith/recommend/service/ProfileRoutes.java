package dev.tunesmith.recommend.service;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** {@code GET /api/me}: the caller and their profile summary. */
public final class ProfileRoutes implements RouteModule {

    private final Function<Principal, Future<JsonObject>> profiles;

    /** @param profiles builds the caller's profile JSON (top tags/artists, mood centre, counts) */
    public ProfileRoutes(Function<Principal, Future<JsonObject>> profiles) {
        this.profiles = profiles;
    }

    @Override
    public void mount(Router api) {
        api.get("/me").handler(this::me);
    }

    private void me(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Responses.reply(ctx, 200, profiles.apply(p).map(profile -> new JsonObject()
                .put("id", p.userId()).put("username", p.username()).put("roles", new JsonArray(p.roles()))
                .put("profile", profile)));
    }
}
