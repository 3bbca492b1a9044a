package dev.tunesmith.agent.tools;

import dev.tunesmith.agent.TurnSink;

import dev.tunesmith.create.Creator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The session facts a turn's tools act under: whose turn and their roles (from the verified session,
 * never from the model), which conversation, where output goes.
 */
public record ToolContext(long userId, List<String> roles, UUID conversationId, TurnSink sink, AtomicBoolean cancelled) {

    public ToolContext {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The caller as the creation services see them. */
    public Creator creator() {
        return new Creator(userId, roles);
    }

    public void checkNotCancelled() {
        if (cancelled.get()) {
            throw new ToolFailure(ToolFailure.Code.CANCELLED, "the turn was cancelled");
        }
    }
}
