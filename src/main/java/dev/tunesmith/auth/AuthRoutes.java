package dev.tunesmith.auth;

import dev.tunesmith.platform.bus.Addresses;
import dev.tunesmith.platform.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/auth/register} and {@code POST /api/auth/login} of the contract, and
 * {@code POST /api/auth/logout}: revokes every token of the caller (their token version is bumped, which
 * {@link AuthHandler} checks on each request, WebSocket frame and admin stream tick) and closes their chat sockets.
 */
public final class AuthRoutes {

    private final AuthService auth;
    private final AuthHandler handler;

    public AuthRoutes(AuthService auth) {
        this(auth, null);
    }

    public AuthRoutes(AuthService auth, AuthHandler handler) {
        this.auth = auth;
        this.handler = handler;
    }

    public void mount(Router api) {
        api.post("/auth/register").handler(this::register);
        api.post("/auth/login").handler(this::login);
        if (handler != null) {
            api.post("/auth/logout").handler(handler).handler(this::logout);
        }
    }

    private void logout(RoutingContext ctx) {
        Principal p = AuthHandler.principal(ctx);
        Responses.reply(ctx, 200, handler.revoke(p.userId()).map(v -> {
            ctx.vertx().eventBus().publish(Addresses.SESSIONS_REVOKED, new JsonObject().put("userId", p.userId()));
            return new JsonObject().put("loggedOut", true);
        }));
    }

    private void register(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        Responses.reply(ctx, 201, auth.register(text(body, "username"), text(body, "password")).map(User::toJson));
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        Responses.reply(ctx, 200, auth.login(text(body, "username"), text(body, "password"),
                ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress()).map(login -> new JsonObject()
                .put("token", login.token().token())
                .put("expiresAt", login.token().expiresAt().toString())
                .put("user", login.user().toJson())));
    }

    private static String text(JsonObject body, String key) {
        Object value = body.getValue(key);
        return value instanceof String s ? s : null;
    }
}
