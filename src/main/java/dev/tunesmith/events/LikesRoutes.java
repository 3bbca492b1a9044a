package dev.tunesmith.events;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;

import java.util.Map;

/** {@code GET /api/me/likes}: what the caller likes and has as favourites now, so hearts stay filled after a reload. */
public final class LikesRoutes implements RouteModule {

    private final EventService events;
    private final TrackRepository tracks;

    public LikesRoutes(EventService events, TrackRepository tracks) {
        this.events = events;
        this.tracks = tracks;
    }

    @Override
    public void mount(Router api) {
        api.get("/me/likes").handler(this::likes);
    }

    private void likes(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 500, 1, 2000);
        long userId = AuthHandler.principal(ctx).userId();
        Responses.reply(ctx, 200, events.likes(userId, limit).compose(liked -> tracks.findMany(liked.stream().map(EventService.Liked::trackId).toList())
                .map(found -> {
                    Map<Long, Track> byId = new HashMap<>();
                    found.forEach(t -> byId.put(t.id(), t));
                    JsonArray items = new JsonArray();
                    JsonArray likedIds = new JsonArray();
                    JsonArray favoriteIds = new JsonArray();
                    for (EventService.Liked l : liked) {
                        if (l.liked()) {
                            likedIds.add(l.trackId());
                        }
                        if (l.favorite()) {
                            favoriteIds.add(l.trackId());
                        }
                        Track t = byId.get(l.trackId());
                        if (t != null) {
                            items.add(new JsonObject().put("track", t.toJson()).put("liked", l.liked()).put("favorite", l.favorite())
                                    .put("at", l.at() == null ? null : l.at().toInstant().toString()));
                        }
                    }
                    return new JsonObject().put("items", items).put("likedIds", likedIds).put("favoriteIds", favoriteIds);
                })));
    }

}
