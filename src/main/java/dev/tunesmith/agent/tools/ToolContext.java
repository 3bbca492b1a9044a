package dev.tunesmith.agent.tools;

import dev.tunesmith.agent.TurnSink;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** The session facts a turn's tools act under: whose turn, which conversation, where output goes. */
public record ToolContext(long userId, UUID conversationId, TurnSink sink, AtomicBoolean cancelled) {

    public void checkNotCancelled() {
        if (cancelled.get()) {
            throw new ToolFailure("the turn was cancelled");
        }
    }
}
