package dev.tunesmith.auth;

import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires a valid bearer token and a user that still exists, is enabled and has not had its
 * tokens revoked. Puts the {@link Principal} (with the user's current roles) into the context.
 */
public final class AuthHandler implements Handler<RoutingContext> {

    private static final String KEY = "tunesmith.principal";

    private final TokenService tokens;
    private final UserStatusCache status;

    public AuthHandler(TokenService tokens, UserStatusCache status) {
        this.tokens = tokens;
        this.status = status;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.fail(ApiError.unauthorized("a bearer token is required"));
            return;
        }
        authenticate(header.substring(7).trim()).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.put(KEY, ar.result());
                ctx.next();
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    /** Verifies a raw token (also used by the WebSocket auth frame and SSE). */
    public Future<Principal> authenticate(String token) {
        return tokens.verify(token)
                .recover(e -> Future.failedFuture(ApiError.unauthorized("invalid or expired token")))
                .compose(claims -> status.get(claims.userId()).compose(found -> {
                    if (found.isEmpty() || found.get().tokenVersion() != claims.tokenVersion()) {
                        return Future.failedFuture(ApiError.unauthorized("this token has been revoked"));
                    }
                    if (found.get().disabled()) {
                        return Future.failedFuture(new ApiError(403, "account_disabled", "this account is disabled"));
                    }
                    return Future.succeededFuture(new Principal(claims.userId(), found.get().username(), found.get().roles()));
                }));
    }

    /** Revokes every token issued so far to {@code userId} (bumps the token version; effective at once here). */
    public Future<Void> revoke(long userId) {
        return status.revoke(userId);
    }

    /** A handler that lets the request through only when the caller has {@code role} (admins pass every role check). */
    public static Handler<RoutingContext> require(Role role) {
        return ctx -> {
            Principal p = principal(ctx);
            if (!p.has(role) && !p.has(Role.ADMIN)) {
                ctx.fail(ApiError.forbidden("this needs the '" + role.id() + "' role; an administrator can grant it"));
                return;
            }
            ctx.next();
        };
    }

    /** The caller of an authenticated route. */
    public static Principal principal(RoutingContext ctx) {
        Principal p = ctx.get(KEY);
        if (p == null) {
            throw ApiError.unauthorized("a bearer token is required");
        }
        return p;
    }
}
