package dev.tunesmith.conversation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Conversations and their messages: every user message stored before processing, answers when done. */
public final class ConversationStore {

    private final Pool pool;

    public ConversationStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a user's message in one round trip, creating the conversation when new. Empty when the
     * conversation belongs to someone else (nothing is written then).
     */
    public Future<java.util.Optional<Long>> addUserMessage(UUID conversationId, long userId, String text) {
        String title = text.length() > 60 ? text.substring(0, 57) + "…" : text;
        return pool.preparedQuery("""
                WITH c AS (
                    INSERT INTO conversations (id, user_id, title) VALUES ($1, $2, $3)
                    ON CONFLICT (id) DO UPDATE SET updated_at = now() WHERE conversations.user_id = $2
                    RETURNING id)
                INSERT INTO messages (conversation_id, role, content) SELECT id, 'user', $4 FROM c RETURNING id""")
                .execute(Tuple.of(conversationId, userId, title.trim(), text))
                .map(rows -> rows.size() == 0 ? java.util.Optional.<Long>empty() : java.util.Optional.of(rows.iterator().next().getLong("id")));
    }

    public Future<Boolean> owns(UUID id, long userId) {
        return pool.preparedQuery("SELECT 1 FROM conversations WHERE id = $1 AND user_id = $2").execute(Tuple.of(id, userId))
                .map(rows -> rows.size() > 0);
    }

    public Future<Long> addMessage(UUID conversationId, String role, String content, JsonObject payload) {
        return pool.preparedQuery("WITH m AS (INSERT INTO messages (conversation_id, role, content, payload) VALUES ($1, $2, $3, $4) "
                        + "RETURNING id) UPDATE conversations SET updated_at = now() WHERE id = $1 RETURNING (SELECT id FROM m) AS id")
                .execute(Tuple.of(conversationId, role, content, payload))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Future<JsonArray> list(long userId, int limit) {
        return pool.preparedQuery("SELECT id, title, created_at, updated_at FROM conversations WHERE user_id = $1 "
                        + "ORDER BY updated_at DESC LIMIT $2")
                .execute(Tuple.of(userId, limit)).map(rows -> {
                    JsonArray a = new JsonArray();
                    for (Row r : rows) {
                        a.add(new JsonObject().put("id", r.getUUID("id").toString()).put("title", r.getString("title"))
                                .put("createdAt", r.getOffsetDateTime("created_at").toString())
                                .put("updatedAt", r.getOffsetDateTime("updated_at").toString()));
                    }
                    return a;
                });
    }

    public Future<JsonArray> messages(UUID conversationId, long userId) {
        return pool.preparedQuery("SELECT m.id, m.role, m.content, m.payload, m.created_at FROM messages m JOIN conversations c "
                        + "ON c.id = m.conversation_id WHERE m.conversation_id = $1 AND c.user_id = $2 ORDER BY m.id")
                .execute(Tuple.of(conversationId, userId)).map(rows -> {
                    JsonArray a = new JsonArray();
                    for (Row r : rows) {
                        JsonObject m = new JsonObject().put("id", r.getLong("id")).put("role", r.getString("role"))
                                .put("content", r.getString("content")).put("createdAt", r.getOffsetDateTime("created_at").toString());
                        Object payload = r.getValue("payload");
                        if (payload != null) {
                            m.put("payload", payload);
                        }
                        a.add(m);
                    }
                    return a;
                });
    }
}
