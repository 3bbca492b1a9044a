package dev.tunesmith.admin;

import dev.tunesmith.jobs.JobService;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.auth.Role;
import dev.tunesmith.auth.UserStatusCache;
import dev.tunesmith.catalog.CatalogImportService;
import dev.tunesmith.platform.bus.Addresses;
import dev.tunesmith.platform.db.Like;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/admin/**}: admin role only (403 otherwise); every call is written to the audit log
 * before it runs, and state-changing actions add a descriptive entry of their own.
 */
public final class AdminRoutes implements RouteModule {

    private static final Set<String> CONTENT_KINDS = Set.of("lyrics", "melody", "playlist");

    /** The jobs an admin can start, by kind. */
    public record JobKinds(Map<String, Function<JobService.Job, Future<JsonObject>>> kinds) {}

    private final Vertx vertx;
    private final Pool pool;
    private final AuditLog audit;
    private final UserStatusCache userStatus;
    private final JobService jobs;
    private final CatalogImportService imports;
    private final JobKinds jobKinds;
    private final Supplier<JsonObject> overview;
    private final Function<String, Future<Void>> activateModel;
    private final Function<Long, Future<JsonObject>> profileOf;

    public AdminRoutes(Vertx vertx, Pool pool, AuditLog audit, UserStatusCache userStatus, JobService jobs, CatalogImportService imports,
            JobKinds jobKinds, Supplier<JsonObject> liveOverview, Function<String, Future<Void>> activateModel,
            Function<Long, Future<JsonObject>> profileOf) {
        this.vertx = vertx;
        this.pool = pool;
        this.audit = audit;
        this.userStatus = userStatus;
        this.jobs = jobs;
        this.imports = imports;
        this.jobKinds = jobKinds;
        this.overview = liveOverview;
        this.activateModel = activateModel;
        this.profileOf = profileOf;
        jobs.register("import", this::runImport);
    }

    @Override
    public void mount(Router api) {
        api.route("/admin/*").handler(AuthHandler.require(Role.ADMIN)).handler(this::auditCall);
        api.get("/admin/overview").handler(ctx -> Responses.reply(ctx, 200, overview()));
        api.get("/admin/users").handler(this::users);
        api.get("/admin/users/:id").handler(this::user);
        api.patch("/admin/users/:id").handler(this::updateUser);
        api.get("/admin/users/:id/export").handler(this::exportUser);
        api.delete("/admin/users/:id/data").handler(this::deleteUserData);
        api.post("/admin/import").handler(this::startImport);
        api.patch("/admin/tracks/:id").handler(this::updateTrack);
        api.get("/admin/jobs").handler(ctx -> Responses.reply(ctx, 200, jobs.list(Responses.intParam(ctx, "limit", 50, 1, 500))
                .map(a -> new JsonObject().put("items", a))));
        api.post("/admin/jobs").handler(this::startJob);
        api.get("/admin/jobs/:id").handler(ctx -> Responses.reply(ctx, 200, jobs.get(Responses.idParam(ctx, "id"))
                .map(j -> {
                    if (j == null) {
                        throw ApiError.notFound("job");
                    }
                    return j;
                })));
        api.get("/admin/models").handler(this::models);
        api.post("/admin/models/:id/activate").handler(this::activate);
        api.get("/admin/eval").handler(this::evalRuns);
        api.get("/admin/content").handler(this::content);
        api.patch("/admin/content/:kind/:id").handler(this::moderate);
        api.delete("/admin/content/:kind/:id").handler(this::deleteContent);
        api.get("/admin/audit").handler(this::auditLog);
    }

