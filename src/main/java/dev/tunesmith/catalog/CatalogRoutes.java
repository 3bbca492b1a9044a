package dev.tunesmith.catalog;

import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/tracks} and {@code GET /api/tracks/{id}}. */
public final class CatalogRoutes {

    private final TrackRepository tracks;

    public CatalogRoutes(TrackRepository tracks) {
        this.tracks = tracks;
    }

    public void mount(Router api) {
        api.get("/tracks").handler(this::search);
        api.get("/tracks/:id").handler(this::one);
    }

    private void search(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 20, 1, 100);
        int offset = Responses.intParam(ctx, "offset", 0, 0, 1_000_000);
        String q = ctx.request().getParam("q");
        if (q != null && q.length() > 200) {
            throw ApiError.badRequest("'q' must be at most 200 characters");
        }
        Responses.reply(ctx, 200, tracks.search(q, ctx.request().getParam("tag"), limit, offset).map(page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(t -> items.add(t.toJson()));
            return new JsonObject().put("items", items).put("total", page.total());
        }));
    }

    private void one(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, tracks.find(id).map(t -> t.orElseThrow(() -> ApiError.notFound("track")).toJson()));
    }
}
