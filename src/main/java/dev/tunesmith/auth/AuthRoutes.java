package dev.tunesmith.auth;

import dev.tunesmith.platform.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/auth/register} and {@code POST /api/auth/login} of the contract. */
public final class AuthRoutes {

    private final AuthService auth;

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    public void mount(Router api) {
        api.post("/auth/register").handler(this::register);
        api.post("/auth/login").handler(this::login);
    }

    private void register(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        Responses.reply(ctx, 201, auth.register(text(body, "username"), text(body, "password")).map(User::toJson));
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Responses.body(ctx);
        Responses.reply(ctx, 200, auth.login(text(body, "username"), text(body, "password")).map(login -> new JsonObject()
                .put("token", login.token().token())
                .put("expiresAt", login.token().expiresAt().toString())
                .put("user", login.user().toJson())));
    }

    private static String text(JsonObject body, String key) {
        Object value = body.getValue(key);
        return value instanceof String s ? s : null;
    }
}
