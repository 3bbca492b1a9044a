package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.auth.Account;
import dev.tunesmith.auth.UserRepository;
import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackRepository;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.PlaylistItem;
import dev.tunesmith.jobs.EvalRunStore;
import dev.tunesmith.recommend.service.ModelRegistry;
import dev.tunesmith.recommend.service.RecommenderService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Models and their evaluation: {@code GET /api/admin/models} (stored versions, {@link ModelRegistry}),
 * {@code POST /api/admin/models/{id}/activate} (make a recommender version live on every node),
 * {@code GET /api/admin/eval} (evaluation runs, {@link EvalRunStore}), and judging a version before
 * making it live: {@code GET /api/admin/models/{id}/preview} (what a chosen user would get under that
 * version, next to what they get under the live one) and {@code GET /api/admin/models/settings}
 * (whether training activates by itself). Mounted by {@link AdminRoutes}, whose {@code /admin/*}
 * guard and audit run first; the role is checked here too.
 */
public final class ModelAdminRoutes implements RouteModule {

    private final ModelRegistry models;
    private final EvalRunStore evalRuns;
    private final RecommenderService recommender;
    private final TrackRepository tracks;
    private final UserRepository users;
    private final AuditLog audit;
    private final Function<String, Future<Void>> activate;

    /** @param activate makes a recommender version live (on every node of a cluster) */
    public ModelAdminRoutes(ModelRegistry models, EvalRunStore evalRuns, RecommenderService recommender, TrackRepository tracks,
            UserRepository users, AuditLog audit, Function<String, Future<Void>> activate) {
        this.models = models;
        this.evalRuns = evalRuns;
        this.recommender = recommender;
        this.tracks = tracks;
        this.users = users;
        this.audit = audit;
        this.activate = activate;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/models").handler(this::list);
        api.post("/admin/models/:id/activate").handler(this::activate);
        api.get("/admin/eval").handler(this::evalRuns);
        api.get("/admin/models/settings").handler(AuthHandler.require(Role.ADMIN)).handler(ctx -> Responses.json(ctx, 200,
                new JsonObject().put("autoActivate", recommender.autoActivates())
                        .put("liveVersion", recommender.ready() ? recommender.snapshot().version() : null)));
        api.get("/admin/models/:id/preview").handler(AuthHandler.require(Role.ADMIN)).handler(this::preview);
    }

    private void list(RoutingContext ctx) {
        Responses.reply(ctx, 200, models.list(200).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(m -> items.add(new JsonObject().put("id", m.id()).put("kind", m.kind()).put("version", m.version()).put("live", m.live())
                    .put("engine", m.engine()).put("metrics", m.metrics()).put("jobId", m.jobId()).put("createdAt", m.createdAt().toString())));
            return new JsonObject().put("items", items);
        }));
    }

    private void activate(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, models.find(id).compose(found -> {
            ModelRegistry.ModelRef m = found.orElseThrow(() -> ApiError.notFound("model"));
            if (!m.recommender()) {
                throw ApiError.invalid("not_activatable", "only recommender models can be switched here");
            }
            String version = m.version();
            return activate.apply(version)
                    .compose(v -> audit.record(AuthHandler.principal(ctx), "model.activate", "model:" + id, new JsonObject().put("version", version)))
                    .map(v -> new JsonObject().put("id", id).put("version", version).put("live", true));
        }));
    }

    private void evalRuns(RoutingContext ctx) {
        Responses.reply(ctx, 200, evalRuns.recent(50).map(runs -> {
            JsonArray items = new JsonArray();
            runs.forEach(r -> items.add(new JsonObject().put("id", r.id()).put("protocol", r.protocol()).put("results", r.results())
                    .put("createdAt", r.createdAt().toString())));
            return new JsonObject().put("items", items);
        }));
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
        Future<ModelRegistry.ModelRef> model = models.find(id).map(found -> {
            ModelRegistry.ModelRef m = found.orElseThrow(() -> ApiError.notFound("model"));
            if (!m.recommender()) {
                throw ApiError.invalid("not_previewable", "only recommender models can be previewed");
            }
            return m;
        });
        Long asId = user.trim().matches("\\d{1,18}") ? Long.parseLong(user.trim()) : null;
        Future<Account> who = users.accountByUsernameOrId(user.trim(), asId)
                .map(found -> found.orElseThrow(() -> ApiError.notFound("user '" + user.trim() + "'")));
        Responses.reply(ctx, 200, Future.all(model, who).compose(cf -> {
            long userId = who.result().id();
            String version = model.result().version();
            String liveVersion = recommender.snapshot().version();
            Future<JsonArray> under = recommender.preview(version, userId, k).compose(this::items);
            Future<JsonArray> live = version.equals(liveVersion) ? under : recommender.preview(liveVersion, userId, k).compose(this::items);
            return Future.all(under, live).map(x -> new JsonObject()
                    .put("user", new JsonObject().put("id", userId).put("username", who.result().username()))
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