    /**
     * Server-sent events with the overview every two seconds; EventSource cannot send headers, so the
     * token is a query parameter. The token and the caller's admin role are checked again before every
     * update: a logged-out, demoted, disabled or expired caller gets a final {@code event: revoked} and
     * the stream ends.
     */
    public RouteModule stream(AuthHandler auth) {
        return api -> api.get("/admin/stream").handler(ctx -> {
            String token = ctx.request().getParam("token");
            auth.authenticate(token).onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(ar.cause());
                    return;
                }
                if (!ar.result().has(Role.ADMIN)) {
                    ctx.fail(ApiError.forbidden("this needs the 'admin' role"));
                    return;
                }
                var res = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                        .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
                long[] timer = {0};
                Runnable stop = () -> vertx.cancelTimer(timer[0]);
                timer[0] = vertx.setPeriodic(0, 2000, id -> auth.authenticate(token).onComplete(check -> {
                    if (res.ended() || res.closed()) {
                        stop.run();
                        return;
                    }
                    boolean admin = check.succeeded() && check.result().has(Role.ADMIN);
                    if (!admin) {
                        if (check.failed() && dev.tunesmith.platform.db.DbErrors.isUnavailable(check.cause())) {
                            return; // cannot tell right now: skip this update, check again on the next tick
                        }
                        stop.run();
                        String code = check.failed() && check.cause() instanceof ApiError e ? e.code() : "forbidden";
                        res.end("event: revoked\ndata: " + new JsonObject().put("error", new JsonObject().put("code", code)
                                .put("message", "this stream is no longer authorised")).encode() + "\n\n");
                        return;
                    }
                    if (res.writeQueueFull()) {
                        return; // a slow reader skips updates instead of buffering them
                    }
                    overview().onSuccess(o -> {
                        if (!res.ended() && !res.closed()) {
                            res.write("data: " + o.encode() + "\n\n");
                        }
                    });
                }));
                res.closeHandler(v -> stop.run());
                ctx.request().connection().closeHandler(v -> stop.run());
            });
        });
    }

    private Future<JsonObject> overview() {
        JsonObject live = overview.get();
        return pool.query("SELECT (SELECT count(*) FROM users WHERE source = 'local') AS users, "
                        + "(SELECT count(*) FROM tracks WHERE NOT hidden) AS tracks, (SELECT count(*) FROM events) AS events")
                .execute().map(rows -> {
                    Row r = rows.iterator().next();
                    return live.put("users", r.getLong("users")).put("tracks", r.getLong("tracks")).put("events", r.getLong("events"));
                });
    }

    private void auditCall(RoutingContext ctx) {
        if (ctx.request().method().name().equals("GET")) {
            ctx.next(); // reads are logged by the access log; the audit log keeps actions
            return;
        }
        String target = ctx.request().method() + " " + ctx.request().path();
        audit.record(AuthHandler.principal(ctx), "admin.call", target, new JsonObject().put("query", ctx.request().query()))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        ctx.next();
                    } else {
                        ctx.fail(ar.cause()); // no unaudited admin action
                    }
                });
    }

    private void users(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 50, 1, 200);
        int offset = Responses.intParam(ctx, "offset", 0, 0, 10_000_000);
        String q = ctx.request().getParam("q");
        String pattern = q == null || q.isBlank() ? null : Like.contains(q.trim().toLowerCase(java.util.Locale.ROOT));
        Tuple args = Tuple.of(pattern);
        Future<JsonArray> items = pool.preparedQuery("SELECT id, username, roles, disabled, source, created_at FROM users "
                        + "WHERE ($1::text IS NULL OR username LIKE $1 ESCAPE '\\') ORDER BY id LIMIT " + limit + " OFFSET " + offset)
                .execute(args).map(rows -> {
                    JsonArray a = new JsonArray();
                    for (Row r : rows) {
                        a.add(new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
                                .put("roles", new JsonArray(List.of(r.getArrayOfStrings("roles"))))
                                .put("disabled", r.getBoolean("disabled")).put("source", r.getString("source"))
                                .put("createdAt", r.getOffsetDateTime("created_at").toString()));
                    }
                    return a;
                });
        Future<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM users WHERE ($1::text IS NULL OR username LIKE $1 ESCAPE '\\')")
                .execute(args).map(rows -> rows.iterator().next().getLong("n"));
        Responses.reply(ctx, 200, Future.all(items, total).map(cf -> new JsonObject().put("items", items.result()).put("total", total.result())));
    }

    /** One user with their profile summary (top tags/artists, mood centre, event counts). */
    private void user(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, rows("SELECT id, username, roles, disabled, source, created_at AS \"createdAt\" FROM users WHERE id = $1",
                Tuple.of(id)).compose(found -> {
                    if (found.isEmpty()) {
                        throw ApiError.notFound("user");
                    }
                    return profileOf.apply(id).map(profile -> found.getJsonObject(0).put("profile", profile));
                }));
    }

    private void updateUser(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Principal admin = AuthHandler.principal(ctx);
        JsonObject body = Responses.body(ctx);
        String[] roles = null;
        if (body.containsKey("roles")) {
            if (!(body.getValue("roles") instanceof JsonArray array)) {
                throw ApiError.invalid("invalid_roles", "'roles' must be an array of listener, creator, admin");
            }
            Set<String> set = new LinkedHashSet<>(List.of(Role.LISTENER.id()));
            for (Object o : array) {
                if (!(o instanceof String s) || Role.parse(s).isEmpty()) {
                    throw ApiError.invalid("invalid_roles", "unknown role '" + o + "'; roles are listener, creator, admin");
                }
                set.add(s);
            }
            if (id == admin.userId() && !set.contains(Role.ADMIN.id())) {
                throw ApiError.invalid("invalid_roles", "you cannot remove your own admin role");
            }
            roles = set.toArray(String[]::new);
        }
        Boolean disabled = null;
        if (body.containsKey("disabled")) {
            if (!(body.getValue("disabled") instanceof Boolean b)) {
                throw ApiError.invalid("invalid_disabled", "'disabled' must be true or false");
            }
            if (b && id == admin.userId()) {
                throw ApiError.invalid("invalid_disabled", "you cannot disable yourself");
            }
            disabled = b;
        }
        if (roles == null && disabled == null) {
            throw ApiError.badRequest("send 'roles' and/or 'disabled'");
        }
        Boolean disable = disabled;
        String[] newRoles = roles;
        Responses.reply(ctx, 200, pool.withTransaction(c -> c.preparedQuery("UPDATE users SET roles = coalesce($2, roles), "
                        + "disabled = coalesce($3, disabled), token_version = token_version + CASE WHEN $3 THEN 1 ELSE 0 END WHERE id = $1 RETURNING id, username, roles, disabled")
                .execute(Tuple.of(id, newRoles, disable)).compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiError.notFound("user");
                    }
                    Row r = rows.iterator().next();
                    JsonObject user = new JsonObject().put("id", id).put("username", r.getString("username"))
                            .put("roles", new JsonArray(List.of(r.getArrayOfStrings("roles")))).put("disabled", r.getBoolean("disabled"));
                    return audit.record(c, admin, "user.update", "user:" + id, body).map(v -> user);
                })).onComplete(ar -> {
                    userStatus.invalidate(id); // committed or not, the next request reads the user afresh
                    vertx.eventBus().publish(Addresses.USER_CHANGED, new JsonObject().put("userId", id)); // every node's cache
                    if (ar.succeeded() && Boolean.TRUE.equals(disable)) {
                        vertx.eventBus().publish(Addresses.USER_DISABLED, new JsonObject().put("userId", id));
                    }
                }));
    }

    private void exportUser(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Tuple t = Tuple.of(id);
        Future<JsonArray> user = rows("SELECT id, username, roles, disabled, source, created_at FROM users WHERE id = $1", t);
        Future<JsonArray> events = rows("SELECT id, track_id, type, played_sec, text, created_at FROM events WHERE user_id = $1 ORDER BY id", t);
        Future<JsonArray> conversations = rows("SELECT c.id, c.title, c.created_at, coalesce(json_agg(json_build_object('role', m.role, "
                + "'content', m.content, 'payload', m.payload, 'createdAt', m.created_at) ORDER BY m.id) FILTER (WHERE m.id IS NOT NULL), '[]') "
                + "AS messages FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id WHERE c.user_id = $1 GROUP BY c.id ORDER BY c.created_at", t);
        Future<JsonArray> playlists = rows("SELECT p.id, p.title, p.mood, p.constraints, p.created_at, coalesce(json_agg(json_build_object("
                + "'position', i.position, 'trackId', i.track_id, 'reasons', i.reasons) ORDER BY i.position) FILTER (WHERE i.track_id IS NOT NULL), '[]') "
                + "AS items FROM playlists p LEFT JOIN playlist_items i ON i.playlist_id = p.id WHERE p.user_id = $1 GROUP BY p.id ORDER BY p.id", t);
        Future<JsonArray> artifacts = rows("SELECT id, kind, title, content, hidden, created_at FROM artifacts WHERE user_id = $1 ORDER BY id", t);
        Future<JsonArray> friends = rows("SELECT friend_id FROM friendships WHERE user_id = $1", t);
        Future.all(List.of(user, events, conversations, playlists, artifacts, friends)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            if (user.result().isEmpty()) {
                ctx.fail(ApiError.notFound("user"));
                return;
            }
            JsonObject export = new JsonObject().put("exportedAt", java.time.Instant.now().toString()).put("user", user.result().getJsonObject(0))
                    .put("events", events.result()).put("conversations", conversations.result()).put("playlists", playlists.result())
                    .put("artifacts", artifacts.result()).put("friends", friends.result());
            audit.record(AuthHandler.principal(ctx), "user.export", "user:" + id, new JsonObject()).onComplete(a -> {
                ctx.response().putHeader("Content-Disposition", "attachment; filename=\"tunesmith-user-" + id + ".json\"");
                Responses.json(ctx, 200, export);
            });
        });
    }

    private void deleteUserData(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Principal admin = AuthHandler.principal(ctx);
        Responses.reply(ctx, 200, pool.withTransaction(c -> {
            Tuple t = Tuple.of(id);
            return c.preparedQuery("SELECT 1 FROM users WHERE id = $1").execute(t).compose(rows -> {
                if (rows.size() == 0) {
                    throw ApiError.notFound("user");
                }
                return c.preparedQuery("WITH e AS (DELETE FROM events WHERE user_id = $1 RETURNING 1), "
                        + "cv AS (DELETE FROM conversations WHERE user_id = $1 RETURNING 1), "
                        + "p AS (DELETE FROM playlists WHERE user_id = $1 RETURNING 1), "
                        + "a AS (DELETE FROM artifacts WHERE user_id = $1 RETURNING 1) "
                        + "SELECT (SELECT count(*) FROM e) AS events, (SELECT count(*) FROM cv) AS conversations, "
                        + "(SELECT count(*) FROM p) AS playlists, (SELECT count(*) FROM a) AS artifacts").execute(t);
            }).compose(rows -> {
                Row r = rows.iterator().next();
                JsonObject deleted = new JsonObject().put("events", r.getLong("events")).put("conversations", r.getLong("conversations"))
                        .put("playlists", r.getLong("playlists")).put("artifacts", r.getLong("artifacts"));
                return audit.record(c, admin, "user.delete_data", "user:" + id, deleted).map(v -> new JsonObject().put("deleted", deleted));
            });
        }));
    }

    private void startImport(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        CatalogImportService.Kind kind = CatalogImportService.Kind.parse(String.valueOf(body.getValue("kind", "")));
        Object rawPath = body.getValue("path");
        if (!(rawPath instanceof String path) || path.isBlank()) {
            throw ApiError.invalid("invalid_path", "'path' must name a file or folder on the server");
        }
        Principal admin = AuthHandler.principal(ctx);
        Responses.reply(ctx, 202, jobs.start("import", body.copy().put("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).put("path", path),
                admin.userId(), this::runImport).map(id -> new JsonObject().put("jobId", id)));
    }

    /** An import job's work, from its parameters only (any node of a cluster may run it). */
    private Future<JsonObject> runImport(JobService.Job job) {
        JsonObject p = job.params();
        return imports.run(CatalogImportService.Kind.parse(p.getString("kind")), Path.of(p.getString("path")), job::progress).compose(report -> {
            job.log(report.toString());
            vertx.eventBus().publish(Addresses.CATALOG_CHANGED, new JsonObject().put("jobId", job.id()));
            return ImportUploadRoutes.honest(report); // every row rejected: the job failed
        }).onComplete(done -> {
            if (p.getBoolean("deleteAfter", false)) { // an uploaded file: its temporary copy goes once imported
                vertx.fileSystem().delete(p.getString("path"));
            }
        });
    }

    private void updateTrack(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        JsonObject body = Responses.body(ctx);
        Boolean hidden = body.getValue("hidden") instanceof Boolean b ? b : null;
        String title = body.getValue("title") instanceof String s && !s.isBlank() ? s.trim() : null;
        String[] tags = null;
        if (body.getValue("tags") instanceof JsonArray a) {
            List<String> list = new ArrayList<>();
            a.forEach(o -> list.add(String.valueOf(o).trim().toLowerCase()));
            tags = list.stream().filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
        }
        if (hidden == null && title == null && tags == null) {
            throw ApiError.badRequest("send 'hidden', 'title' and/or 'tags'");
        }
        if (title != null && title.length() > 300) {
            throw ApiError.badRequest("'title' is limited to 300 characters");
        }
        Principal admin = AuthHandler.principal(ctx);
        Tuple args = Tuple.of(id, hidden, title, tags);
        Responses.reply(ctx, 200, pool.withTransaction(c -> c.preparedQuery("UPDATE tracks SET hidden = coalesce($2, hidden), "
                        + "title = coalesce($3, title), tags = coalesce($4, tags), updated_at = now() WHERE id = $1 RETURNING id, title, hidden, tags")
                .execute(args).compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiError.notFound("track");
                    }
                    Row r = rows.iterator().next();
                    return audit.record(c, admin, "track.update", "track:" + id, body)
                            .map(v -> new JsonObject().put("id", id).put("title", r.getString("title")).put("hidden", r.getBoolean("hidden"))
                                    .put("tags", new JsonArray(List.of(r.getArrayOfStrings("tags")))));
                })).onSuccess(v -> vertx.eventBus().publish(Addresses.CATALOG_CHANGED, new JsonObject().put("trackId", id))));
    }

    private void startJob(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        String kind = String.valueOf(body.getValue("kind", ""));
        var work = jobKinds.kinds().get(kind);
        if (work == null) {
            throw ApiError.invalid("invalid_kind", "job kind must be one of " + String.join(", ", jobKinds.kinds().keySet().stream().sorted().toList()));
        }
        Responses.reply(ctx, 202, jobs.start(kind, body, AuthHandler.principal(ctx).userId(), work).map(id -> new JsonObject().put("jobId", id)));
    }

    private void models(RoutingContext ctx) {
        Responses.reply(ctx, 200, rows("SELECT id, kind, version, live, CASE WHEN kind = 'recommender' THEN coalesce(metrics->>'engine', 'ejml') END AS engine, "
                + "metrics, job_id AS \"jobId\", created_at AS \"createdAt\" FROM models ORDER BY id DESC LIMIT 200", Tuple.tuple()).map(a -> new JsonObject().put("items", a)));
    }

    private void activate(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, pool.preparedQuery("SELECT kind, version FROM models WHERE id = $1").execute(Tuple.of(id)).compose(rows -> {
            if (rows.size() == 0) {
                throw ApiError.notFound("model");
            }
            Row r = rows.iterator().next();
            if (!"recommender".equals(r.getString("kind"))) {
                throw ApiError.invalid("not_activatable", "only recommender models can be switched here");
            }
            String version = r.getString("version");
            return activateModel.apply(version)
                    .compose(v -> audit.record(AuthHandler.principal(ctx), "model.activate", "model:" + id, new JsonObject().put("version", version)))
                    .map(v -> new JsonObject().put("id", id).put("version", version).put("live", true));
        }));
    }

    private void evalRuns(RoutingContext ctx) {
        Responses.reply(ctx, 200, rows("SELECT id, protocol, results, created_at AS \"createdAt\" FROM eval_runs ORDER BY id DESC LIMIT 50",
                Tuple.tuple()).map(a -> new JsonObject().put("items", a)));
    }

    private void content(RoutingContext ctx) {
        String kind = ctx.request().getParam("kind", "lyrics");
        if (!CONTENT_KINDS.contains(kind)) {
            throw ApiError.invalid("invalid_kind", "kind must be lyrics, melody or playlist");
        }
        int limit = Responses.intParam(ctx, "limit", 50, 1, 200);
        String sql = kind.equals("playlist")
                ? "SELECT p.id, p.title, p.mood AS content, p.hidden, u.username AS owner, p.created_at AS \"createdAt\" FROM playlists p "
                        + "JOIN users u ON u.id = p.user_id ORDER BY p.id DESC LIMIT " + limit
                : "SELECT a.id, a.title, a.content, a.hidden, u.username AS owner, a.created_at AS \"createdAt\" FROM artifacts a "
                        + "JOIN users u ON u.id = a.user_id WHERE a.kind = $1 ORDER BY a.id DESC LIMIT " + limit;
        Responses.reply(ctx, 200, rows(sql, kind.equals("playlist") ? Tuple.tuple() : Tuple.of(kind)).map(a -> new JsonObject().put("items", a)));
    }

    private void moderate(RoutingContext ctx) {
        String kind = contentKind(ctx);
        long id = Responses.idParam(ctx, "id");
        JsonObject body = Responses.body(ctx);
        if (!(body.getValue("hidden") instanceof Boolean hidden)) {
            throw ApiError.invalid("invalid_hidden", "'hidden' must be true or false");
        }
        String table = kind.equals("playlist") ? "playlists" : "artifacts";
        Principal admin = AuthHandler.principal(ctx);
        Responses.reply(ctx, 200, pool.withTransaction(c -> c.preparedQuery("UPDATE " + table + " SET hidden = $2 WHERE id = $1 RETURNING id")
                .execute(Tuple.of(id, hidden)).compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiError.notFound(kind);
                    }
                    return audit.record(c, admin, "content.moderate", kind + ":" + id, body);
                })).map(v -> new JsonObject().put("id", id).put("hidden", hidden)));
    }

    private void deleteContent(RoutingContext ctx) {
        String kind = contentKind(ctx);
        long id = Responses.idParam(ctx, "id");
        String table = kind.equals("playlist") ? "playlists" : "artifacts";
        Principal admin = AuthHandler.principal(ctx);
        Responses.reply(ctx, 200, pool.withTransaction(c -> c.preparedQuery("DELETE FROM " + table + " WHERE id = $1 RETURNING id")
                .execute(Tuple.of(id)).compose(rows -> {
                    if (rows.size() == 0) {
                        throw ApiError.notFound(kind);
                    }
                    return audit.record(c, admin, "content.delete", kind + ":" + id, new JsonObject());
                })).map(v -> new JsonObject().put("id", id).put("deleted", true)));
    }

    private void auditLog(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 100, 1, 1000);
        String actor = ctx.request().getParam("actor");
        String action = ctx.request().getParam("action");
        Responses.reply(ctx, 200, rows("SELECT id, actor_name AS \"actorName\", action, target, details, at FROM audit_log "
                        + "WHERE ($1::text IS NULL OR actor_name = $1) AND ($2::text IS NULL OR action LIKE $2 ESCAPE '\\') ORDER BY id DESC LIMIT " + limit,
                Tuple.of(blank(actor), blank(action) == null ? null : Like.prefix(blank(action)))).map(a -> new JsonObject().put("items", a)));
    }

    private static String contentKind(RoutingContext ctx) {
        String kind = ctx.pathParam("kind");
        if (!CONTENT_KINDS.contains(kind)) {
            throw ApiError.invalid("invalid_kind", "kind must be lyrics, melody or playlist");
        }
        return kind;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Rows as JSON objects (column labels as keys; timestamps as ISO strings). */
    private Future<JsonArray> rows(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            JsonArray a = new JsonArray();
            List<String> columns = rows.columnsNames();
            for (Row r : rows) {
                JsonObject o = new JsonObject();
                for (int i = 0; i < columns.size(); i++) {
                    Object v = r.getValue(i);
                    if (v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID) {
                        v = v.toString();
                    } else if (v instanceof String[] arr) {
                        v = new JsonArray(List.of(arr));
                    } else if (v instanceof Object[] arr) {
                        v = new JsonArray(List.of(arr));
                    }
                    o.put(columns.get(i), v);
                }
                a.add(o);
            }
            return a;
        });
    }
}
