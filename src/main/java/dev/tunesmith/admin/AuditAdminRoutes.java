package dev.tunesmith.admin;

import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/admin/audit?actor=&action=&limit=}: the newest audit entries, filtered by actor and action prefix. */
public final class AuditAdminRoutes implements RouteModule {

    private final AuditLog audit;

    public AuditAdminRoutes(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void mount(Router api) {
        api.get("/admin/audit").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 100, 1, 1000);
        Responses.reply(ctx, 200, audit.list(blank(ctx.request().getParam("actor")), blank(ctx.request().getParam("action")), limit)
                .map(entries -> {
                    JsonArray items = new JsonArray();
                    entries.forEach(e -> items.add(new JsonObject().put("id", e.id()).put("actorName", e.actorName()).put("action", e.action())
                            .put("target", e.target()).put("details", e.details()).put("at", e.at().toString())));
                    return new JsonObject().put("items", items);
                }));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
