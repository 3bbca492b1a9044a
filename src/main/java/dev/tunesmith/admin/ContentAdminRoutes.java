package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.create.ArtifactStore;
import dev.tunesmith.platform.db.Change;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import dev.tunesmith.playlist.PlaylistStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Content moderation over every user's lyrics, melodies ({@link ArtifactStore}) and playlists
 * ({@link PlaylistStore}): {@code GET /api/admin/content?kind=}, {@code PATCH /api/admin/content/{kind}/{id}}
 * ({@code {"hidden"}}) and {@code DELETE /api/admin/content/{kind}/{id}}; each change commits with its audit entry.
 */
public final class ContentAdminRoutes implements RouteModule {

    private static final Set<String> KINDS = Set.of("lyrics", "melody", "playlist");

    private final PlaylistStore playlists;
    private final ArtifactStore artifacts;
    private final AuditLog audit;

    public ContentAdminRoutes(PlaylistStore playlists, ArtifactStore artifacts, AuditLog audit) {
        this.playlists = playlists;
        this.artifacts = artifacts;
        this.audit = audit;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/content").handler(this::list);
        api.patch("/admin/content/:kind/:id").handler(this::moderate);
        api.delete("/admin/content/:kind/:id").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        String kind = ctx.request().getParam("kind", "lyrics");
        if (!KINDS.contains(kind)) {
            throw ApiError.invalid("invalid_kind", "kind must be lyrics, melody or playlist");
        }
        int limit = Responses.intParam(ctx, "limit", 50, 1, 200);
        Future<JsonArray> items = kind.equals("playlist")
                ? playlists.forModeration(limit).map(list -> array(list, p -> item(p.id(), p.title(), p.mood(), p.hidden(), p.owner(), p.createdAt())))
                : artifacts.forModeration(kind, limit)
                        .map(list -> array(list, a -> item(a.id(), a.title(), a.content(), a.hidden(), a.owner(), a.createdAt())));
        Responses.reply(ctx, 200, items.map(a -> new JsonObject().put("items", a)));
    }

    private void moderate(RoutingContext ctx) {
        String kind = kind(ctx);
        long id = Responses.idParam(ctx, "id");
        JsonObject body = Responses.body(ctx);
        if (!(body.getValue("hidden") instanceof Boolean hidden)) {
            throw ApiError.invalid("invalid_hidden", "'hidden' must be true or false");
        }
        Change<Optional<Long>> change = kind.equals("playlist") ? playlists.setHidden(id, hidden) : artifacts.setHidden(id, hidden);
        Responses.reply(ctx, 200, audit.commit(AuthHandler.principal(ctx), "content.moderate", kind + ":" + id, change, x -> body)
                .map(found -> {
                    found.orElseThrow(() -> ApiError.notFound(kind));
                    return new JsonObject().put("id", id).put("hidden", hidden);
                }));
    }

    private void delete(RoutingContext ctx) {
        String kind = kind(ctx);
        long id = Responses.idParam(ctx, "id");
        Change<Optional<Long>> change = kind.equals("playlist") ? playlists.delete(id) : artifacts.delete(id);
        Responses.reply(ctx, 200, audit.commit(AuthHandler.principal(ctx), "content.delete", kind + ":" + id, change, x -> new JsonObject())
                .map(found -> {
                    found.orElseThrow(() -> ApiError.notFound(kind));
                    return new JsonObject().put("id", id).put("deleted", true);
                }));
    }

    private static String kind(RoutingContext ctx) {
        String kind = ctx.pathParam("kind");
        if (!KINDS.contains(kind)) {
            throw ApiError.invalid("invalid_kind", "kind must be lyrics, melody or playlist");
        }
        return kind;
    }

    /** {@code {"id","title","content","hidden","owner","createdAt"}}; a playlist's content is its mood. */
    private static JsonObject item(long id, String title, Object content, boolean hidden, String owner, OffsetDateTime createdAt) {
        return new JsonObject().put("id", id).put("title", title).put("content", content).put("hidden", hidden).put("owner", owner)
                .put("createdAt", createdAt.toString());
    }

    private static <T> JsonArray array(List<T> items, java.util.function.Function<T, JsonObject> toJson) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(toJson.apply(i)));
        return a;
    }
}
