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
        api.get("/artists").handler(this::artist);
        api.get("/albums").handler(this::album);
    }

    private static String required(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank() || v.length() > 300) {
            throw ApiError.badRequest("'" + name + "' is required (at most 300 characters)");
        }
        return v.trim();
    }

    /** {@code GET /api/artists?name=}: the artist's tracks, albums and most common tags. */
    private void artist(RoutingContext ctx) {
        String name = required(ctx, "name");
        Responses.reply(ctx, 200, tracks.byArtist(name, 300).map(list -> {
            if (list.isEmpty()) {
                throw ApiError.notFound("artist");
            }
            JsonArray items = new JsonArray();
            java.util.Map<String, JsonObject> albums = new java.util.LinkedHashMap<>();
            java.util.Map<String, Integer> tags = new java.util.HashMap<>();
            for (Track t : list) {
                items.add(t.toJson());
                if (t.album() != null) {
                    albums.computeIfAbsent(t.album(), a -> new JsonObject().put("name", a).put("year", t.year()).put("tracks", 0));
                    JsonObject a = albums.get(t.album());
                    a.put("tracks", a.getInteger("tracks") + 1);
                }
                t.tags().forEach(tag -> tags.merge(tag, 1, Integer::sum));
            }
            JsonArray topTags = new JsonArray();
            tags.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                    .limit(8).forEach(e -> topTags.add(new JsonObject().put("name", e.getKey()).put("tracks", e.getValue())));
            return new JsonObject().put("name", list.get(0).artist()).put("trackCount", list.size()).put("tracks", items)
                    .put("albums", new JsonArray(new java.util.ArrayList<>(albums.values()))).put("topTags", topTags);
        }));
    }

    /** {@code GET /api/albums?artist=&name=}: one album's tracks. */
    private void album(RoutingContext ctx) {
        String artist = required(ctx, "artist");
        String name = required(ctx, "name");
        Responses.reply(ctx, 200, tracks.album(artist, name).map(list -> {
            if (list.isEmpty()) {
                throw ApiError.notFound("album");
            }
            JsonArray items = new JsonArray();
            int seconds = 0;
            for (Track t : list) {
                items.add(t.toJson());
                seconds += t.durationSec() == null ? 0 : t.durationSec();
            }
            Track first = list.get(0);
            return new JsonObject().put("name", first.album()).put("artist", first.artist()).put("year", first.year())
                    .put("genre", first.genre()).put("durationSec", seconds).put("tracks", items);
        }));
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
