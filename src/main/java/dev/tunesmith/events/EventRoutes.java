package dev.tunesmith.events;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.platform.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/me/events}: the caller's own listening events. */
public final class EventRoutes {

    private final EventService events;

    public EventRoutes(EventService events) {
        this.events = events;
    }

    public void mount(Router api) {
        api.post("/me/events").handler(this::record);
    }

    private void record(RoutingContext ctx) {
        long userId = AuthHandler.principal(ctx).userId();
        EventService.NewEvent event = EventService.NewEvent.fromJson(Responses.body(ctx));
        Responses.reply(ctx, 202, events.record(userId, event).map(id -> new JsonObject().put("id", id)));
    }
}
