package dev.tunesmith.agent;

import io.vertx.core.json.JsonObject;

/**
 * Where a chat turn streams what it produces, in order. Implementations are thread-safe: the agent
 * calls them from worker threads and they hop to the socket's context themselves.
 */
public interface TurnSink {

    void token(String text);

    void tool(String name, String status, String summary);

    /** A typed artifact event: {@code type} is playlist, lyrics or melody. */
    void artifact(String type, JsonObject value);

    void done(long messageId, boolean cancelled);

    void error(String code, String message);
}
