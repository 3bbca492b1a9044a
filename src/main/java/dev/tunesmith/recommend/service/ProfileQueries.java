package dev.tunesmith.recommend.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * A profile summary straight from the events table: counts per type, top tags and artists by
 * positive interactions, and the mood centre (mean valence/energy of liked or well-played tracks).
 */
public final class ProfileQueries {

    private static final String POSITIVE = "(e.type IN ('like','favorite','share') OR (e.type = 'play' AND "
            + "(t.duration_sec IS NULL OR t.duration_sec = 0 OR coalesce(e.played_sec, 0) >= 0.5 * t.duration_sec)))";

    private final Pool pool;

    public ProfileQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<JsonObject> summary(long userId) {
        Tuple id = Tuple.of(userId);
        Future<JsonObject> counts = pool.preparedQuery("SELECT type, count(*) AS n FROM events WHERE user_id = $1 GROUP BY type")
                .execute(id).map(rows -> {
                    JsonObject o = new JsonObject();
                    for (Row r : rows) {
                        o.put(r.getString("type"), r.getLong("n"));
                    }
                    return o;
                });
        Future<JsonArray> tags = pool.preparedQuery("SELECT tag, count(*) AS n FROM events e JOIN tracks t ON t.id = e.track_id, "
                        + "unnest(t.tags) AS tag WHERE e.user_id = $1 AND " + POSITIVE + " GROUP BY tag ORDER BY n DESC, tag LIMIT 10")
                .execute(id).map(rows -> list(rows, "tag"));
        Future<JsonArray> artists = pool.preparedQuery("SELECT t.artist_name AS artist, count(*) AS n FROM events e JOIN tracks t "
                        + "ON t.id = e.track_id WHERE e.user_id = $1 AND " + POSITIVE + " GROUP BY t.artist_name ORDER BY n DESC, 1 LIMIT 10")
                .execute(id).map(rows -> list(rows, "artist"));
        Future<JsonObject> mood = pool.preparedQuery("SELECT avg(t.valence) AS valence, avg(t.energy) AS energy FROM events e "
                        + "JOIN tracks t ON t.id = e.track_id WHERE e.user_id = $1 AND " + POSITIVE)
                .execute(id).map(rows -> {
                    Row r = rows.iterator().next();
                    JsonObject o = new JsonObject();
                    if (r.getValue("valence") != null) {
                        o.put("valence", round(r.getNumeric("valence").doubleValue()))
                                .put("energy", round(r.getNumeric("energy").doubleValue()));
                    }
                    return o;
                });
        return Future.all(counts, tags, artists, mood).map(cf -> new JsonObject()
                .put("counts", counts.result()).put("topTags", tags.result()).put("topArtists", artists.result())
                .put("moodCentre", mood.result()));
    }

    private static JsonArray list(io.vertx.sqlclient.RowSet<Row> rows, String column) {
        JsonArray a = new JsonArray();
        for (Row r : rows) {
            a.add(new JsonObject().put("name", r.getString(column)).put("count", r.getLong("n")));
        }
        return a;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
