package dev.tunesmith.playlist;

import dev.tunesmith.recommend.service.RecommenderService;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/** {@code GET /api/me/recommendations}, {@code GET /api/playlists/{id}} and its export. */
public final class PlaylistRoutes implements RouteModule {

    private static final Set<String> FORMATS = Set.of("m3u", "xspf", "jspf");

    private final PlaylistService playlists;
    private final PlaylistStore store;
    private final RecommenderService recommender;

    public PlaylistRoutes(PlaylistService playlists, PlaylistStore store, RecommenderService recommender) {
        this.playlists = playlists;
        this.store = store;
        this.recommender = recommender;
    }

    @Override
    public void mount(Router api) {
        api.get("/me/recommendations").handler(this::recommendations);
        api.get("/tracks/:id/similar").handler(this::similar);
        api.get("/playlists/:id").handler(this::one);
        api.get("/playlists/:id/export").handler(this::export);
    }

    private void recommendations(RoutingContext ctx) {
        int k = Responses.intParam(ctx, "k", 20, 1, 100);
        String mood = ctx.request().getParam("mood");
        if (mood != null && mood.length() > 500) {
            throw ApiError.badRequest("'mood' must be at most 500 characters");
        }
        if (!recommender.ready()) {
            throw ApiError.unavailable("recommender_starting", "the recommender is still starting; try again in a few seconds");
        }
        Responses.reply(ctx, 200, playlists.recommendations(AuthHandler.principal(ctx).userId(), k, mood));
    }

    private void similar(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        int k = Responses.intParam(ctx, "k", 8, 1, 50);
        if (!recommender.ready()) {
            throw ApiError.unavailable("recommender_starting", "the recommender is still starting; try again in a few seconds");
        }
        Responses.reply(ctx, 200, playlists.similarTo(id, k));
    }

    private void one(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, store.find(id, AuthHandler.principal(ctx).userId())
                .compose(found -> store.toJson(found.orElseThrow(() -> ApiError.notFound("playlist")))));
    }

    private void export(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        String format = ctx.request().getParam("format", "m3u").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw ApiError.invalid("invalid_format", "format must be one of m3u, xspf, jspf");
        }
        store.find(id, AuthHandler.principal(ctx).userId())
                .compose(found -> store.toJson(found.orElseThrow(() -> ApiError.notFound("playlist"))))
                .onSuccess(json -> {
                    PlaylistExporter.Export e = PlaylistExporter.export(json, format);
                    String name = json.getString("title").replaceAll("[^A-Za-z0-9 _.-]", "").trim().replace(' ', '-');
                    ctx.response().putHeader("Content-Type", e.contentType())
                            .putHeader("Content-Disposition", "attachment; filename=\"" + (name.isEmpty() ? "playlist" : name) + "." + e.extension() + "\"")
                            .end(e.body());
                })
                .onFailure(ctx::fail);
    }
}
