package dev.tunesmith.admin;

import dev.tunesmith.auth.Account;
import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Principal;
import dev.tunesmith.auth.Role;
import dev.tunesmith.auth.UserRepository;
import dev.tunesmith.auth.UserStatusCache;
import dev.tunesmith.platform.bus.Addresses;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import dev.tunesmith.privacy.PrivacyQueries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Users: {@code GET /api/admin/users}, {@code GET|PATCH /api/admin/users/{id}} (roles, disabled),
 * {@code GET /api/admin/users/{id}/export} and {@code DELETE /api/admin/users/{id}/data}. Accounts are
 * read and changed through {@link UserRepository}, a user's data through {@link PrivacyQueries}; every
 * change commits with its audit entry.
 */
public final class UsersAdminRoutes implements RouteModule {

    private final Vertx vertx;
    private final UserRepository users;
    private final PrivacyQueries data;
    private final AuditLog audit;
    private final UserStatusCache userStatus;
    private final Function<Long, Future<JsonObject>> profileOf;

    /** @param profileOf a user's profile summary (top tags/artists, mood centre, event counts) */
    public UsersAdminRoutes(Vertx vertx, UserRepository users, PrivacyQueries data, AuditLog audit, UserStatusCache userStatus,
            Function<Long, Future<JsonObject>> profileOf) {
        this.vertx = vertx;
        this.users = users;
        this.data = data;
        this.audit = audit;
        this.userStatus = userStatus;
        this.profileOf = profileOf;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/users").handler(this::list);
        api.get("/admin/users/:id").handler(this::one);
        api.patch("/admin/users/:id").handler(this::update);
        api.get("/admin/users/:id/export").handler(this::export);
        api.delete("/admin/users/:id/data").handler(this::deleteData);
    }

    private void list(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 50, 1, 200);
        int offset = Responses.intParam(ctx, "offset", 0, 0, 10_000_000);
        String q = ctx.request().getParam("q");
        String contains = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        Responses.reply(ctx, 200, users.accounts(contains, limit, offset).map(page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(a -> items.add(toJson(a)));
            return new JsonObject().put("items", items).put("total", page.total());
        }));
    }

    /** One user with their profile summary (top tags/artists, mood centre, event counts). */
    private void one(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, users.account(id).compose(found -> {
            Account account = found.orElseThrow(() -> ApiError.notFound("user"));
            return profileOf.apply(id).map(profile -> toJson(account).put("profile", profile));
        }));
    }

    private void update(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Principal admin = AuthHandler.principal(ctx);
        JsonObject body = Responses.body(ctx);
        List<String> roles = null;
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
            roles = List.copyOf(set);
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
        Responses.reply(ctx, 200, audit.commit(admin, "user.update", "user:" + id, users.changeAccess(id, roles, disabled), a -> body)
                .map(changed -> {
                    Account a = changed.orElseThrow(() -> ApiError.notFound("user"));
                    return new JsonObject().put("id", a.id()).put("username", a.username()).put("roles", new JsonArray(a.roles()))
                            .put("disabled", a.disabled());
                })
                .onComplete(ar -> {
                    userStatus.invalidate(id); // committed or not, the next request reads the user afresh
                    vertx.eventBus().publish(Addresses.USER_CHANGED, new JsonObject().put("userId", id)); // every node's cache
                    if (ar.succeeded() && Boolean.TRUE.equals(disable)) {
                        vertx.eventBus().publish(Addresses.USER_DISABLED, new JsonObject().put("userId", id));
                    }
                }));
    }

    private void export(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        data.adminExport(id).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            if (ar.result().isEmpty()) {
                ctx.fail(ApiError.notFound("user"));
                return;
            }
            PrivacyQueries.AdminExport x = ar.result().get();
            JsonObject export = new JsonObject().put("exportedAt", Instant.now().toString()).put("user", x.user())
                    .put("events", x.events()).put("conversations", x.conversations()).put("playlists", x.playlists())
                    .put("artifacts", x.artifacts()).put("friends", x.friends());
            audit.record(AuthHandler.principal(ctx), "user.export", "user:" + id, new JsonObject()).onComplete(a -> {
                ctx.response().putHeader("Content-Disposition", "attachment; filename=\"tunesmith-user-" + id + ".json\"");
                Responses.json(ctx, 200, export);
            });
        });
    }

    private void deleteData(RoutingContext ctx) {
        long id = Responses.idParam(ctx, "id");
        Responses.reply(ctx, 200, audit.commit(AuthHandler.principal(ctx), "user.delete_data", "user:" + id, data.deleteData(id),
                        UsersAdminRoutes::toJson)
                .map(deleted -> new JsonObject().put("deleted", toJson(deleted.orElseThrow(() -> ApiError.notFound("user"))))));
    }

    /** The admin's view of an account: {@code {"id","username","roles","disabled","source","createdAt"}}. */
    private static JsonObject toJson(Account a) {
        return new JsonObject().put("id", a.id()).put("username", a.username()).put("roles", new JsonArray(a.roles()))
                .put("disabled", a.disabled()).put("source", a.source()).put("createdAt", a.createdAt().toString());
    }

    private static JsonObject toJson(PrivacyQueries.DataDeleted d) {
        return new JsonObject().put("events", d.events()).put("conversations", d.conversations()).put("playlists", d.playlists())
                .put("artifacts", d.artifacts());
    }
}
