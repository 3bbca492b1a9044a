package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.http.Responses;
import dev.tunesmith.http.RouteModule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * {@code /api/admin/**}: admin role only (403 otherwise); every call is written to the audit log.
 */
public final class AdminRoutes implements RouteModule {

    private final Pool pool;
    private final AuditLog audit;

    public AdminRoutes(Pool pool, AuditLog audit) {
        this.pool = pool;
        this.audit = audit;
    }

    @Override
    public void mount(Router api) {
        api.route("/admin/*").handler(AuthHandler.require(Role.ADMIN)).handler(this::auditCall);
        api.get("/admin/users").handler(this::users);
    }

    private void auditCall(RoutingContext ctx) {
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
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        Tuple args = Tuple.of(pattern);
        Future<JsonArray> items = pool.preparedQuery("SELECT id, username, roles, disabled, created_at FROM users "
                        + "WHERE ($1::text IS NULL OR username LIKE $1) ORDER BY id LIMIT " + limit + " OFFSET " + offset)
                .execute(args).map(rows -> {
                    JsonArray a = new JsonArray();
                    for (Row r : rows) {
                        a.add(new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
                                .put("roles", new JsonArray(java.util.List.of(r.getArrayOfStrings("roles"))))
                                .put("disabled", r.getBoolean("disabled")).put("createdAt", r.getOffsetDateTime("created_at").toString()));
                    }
                    return a;
                });
        Future<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM users WHERE ($1::text IS NULL OR username LIKE $1)")
                .execute(args).map(rows -> rows.iterator().next().getLong("n"));
        Responses.reply(ctx, 200, Future.all(items, total).map(cf -> new JsonObject().put("items", items.result()).put("total", total.result())));
    }
}
