package dev.tunesmith.privacy;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.AuthService;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Self-service privacy for every signed-in user: {@code GET /api/me/export} (everything Tunesmith holds
 * about me, as one JSON file) and {@code DELETE /api/me} (my account and all my data, confirmed with my
 * current password in the body).
 */
public final class PrivacyRoutes implements RouteModule {

    private final PrivacyQueries queries;
    private final AuthService auth;
    private final Function<Long, Future<JsonObject>> derivedProfile;
    private final LongConsumer forget;

    /**
     * @param derivedProfile what Tunesmith derived from the user's events (the profile of {@code GET /api/me})
     * @param forget called after a deletion, to drop caches and close the user's sockets
     */
    public PrivacyRoutes(PrivacyQueries queries, AuthService auth, Function<Long, Future<JsonObject>> derivedProfile, LongConsumer forget) {
        this.queries = queries;
        this.auth = auth;
        this.derivedProfile = derivedProfile;
        this.forget = forget;
    }

    @Override
    public void mount(Router api) {
        api.get("/me/export").handler(this::export);
        api.delete("/me").handler(this::delete);
    }

    private void export(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Future<JsonObject> profile = derivedProfile.apply(p.userId()).recover(e -> Future.succeededFuture(
                new JsonObject().put("unavailable", "the profile could not be computed right now: " + e.getMessage())));
        queries.export(p.userId()).compose(data -> profile.map(prof -> new JsonObject()
                        .put("exportedAt", Instant.now().toString())
                        .put("format", "tunesmith-export/1")
                        .put("notes", "Your password is stored only as a salted PBKDF2 hash and is not exported. The catalogue "
                                + "(tracks, artists) is shared, public data and is referenced by id and title.")
                        .mergeIn(data)
                        .put("derivedProfile", prof)))
                .onSuccess(json -> {
                    String name = p.username().replaceAll("[^a-z0-9_.-]", "");
                    ctx.response().putHeader("Content-Disposition", "attachment; filename=\"tunesmith-export-" + name + ".json\"");
                    Responses.json(ctx, 200, json);
                })
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        JsonObject body = Responses.body(ctx);
        String password = body.getValue("password") instanceof String s ? s : null;
        Responses.reply(ctx, 200, auth.confirmPassword(p.userId(), password)
                .compose(ok -> queries.deleteAccount(p.userId()))
                .onSuccess(d -> forget.accept(p.userId()))
                .map(d -> new JsonObject().put("deleted", d.toJson())));
    }
}
