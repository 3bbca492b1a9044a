package dev.tunesmith.recommend.service;

import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.UserEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the recommendation core needs from Postgres: catalog items, events, friendships. */
public final class RecommenderStore {

    private final Pool pool;

    public RecommenderStore(Pool pool) {
        this.pool = pool;
    }

    public Future<List<CatalogItem>> catalog() {
        return pool.query("SELECT tracks.id, title, artist_name, tags, genre, valence, energy, danceability, acousticness, tempo, "
                + "instrumentalness, tracks.loudness, mode, speechiness, features_estimated, duration_sec, tracks.year, a.embedding AS audio_embedding FROM tracks "
                + "LEFT JOIN track_analysis a ON a.track_id = tracks.id WHERE NOT hidden ORDER BY id").execute().map(rows -> {
                    List<CatalogItem> items = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        items.add(new CatalogItem(r.getLong("id"), r.getString("title"), r.getString("artist_name"),
                                Arrays.asList(r.getArrayOfStrings("tags")), r.getString("genre"),
                                new AudioFeatures(d(r, "valence"), d(r, "energy"), d(r, "danceability"), d(r, "acousticness"),
                                        d(r, "tempo"), r.getBoolean("features_estimated"), d(r, "instrumentalness"),
                                        d(r, "loudness"), d(r, "mode"), d(r, "speechiness")),
                                r.getInteger("duration_sec") == null ? 0 : r.getInteger("duration_sec"), audio(r), r.getInteger("year")));
                    }
                    return items;
                });
    }

    /** Every user's events (the newest 2,000 per user), oldest first. */
    public Future<Map<Long, List<UserEvent>>> allEvents() {
        return pool.query("SELECT user_id, track_id, type, played_sec, created_at FROM (SELECT *, row_number() OVER "
                + "(PARTITION BY user_id ORDER BY created_at DESC) AS n FROM events) e WHERE n <= 2000 ORDER BY user_id, created_at")
                .execute().map(rows -> {
                    Map<Long, List<UserEvent>> byUser = new HashMap<>();
                    for (Row r : rows) {
                        byUser.computeIfAbsent(r.getLong("user_id"), k -> new ArrayList<>()).add(event(r));
                    }
                    return byUser;
                });
    }

    public Future<List<UserEvent>> events(long userId) {
        return pool.preparedQuery("SELECT track_id, type, played_sec, created_at FROM (SELECT * FROM events WHERE user_id = $1 "
                        + "ORDER BY created_at DESC LIMIT 2000) e ORDER BY created_at")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<UserEvent> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(event(r));
                    }
                    return list;
                });
    }

    public Future<List<Long>> friends(long userId) {
        return pool.preparedQuery("SELECT friend_id FROM friendships WHERE user_id = $1 ORDER BY friend_id LIMIT 20")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong("friend_id")));
                    return ids;
                });
    }

    /** Every user's friends (user id → friend ids), for the served blend's friends component. */
    public Future<Map<Long, List<Long>>> allFriends() {
        return pool.query("SELECT user_id, friend_id FROM friendships ORDER BY user_id, friend_id").execute().map(rows -> {
            Map<Long, List<Long>> byUser = new HashMap<>();
            for (Row r : rows) {
                byUser.computeIfAbsent(r.getLong("user_id"), k -> new ArrayList<>()).add(r.getLong("friend_id"));
            }
            return byUser;
        });
    }

    private static UserEvent event(Row r) {
        Object played = r.getValue("played_sec");
        return new UserEvent(r.getLong("track_id"), r.getString("type"), played == null ? null : ((Number) played).doubleValue(),
                r.getOffsetDateTime("created_at").toInstant());
    }

    private static Double d(Row r, String c) {
        Object v = r.getValue(c);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** The measured audio embedding of a scanned track, null for the others. */
    private static float[] audio(Row r) {
        Float[] e = r.getArrayOfFloats("audio_embedding");
        if (e == null) {
            return null;
        }
        float[] v = new float[e.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = e[i];
        }
        return v;
    }
}
