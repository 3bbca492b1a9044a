package dev.tunesmith.admin;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.auth.Role;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/admin/**}: admin role only (403 otherwise); every state-changing call is written to the
 * audit log before it runs, and state-changing actions add a descriptive entry of their own. Mounts
 * that guard first, then the route classes of each concern (users, catalogue, jobs, models, content,
 * audit, overview), which hold no SQL: they call the features' repositories and services.
 */
public final class AdminRoutes implements RouteModule {

    private final AuditLog audit;
    private final List<RouteModule> concerns;

    public AdminRoutes(AuditLog audit, List<RouteModule> concerns) {
        this.audit = audit;
        this.concerns = List.copyOf(concerns);
    }

    @Override
    public void mount(Router api) {
        api.route("/admin/*").handler(AuthHandler.require(Role.ADMIN)).handler(this::auditCall);
        concerns.forEach(c -> c.mount(api));
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
}
