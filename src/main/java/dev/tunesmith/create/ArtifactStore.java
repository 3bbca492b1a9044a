package dev.tunesmith.create;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** Generated lyrics and melodies, per user ({@code artifacts}). */
public final class ArtifactStore {

    private final Pool pool;

    public ArtifactStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Long> save(long userId, UUID conversationId, String kind, String title, JsonObject content) {
        return pool.preparedQuery("INSERT INTO artifacts (user_id, conversation_id, kind, title, content) VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .execute(Tuple.of(userId, conversationId, kind, title, content)).map(rows -> rows.iterator().next().getLong("id"));
    }

    /** An artifact as content moderation lists it: its owner's name and whether it is hidden. */
    public record Listing(long id, String title, JsonObject content, boolean hidden, String owner, java.time.OffsetDateTime createdAt) {}

    /** Every user's artifacts of {@code kind} for moderation, newest first, hidden ones included. */
    public Future<java.util.List<Listing>> forModeration(String kind, int limit) {
        return pool.preparedQuery("SELECT a.id, a.title, a.content, a.hidden, u.username, a.created_at FROM artifacts a "
                + "JOIN users u ON u.id = a.user_id WHERE a.kind = $1 ORDER BY a.id DESC LIMIT $2").execute(Tuple.of(kind, limit)).map(rows -> {
                    java.util.List<Listing> out = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Listing(r.getLong("id"), r.getString("title"), (JsonObject) r.getValue("content"), r.getBoolean("hidden"),
                                r.getString("username"), r.getOffsetDateTime("created_at")));
                    }
                    return out;
                });
    }

    /** Hides or shows an artifact of any kind (moderation); empty when there is no such artifact. */
    public dev.tunesmith.platform.db.Change<Optional<Long>> setHidden(long id, boolean hidden) {
        return c -> c.preparedQuery("UPDATE artifacts SET hidden = $2 WHERE id = $1 RETURNING id").execute(Tuple.of(id, hidden))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(id) : Optional.empty());
    }

    /** Deletes an artifact of any kind (moderation); empty when there is no such artifact. */
    public dev.tunesmith.platform.db.Change<Optional<Long>> delete(long id) {
        return c -> c.preparedQuery("DELETE FROM artifacts WHERE id = $1 RETURNING id").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(id) : Optional.empty());
    }

    /** The newest artifact of a kind in a conversation of this user. */
    public Future<Optional<JsonObject>> latest(UUID conversationId, long userId, String kind) {
        return pool.preparedQuery("SELECT content FROM artifacts WHERE conversation_id = $1 AND user_id = $2 AND kind = $3 AND NOT hidden "
                        + "ORDER BY id DESC LIMIT 1")
                .execute(Tuple.of(conversationId, userId, kind))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of((JsonObject) rows.iterator().next().getValue("content")));
    }

    /** The user's newest artifact of a kind, in any conversation. */
    public Future<Optional<JsonObject>> newest(long userId, String kind) {
        return pool.preparedQuery("SELECT content FROM artifacts WHERE user_id = $1 AND kind = $2 AND NOT hidden ORDER BY id DESC LIMIT 1")
                .execute(Tuple.of(userId, kind))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of((JsonObject) rows.iterator().next().getValue("content")));
    }

    /** Whether {@code conversationId} is a conversation of this user. */
    public Future<Boolean> ownsConversation(UUID conversationId, long userId) {
        return pool.preparedQuery("SELECT 1 FROM conversations WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(conversationId, userId)).map(rows -> rows.size() > 0);
    }

    /** The caller's artifact {@code id} of {@code kind}, if it is theirs and not hidden. */
    public Future<Optional<JsonObject>> find(long id, long userId, String kind) {
        return pool.preparedQuery("SELECT content FROM artifacts WHERE id = $1 AND user_id = $2 AND kind = $3 AND NOT hidden")
                .execute(Tuple.of(id, userId, kind))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of((JsonObject) rows.iterator().next().getValue("content")));
    }

    public Future<JsonArray> list(long userId, int limit) {
        return pool.preparedQuery("SELECT id, kind, title, content, created_at FROM artifacts WHERE user_id = $1 AND NOT hidden "
                        + "ORDER BY id DESC LIMIT $2")
                .execute(Tuple.of(userId, limit)).map(rows -> {
                    JsonArray a = new JsonArray();
                    for (Row r : rows) {
                        a.add(new JsonObject().put("id", r.getLong("id")).put("kind", r.getString("kind")).put("title", r.getString("title"))
                                .put("content", r.getValue("content")).put("createdAt", r.getOffsetDateTime("created_at").toString()));
                    }
                    return a;
                });
    }
}
