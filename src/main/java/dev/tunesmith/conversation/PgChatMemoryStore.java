package dev.tunesmith.conversation;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j chat memory in Postgres ({@code chat_memory}), keyed by conversation id. The interface
 * is synchronous: it is called from agent worker threads only, and waits at most five seconds.
 */
public final class PgChatMemoryStore implements ChatMemoryStore {

    private final Pool pool;

    public PgChatMemoryStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        RowSet<Row> rows = await(pool.preparedQuery("SELECT messages FROM chat_memory WHERE conversation_id = $1")
                .execute(Tuple.of(uuid(memoryId))));
        if (!rows.iterator().hasNext()) {
            return List.of();
        }
        Object value = rows.iterator().next().getValue("messages");
        String json = value instanceof JsonArray a ? a.encode() : String.valueOf(value);
        return ChatMessageDeserializer.messagesFromJson(json);
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        JsonArray json = new JsonArray(ChatMessageSerializer.messagesToJson(messages));
        await(pool.preparedQuery("INSERT INTO chat_memory (conversation_id, messages) VALUES ($1, $2) "
                        + "ON CONFLICT (conversation_id) DO UPDATE SET messages = EXCLUDED.messages, updated_at = now()")
                .execute(Tuple.of(uuid(memoryId), json)));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        await(pool.preparedQuery("DELETE FROM chat_memory WHERE conversation_id = $1").execute(Tuple.of(uuid(memoryId))));
    }

    private static UUID uuid(Object memoryId) {
        return memoryId instanceof UUID u ? u : UUID.fromString(memoryId.toString());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("chat memory store timed out", e);
        }
    }
}
