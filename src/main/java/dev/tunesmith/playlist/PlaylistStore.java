package dev.tunesmith.playlist;

import dev.tunesmith.catalog.Track;
import dev.tunesmith.catalog.TrackRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores playlists with their items, mood and constraints (all {@code playlists} SQL), and reads them back as {@link PlaylistView}s. */
public final class PlaylistStore {

    /** A stored playlist: ids and what it was made from. */
    public record Stored(long id, long userId, UUID conversationId, String title, String mood, JsonObject constraints,
            List<Long> trackIds, List<Double> scores, List<List<String>> reasons) {}

    private final Pool pool;
    private final TrackRepository tracks;

    public PlaylistStore(Pool pool, TrackRepository tracks) {
        this.pool = pool;
        this.tracks = tracks;
    }

    public Future<Long> save(long userId, UUID conversationId, String title, String mood, JsonObject constraints, List<Long> trackIds,
            List<Double> scores, List<List<String>> reasons) {
        return pool.withTransaction(c -> c.preparedQuery("INSERT INTO playlists (user_id, conversation_id, title, mood, constraints) "
                        + "VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .execute(Tuple.of(userId, conversationId, title, mood, constraints))
                .compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    if (trackIds.isEmpty()) {
                        return Future.succeededFuture(id);
                    }
                    List<Tuple> items = new ArrayList<>();
                    for (int i = 0; i < trackIds.size(); i++) {
                        items.add(Tuple.of(id, i, trackIds.get(i), scores.get(i).floatValue(), reasons.get(i).toArray(String[]::new)));
                    }
                    return c.preparedQuery("INSERT INTO playlist_items (playlist_id, position, track_id, score, reasons) VALUES ($1, $2, $3, $4, $5)")
                            .executeBatch(items).map(r -> id);
                }));
    }

    /** A playlist as content moderation lists it: its owner's name and whether it is hidden. */
    public record Listing(long id, String title, String mood, boolean hidden, String owner, java.time.OffsetDateTime createdAt) {}

    /** Every user's playlists for moderation, newest first, hidden ones included. */
    public Future<List<Listing>> forModeration(int limit) {
        return pool.preparedQuery("SELECT p.id, p.title, p.mood, p.hidden, u.username, p.created_at FROM playlists p "
                + "JOIN users u ON u.id = p.user_id ORDER BY p.id DESC LIMIT $1").execute(Tuple.of(limit)).map(rows -> {
                    List<Listing> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Listing(r.getLong("id"), r.getString("title"), r.getString("mood"), r.getBoolean("hidden"),
                                r.getString("username"), r.getOffsetDateTime("created_at")));
                    }
                    return out;
                });
    }

    /** Hides or shows a playlist (moderation); empty when there is no such playlist. */
    public dev.tunesmith.platform.db.Change<Optional<Long>> setHidden(long id, boolean hidden) {
        return c -> c.preparedQuery("UPDATE playlists SET hidden = $2 WHERE id = $1 RETURNING id").execute(Tuple.of(id, hidden))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(id) : Optional.empty());
    }

    /** Deletes a playlist and its items (moderation); empty when there is no such playlist. */
    public dev.tunesmith.platform.db.Change<Optional<Long>> delete(long id) {
        return c -> c.preparedQuery("DELETE FROM playlists WHERE id = $1 RETURNING id").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(id) : Optional.empty());
    }

    /** The newest playlist of a conversation, if it belongs to {@code userId}. */
    public Future<Optional<Stored>> latest(UUID conversationId, long userId) {
        return one("p.conversation_id = $1 AND p.user_id = $2 ORDER BY p.id DESC LIMIT 1", Tuple.of(conversationId, userId));
    }

    public Future<Optional<Stored>> find(long id, long userId) {
        return one("p.id = $1 AND p.user_id = $2", Tuple.of(id, userId));
    }

    private Future<Optional<Stored>> one(String where, Tuple args) {
        return pool.preparedQuery("SELECT p.id, p.user_id, p.conversation_id, p.title, p.mood, p.constraints FROM playlists p WHERE "
                        + where)
                .execute(args).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    Row p = rows.iterator().next();
                    long id = p.getLong("id");
                    return pool.preparedQuery("SELECT track_id, score, reasons FROM playlist_items WHERE playlist_id = $1 ORDER BY position")
                            .execute(Tuple.of(id)).map(items -> {
                                List<Long> ids = new ArrayList<>();
                                List<Double> scores = new ArrayList<>();
                                List<List<String>> reasons = new ArrayList<>();
                                for (Row r : items) {
                                    ids.add(r.getLong("track_id"));
                                    Object score = r.getValue("score");
                                    scores.add(score == null ? 0 : ((Number) score).doubleValue());
                                    reasons.add(Arrays.asList(r.getArrayOfStrings("reasons")));
                                }
                                Object constraints = p.getValue("constraints");
                                return Optional.of(new Stored(id, p.getLong("user_id"), p.getUUID("conversation_id"), p.getString("title"),
                                        p.getString("mood"), constraints instanceof JsonObject o ? o : new JsonObject(), ids, scores, reasons));
                            });
                });
    }

    /** The stored playlist with its tracks (those still in the catalogue) and its summary, as its owner sees it. */
    public Future<PlaylistView> view(Stored s) {
        return tracks.findMany(s.trackIds()).map(found -> {
            java.util.Map<Long, Track> byId = new java.util.HashMap<>();
            found.forEach(t -> byId.put(t.id(), t));
            List<PlaylistView.Entry> items = new ArrayList<>();
            for (int i = 0; i < s.trackIds().size(); i++) {
                Track t = byId.get(s.trackIds().get(i));
                if (t != null) {
                    items.add(new PlaylistView.Entry(t, s.reasons().get(i)));
                }
            }
            return new PlaylistView(s.id(), s.title(), items, PlaylistJson.summary(s.constraints().getJsonObject("satisfied"), s.trackIds().size()));
        });
    }
}
