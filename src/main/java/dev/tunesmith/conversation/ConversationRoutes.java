package dev.tunesmith.conversation;

import dev.tunesmith.auth.AuthHandler;
import dev.tunesmith.create.ArtifactStore;
import dev.tunesmith.platform.http.ApiError;
import dev.tunesmith.platform.http.Responses;
import dev.tunesmith.platform.http.RouteModule;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** The caller's conversations, their messages and the caller's generated artifacts. */
public final class ConversationRoutes implements RouteModule {

    private final ConversationStore conversations;
    private final ArtifactStore artifacts;

    public ConversationRoutes(ConversationStore conversations, ArtifactStore artifacts) {
        this.conversations = conversations;
        this.artifacts = artifacts;
    }

    @Override
    public void mount(Router api) {
        api.get("/conversations").handler(this::list);
        api.get("/conversations/:id/messages").handler(this::messages);
        api.get("/me/artifacts").handler(this::artifacts);
    }

    private void list(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 50, 1, 200);
        Responses.reply(ctx, 200, conversations.list(AuthHandler.principal(ctx).userId(), limit).map(a -> new JsonObject().put("items", a)));
    }

    private void messages(RoutingContext ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("invalid_id", "conversation ids are UUIDs");
        }
        long userId = AuthHandler.principal(ctx).userId();
        Responses.reply(ctx, 200, conversations.owns(id, userId).compose(owned -> {
            if (!owned) {
                throw ApiError.notFound("conversation");
            }
            return conversations.messages(id, userId).map(a -> new JsonObject().put("items", a));
        }));
    }

    private void artifacts(RoutingContext ctx) {
        int limit = Responses.intParam(ctx, "limit", 50, 1, 200);
        Responses.reply(ctx, 200, artifacts.list(AuthHandler.principal(ctx).userId(), limit).map(a -> new JsonObject().put("items", a)));
    }
}
