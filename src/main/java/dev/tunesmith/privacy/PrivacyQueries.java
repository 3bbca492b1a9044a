package dev.tunesmith.privacy;

import dev.tunesmith.platform.db.Change;
import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All SQL of the self-service privacy feature: everything Tunesmith stores about one user, read for
 * an export, and deleted with the account in one transaction. The tables listed here are the ones
 * that reference {@code users}; a new table that holds personal data belongs in both lists.
 */
public final class PrivacyQueries {

    /** What {@link #deleteAccount} removed, per kind. */
    public record Deleted(Map<String, Long> counts) {
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            counts.forEach(o::put);
            return o;
        }
    }

    /**
     * The administrator's export of one user ({@code GET /api/admin/users/{id}/export}): the stored rows,
     * column names as keys, with conversations and playlists carrying their messages and items.
     * An export is a document, so its sections stay rows of JSON.
     */
    public record AdminExport(JsonObject user, JsonArray events, JsonArray conversations, JsonArray playlists, JsonArray artifacts,
            JsonArray friends) {}

    /** What {@link #deleteData} removed. */
    public record DataDeleted(long events, long conversations, long playlists, long artifacts) {}

    /** Sections of the export, in order: name → query with {@code $1} = the user's id. */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("events", "SELECT e.id, e.track_id AS \"trackId\", t.title AS \"trackTitle\", t.artist_name AS \"trackArtist\", e.type, "
                + "e.played_sec AS \"playedSec\", e.text, e.created_at AS \"createdAt\" FROM events e JOIN tracks t ON t.id = e.track_id "
                + "WHERE e.user_id = $1 ORDER BY e.id");
        SECTIONS.put("playlists", "SELECT p.id, p.title, p.mood, p.constraints, p.conversation_id AS \"conversationId\", p.hidden, "
                + "p.created_at AS \"createdAt\", coalesce((SELECT json_agg(json_build_object('position', i.position, 'trackId', i.track_id, "
                + "'title', t.title, 'artist', t.artist_name, 'score', i.score, 'reasons', i.reasons) ORDER BY i.position) "
                + "FROM playlist_items i JOIN tracks t ON t.id = i.track_id WHERE i.playlist_id = p.id), '[]'::json) AS items "
                + "FROM playlists p WHERE p.user_id = $1 ORDER BY p.id");
        SECTIONS.put("conversations", "SELECT c.id::text AS id, c.title, c.created_at AS \"createdAt\", c.updated_at AS \"updatedAt\", "
                + "coalesce((SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'content', m.content, 'payload', m.payload, "
                + "'createdAt', m.created_at) ORDER BY m.id) FROM messages m WHERE m.conversation_id = c.id), '[]'::json) AS messages, "
                + "(SELECT cm.messages FROM chat_memory cm WHERE cm.conversation_id = c.id) AS \"workingMemory\" "
                + "FROM conversations c WHERE c.user_id = $1 ORDER BY c.created_at");
        SECTIONS.put("artifacts", "SELECT id, kind, title, content, conversation_id::text AS \"conversationId\", hidden, created_at AS \"createdAt\" "
                + "FROM artifacts WHERE user_id = $1 ORDER BY id");
        SECTIONS.put("friends", "SELECT f.friend_id AS id, u.username FROM friendships f JOIN users u ON u.id = f.friend_id "
                + "WHERE f.user_id = $1 ORDER BY f.friend_id");
        SECTIONS.put("friendOf", "SELECT f.user_id AS id, u.username FROM friendships f JOIN users u ON u.id = f.user_id "
                + "WHERE f.friend_id = $1 ORDER BY f.user_id");
        SECTIONS.put("artistPlays", "SELECT a.id AS \"artistId\", a.name AS artist, p.plays FROM artist_plays p JOIN artists a ON a.id = p.artist_id "
                + "WHERE p.user_id = $1 ORDER BY p.plays DESC, a.id");
        SECTIONS.put("artistTags", "SELECT a.id AS \"artistId\", a.name AS artist, t.tag, t.tagged_at::text AS \"taggedAt\" FROM artist_tags t "
                + "JOIN artists a ON a.id = t.artist_id WHERE t.user_id = $1 ORDER BY a.id, t.tag");
        SECTIONS.put("jobs", "SELECT id, kind, state, message, params, created_at AS \"createdAt\" FROM jobs WHERE created_by = $1 ORDER BY id");
        SECTIONS.put("auditLog", "SELECT id, actor_name AS \"actorName\", action, target, details, at FROM audit_log "
                + "WHERE actor_id = $1 OR target = 'user:' || $1::text ORDER BY id");
    }

    private final Pool pool;

    public PrivacyQueries(Pool pool) {
        this.pool = pool;
    }

    /** Everything stored about {@code userId}; 404 when the user does not exist. */
    public Future<JsonObject> export(long userId) {
        Tuple id = Tuple.of(userId);
        Future<JsonArray> account = rows("SELECT id, username, roles, disabled, source, external_id AS \"externalId\", "
                + "created_at AS \"createdAt\", password_hash IS NOT NULL AS \"hasPassword\" FROM users WHERE id = $1", id);
        Map<String, Future<JsonArray>> parts = new LinkedHashMap<>();
        SECTIONS.forEach((name, sql) -> parts.put(name, rows(sql, id)));
        List<Future<?>> all = new java.util.ArrayList<>(parts.values());
        all.add(account);
        return Future.all(all).map(cf -> {
            if (account.result().isEmpty()) {
                throw ApiError.notFound("user");
            }
            JsonObject out = new JsonObject().put("account", account.result().getJsonObject(0));
            parts.forEach((name, f) -> out.put(name, f.result()));
            return out;
        });
    }

    /**
     * Deletes the account and everything that belongs to it in one transaction, and writes an audit
     * entry that names no one ("a user deleted their account", with the counts). The last enabled
     * administrator cannot delete themselves (409 {@code last_admin}).
     */
    public Future<Deleted> deleteAccount(long userId) {
        Tuple id = Tuple.of(userId);
        return pool.withTransaction(c -> c.preparedQuery("SELECT roles FROM users WHERE id = $1 FOR UPDATE").execute(id).compose(found -> {
            if (found.size() == 0) {
                throw ApiError.notFound("user");
            }
            boolean admin = Arrays.asList(found.iterator().next().getArrayOfStrings("roles")).contains("admin");
            Future<Void> guard = !admin ? Future.succeededFuture() : c.preparedQuery("SELECT count(*) AS n FROM users "
                    + "WHERE id <> $1 AND 'admin' = ANY(roles) AND NOT disabled").execute(id).compose(rows -> {
                        if (rows.iterator().next().getLong("n") == 0) {
                            return Future.failedFuture(ApiError.conflict("last_admin",
                                    "you are the only administrator; make someone else an admin before deleting your account"));
                        }
                        return Future.succeededFuture();
                    });
            return guard.compose(v -> c.preparedQuery("""
                    WITH m AS (SELECT count(*) AS n FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE user_id = $1)),
                         e AS (DELETE FROM events WHERE user_id = $1 RETURNING 1),
                         cv AS (DELETE FROM conversations WHERE user_id = $1 RETURNING 1),
                         p AS (DELETE FROM playlists WHERE user_id = $1 RETURNING 1),
                         a AS (DELETE FROM artifacts WHERE user_id = $1 RETURNING 1),
                         f AS (DELETE FROM friendships WHERE user_id = $1 OR friend_id = $1 RETURNING 1),
                         ap AS (DELETE FROM artist_plays WHERE user_id = $1 RETURNING 1),
                         at AS (DELETE FROM artist_tags WHERE user_id = $1 RETURNING 1)
                    SELECT (SELECT count(*) FROM e) AS events, (SELECT count(*) FROM cv) AS conversations, (SELECT n FROM m) AS messages,
                           (SELECT count(*) FROM p) AS playlists, (SELECT count(*) FROM a) AS artifacts, (SELECT count(*) FROM f) AS friendships,
                           (SELECT count(*) FROM ap) AS "artistPlays", (SELECT count(*) FROM at) AS "artistTags"
                    """).execute(id))
                    .compose(counts -> c.preparedQuery("DELETE FROM users WHERE id = $1").execute(id).map(d -> {
                        Row r = counts.iterator().next();
                        Map<String, Long> n = new LinkedHashMap<>();
                        for (String col : List.of("events", "conversations", "messages", "playlists", "artifacts", "friendships", "artistPlays",
                                "artistTags")) {
                            n.put(col, r.getLong(col));
                        }
                        n.put("account", (long) d.rowCount());
                        return new Deleted(n);
                    }))
                    .compose(deleted -> c.preparedQuery("INSERT INTO audit_log (actor_id, actor_name, action, target, details) "
                            + "VALUES (NULL, 'self-service', 'user.self_delete', $1, $2)")
                            .execute(Tuple.of("user:" + userId, deleted.toJson())).map(x -> deleted));
        }));
    }

    /** The administrator's export of {@code userId}; empty when the user does not exist. */
    public Future<java.util.Optional<AdminExport>> adminExport(long userId) {
        Tuple t = Tuple.of(userId);
        Future<JsonArray> user = raw("SELECT id, username, roles, disabled, source, created_at FROM users WHERE id = $1", t);
        Future<JsonArray> events = raw("SELECT id, track_id, type, played_sec, text, created_at FROM events WHERE user_id = $1 ORDER BY id", t);
        Future<JsonArray> conversations = raw("SELECT c.id, c.title, c.created_at, coalesce(json_agg(json_build_object('role', m.role, "
                + "'content', m.content, 'payload', m.payload, 'createdAt', m.created_at) ORDER BY m.id) FILTER (WHERE m.id IS NOT NULL), '[]') "
                + "AS messages FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id WHERE c.user_id = $1 GROUP BY c.id ORDER BY c.created_at", t);
        Future<JsonArray> playlists = raw("SELECT p.id, p.title, p.mood, p.constraints, p.created_at, coalesce(json_agg(json_build_object("
                + "'position', i.position, 'trackId', i.track_id, 'reasons', i.reasons) ORDER BY i.position) FILTER (WHERE i.track_id IS NOT NULL), '[]') "
                + "AS items FROM playlists p LEFT JOIN playlist_items i ON i.playlist_id = p.id WHERE p.user_id = $1 GROUP BY p.id ORDER BY p.id", t);
        Future<JsonArray> artifacts = raw("SELECT id, kind, title, content, hidden, created_at FROM artifacts WHERE user_id = $1 ORDER BY id", t);
        Future<JsonArray> friends = raw("SELECT friend_id FROM friendships WHERE user_id = $1", t);
        return Future.all(List.of(user, events, conversations, playlists, artifacts, friends)).map(cf -> user.result().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new AdminExport(user.result().getJsonObject(0), events.result(), conversations.result(),
                        playlists.result(), artifacts.result(), friends.result())));
    }

    /**
     * An administrator's deletion of the user's activity (events, conversations, playlists, artifacts);
     * the account stays. Empty when the user does not exist (nothing deleted).
     */
    public Change<java.util.Optional<DataDeleted>> deleteData(long userId) {
        Tuple t = Tuple.of(userId);
        return c -> c.preparedQuery("SELECT 1 FROM users WHERE id = $1").execute(t).compose(found -> found.size() == 0
                ? Future.succeededFuture(java.util.Optional.<DataDeleted>empty())
                : c.preparedQuery("WITH e AS (DELETE FROM events WHERE user_id = $1 RETURNING 1), "
                        + "cv AS (DELETE FROM conversations WHERE user_id = $1 RETURNING 1), "
                        + "p AS (DELETE FROM playlists WHERE user_id = $1 RETURNING 1), "
                        + "a AS (DELETE FROM artifacts WHERE user_id = $1 RETURNING 1) "
                        + "SELECT (SELECT count(*) FROM e) AS events, (SELECT count(*) FROM cv) AS conversations, "
                        + "(SELECT count(*) FROM p) AS playlists, (SELECT count(*) FROM a) AS artifacts").execute(t).map(rows -> {
                            Row r = rows.iterator().next();
                            return java.util.Optional.of(new DataDeleted(r.getLong("events"), r.getLong("conversations"), r.getLong("playlists"),
                                    r.getLong("artifacts")));
                        }));
    }

    private Future<JsonArray> rows(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> toArray(rows, true));
    }

    /** Rows with their values as stored (no rounding), for the administrator's export. */
    private Future<JsonArray> raw(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> toArray(rows, false));
    }

    private static JsonArray toArray(RowSet<Row> rows, boolean roundFloats) {
        JsonArray a = new JsonArray();
        List<String> columns = rows.columnsNames();
        for (Row r : rows) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < columns.size(); i++) {
                Object v = r.getValue(i);
                if (v instanceof java.time.temporal.Temporal || v instanceof java.util.UUID) {
                    v = v.toString();
                } else if (v instanceof Object[] arr) {
                    v = new JsonArray(Arrays.asList(arr));
                } else if (v instanceof Float f && roundFloats) {
                    v = Math.round(f * 1000.0) / 1000.0;
                }
                o.put(columns.get(i), v);
            }
            a.add(o);
        }
        return a;
    }
}
