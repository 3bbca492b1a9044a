package dev.tunesmith.auth;

import dev.tunesmith.platform.bus.Addresses;
import dev.tunesmith.platform.db.DbErrors;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code GET /api/me/stream}: server-sent events that tell an open page at once what an admin changed
 * about its user, the way a disabled user's chat socket is closed. The stream starts with
 * {@code event: user} (id, username, roles); after every {@link Addresses#USER_CHANGED},
 * {@link Addresses#USER_DISABLED} or {@link Addresses#SESSIONS_REVOKED} of that user (published on any node)
 * the stream's token is checked again: still valid gives a fresh {@code event: user} with the current
 * roles, a disabled account or a revoked token gives a final {@code event: revoked}
 * ({@code {"error":{"code","message"}}}) and the stream ends. A comment line every 20 s keeps the
 * connection from the idle timeout. Bearer header as on every route (the page reads it with fetch).
 */
public final class SessionStream implements RouteModule {
    static final long KEEPALIVE_MS = 20_000;

    private final Vertx vertx;
    private final AuthHandler auth;
    private final UserStatusCache status;
    private final Map<Long, Set<Open>> byUser = new ConcurrentHashMap<>();
    private volatile List<MessageConsumer<JsonObject>> consumers = List.of();

    public SessionStream(Vertx vertx, AuthHandler auth, UserStatusCache status) {
        this.vertx = vertx;
        this.auth = auth;
        this.status = status;
    }

    /** Starts following user changes on the (possibly clustered) event bus; undone by {@link #close()}. */
    public SessionStream listen() {
        consumers = Stream.of(Addresses.USER_CHANGED, Addresses.USER_DISABLED, Addresses.SESSIONS_REVOKED)
                .map(a -> vertx.eventBus().<JsonObject>consumer(a, m -> changed(m.body().getLong("userId")))).toList();
        return this;
    }

    public Future<Void> close() {
        List<MessageConsumer<JsonObject>> mine = consumers;
        consumers = List.of();
        return Future.all(mine.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    @Override
    public void mount(Router api) {
        api.get("/me/stream").handler(this::open);
    }

    /** Open streams of a user (for tests). */
    int open(long userId) {
        return byUser.getOrDefault(userId, Set.of()).size();
    }

    private void changed(Long userId) {
        if (userId == null) {
            return;
        }
        Set<Open> streams = byUser.get(userId);
        if (streams == null || streams.isEmpty()) {
            return;
        }
        status.invalidate(userId); // another node may have made the change: read the user afresh here
        streams.forEach(Open::recheck);
    }

    private void open(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        String header = Objects.requireNonNullElse(ctx.request().getHeader("Authorization"), "");
        String token = header.length() > 7 ? header.substring(7).trim() : "";
        HttpServerResponse res = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        Open o = new Open(p.userId(), token, res, vertx.getOrCreateContext());
        byUser.computeIfAbsent(p.userId(), k -> ConcurrentHashMap.newKeySet()).add(o);
        long keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> o.write(": keep-alive\n\n"));
        Runnable gone = () -> {
            vertx.cancelTimer(keepalive);
            Set<Open> set = byUser.get(p.userId());
            if (set != null) {
                set.remove(o);
                if (set.isEmpty()) {
                    byUser.remove(p.userId(), set);
                }
            }
        };
        res.closeHandler(v -> gone.run());
        res.endHandler(v -> gone.run());
        o.user(p);
    }

    private static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data.encode() + "\n\n";
    }

    /** One open stream; written on the context that opened it. */
    private final class Open {
        final long userId;
        final String token;
        final HttpServerResponse res;
        final io.vertx.core.Context context;

        Open(long userId, String token, HttpServerResponse res, io.vertx.core.Context context) {
            this.userId = userId;
            this.token = token;
            this.res = res;
            this.context = context;
        }

        void write(String text) {
            if (!res.ended() && !res.closed()) {
                res.write(text);
            }
        }

        void user(Principal p) {
            write(event("user", new JsonObject().put("id", p.userId()).put("username", p.username()).put("roles", new JsonArray(p.roles()))));
        }

        void recheck() {
            context.runOnContext(v -> auth.authenticate(token).onComplete(ar -> {
                if (res.ended() || res.closed()) {
                    return;
                }
                if (ar.succeeded()) {
                    user(ar.result());
                    return;
                }
                if (DbErrors.isUnavailable(ar.cause())) {
                    return; // cannot tell now; the page still re-reads /api/me on focus
                }
                // disabling also bumps the token version, so the token reads as revoked: say why from the account itself
                status.get(userId).otherwiseEmpty().onComplete(found -> {
                    boolean disabled = found.succeeded() && found.result() != null && found.result().map(UserStatusCache.Status::disabled).orElse(false);
                    String code = disabled ? "account_disabled" : ar.cause() instanceof ApiError e ? e.code() : "unauthorized";
                    String message = disabled ? "this account has been disabled by an administrator" : "this session has ended";
                    if (!res.ended() && !res.closed()) {
                        res.end(event("revoked", new JsonObject().put("error", new JsonObject().put("code", code).put("message", message))));
                    }
                });
            }));
        }
    }
}
