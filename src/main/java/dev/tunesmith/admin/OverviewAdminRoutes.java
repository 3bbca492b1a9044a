package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.platform.db.DbErrors;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/**
 * The dashboard's overview: {@code GET /api/admin/overview} (live numbers from the running node plus
 * the database counts of {@link AdminQueries}) and its server-sent stream {@code GET /api/admin/stream}.
 */
public final class OverviewAdminRoutes implements RouteModule {

    private final Vertx vertx;
    private final AdminQueries queries;
    private final Supplier<JsonObject> live;

    /** @param live the node's (or cluster's) live numbers: sockets, rates, agent, generator, recommender, pool */
    public OverviewAdminRoutes(Vertx vertx, AdminQueries queries, Supplier<JsonObject> live) {
        this.vertx = vertx;
        this.queries = queries;
        this.live = live;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/overview").handler(ctx -> Responses.reply(ctx, 200, overview()));
    }

    /**
     * Server-sent events with the overview every two seconds; EventSource cannot send headers, so the
     * token is a query parameter. The token and the caller's admin role are checked again before every
     * update: a logged-out, demoted, disabled or expired caller gets a final {@code event: revoked} and
     * the stream ends. Mounted on the public router (it authenticates itself).
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
                        if (check.failed() && DbErrors.isUnavailable(check.cause())) {
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
        JsonObject now = live.get();
        return queries.counts().map(c -> now.put("users", c.users()).put("tracks", c.tracks()).put("events", c.events()));
    }
}
