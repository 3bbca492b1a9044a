package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.PlaylistItem;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;

/**
 * Judging recommender versions before making one live: {@code GET /api/admin/models/{id}/preview}
 * (what a chosen user would get under that version, next to what they get under the live one) and
 * {@code GET /api/admin/models/settings} (whether training activates by itself). Mount after
 * {@link AdminRoutes}, whose {@code /admin/*} guard and audit run first; the role is checked here too.
 */
public final class ModelAdminRoutes implements RouteModule {

    private final Pool pool;
    private final RecommenderService recommender;
    private final TrackRepository tracks;

    public ModelAdminRoutes(Pool pool, RecommenderService recommender, TrackRepository tracks) {
        this.pool = pool;
        this.recommender = recommender;
        this.tracks = tracks;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/models/settings").handler(AuthHandler.require(Role.ADMIN)).handler(ctx -> Responses.json(ctx, 200,
                new JsonObject().put("autoActivate", recommender.autoActivates())
                        .put("liveVersion", recommender.ready() ? recommender.snapshot().version() : null)));
        api.get("/admin/models/:id/preview").handler(AuthHandler.require(Role.ADMIN)).handler(this::preview);
    }

    private void preview(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        int k = Responses.intParam(ctx, "k", 10, 1, 50);
        String user = ctx.request().getParam("user");
        if (user == null || user.isBlank()) {
            throw ApiError.invalid("user_required", "name the user to preview by 'user' (a username or an id)");
        }
        if (!recommender.ready()) {
            throw ApiError.unavailable("recommender_starting", "the recommender is still starting; try again in a few seconds");
        }
        Future<Row> model = pool.preparedQuery("SELECT kind, version, live FROM models WHERE id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ApiError.notFound("model");
            }
            Row r = rows.iterator().next();
            if (!"recommender".equals(r.getString("kind"))) {
                throw ApiError.invalid("not_previewable", "only recommender models can be previewed");
            }
            return r;
        });
        Long asId = user.trim().matches("\\d{1,18}") ? Long.parseLong(user.trim()) : null;
        Future<Row> who = pool.preparedQuery("SELECT id, username FROM users WHERE username = $1 OR id = $2").execute(Tuple.of(user.trim(), asId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiError.notFound("user '" + user.trim() + "'");
                    }
                    return rows.iterator().next();
                });
        Responses.reply(ctx, 200, Future.all(model, who).compose(cf -> {
            long userId = who.result().getLong("id");
            String version = model.result().getString("version");
            String liveVersion = recommender.snapshot().version();
            Future<JsonArray> under = recommender.preview(version, userId, k).compose(this::items);
            Future<JsonArray> live = version.equals(liveVersion) ? under : recommender.preview(liveVersion, userId, k).compose(this::items);
            return Future.all(under, live).map(x -> new JsonObject()
                    .put("user", new JsonObject().put("id", userId).put("username", who.result().getString("username")))
                    .put("version", version).put("items", under.result())
                    .put("liveVersion", liveVersion).put("liveItems", live.result())
                    .put("overlap", overlap(under.result(), live.result())));
        }));
    }

    private Future<JsonArray> items(Playlist playlist) {
        return tracks.findMany(playlist.trackIds()).map(found -> {
            Map<Long, Track> byId = new HashMap<>();
            found.forEach(t -> byId.put(t.id(), t));
            JsonArray out = new JsonArray();
            for (PlaylistItem item : playlist.items()) {
                Track t = byId.get(item.item().trackId());
                if (t != null) {
                    out.add(new JsonObject().put("track", t.toJson()).put("score", Math.round(item.score() * 1000) / 1000.0)
                            .put("reasons", new JsonArray(item.reasons())));
                }
            }
            return out;
        });
    }

    /** How many tracks the two lists share. */
    static int overlap(JsonArray a, JsonArray b) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        a.forEach(o -> ids.add(((JsonObject) o).getJsonObject("track").getLong("id")));
        int n = 0;
        for (Object o : b) {
            if (ids.contains(((JsonObject) o).getJsonObject("track").getLong("id"))) {
                n++;
            }
        }
        return n;
    }
}
