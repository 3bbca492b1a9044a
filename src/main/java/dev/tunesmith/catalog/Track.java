package dev.tunesmith.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;

/** A catalog track as the contract shows it. */
public record Track(long id, String title, String artist, String album, String genre, List<String> tags, Integer durationSec,
        Double valence, Double energy, Double danceability, Double acousticness, Double instrumentalness, Double tempo,
        boolean featuresEstimated, String url, String licence, Integer year, String source, String key, Double loudness) {

    public static final String COLUMNS = "id, title, artist_name, album, genre, tags, duration_sec, valence, energy, "
            + "danceability, acousticness, instrumentalness, tempo, features_estimated, url, licence, year, source, music_key, loudness";

    /** The source of tracks scanned from the user's own folders (they play through {@code /api/tracks/{id}/stream}). */
    public static final String LIBRARY = "library";

    public static Track from(Row r) {
        return new Track(r.getLong("id"), r.getString("title"), r.getString("artist_name"), r.getString("album"),
                r.getString("genre"), Arrays.asList(r.getArrayOfStrings("tags")), r.getInteger("duration_sec"),
                d(r, "valence"), d(r, "energy"), d(r, "danceability"), d(r, "acousticness"), d(r, "instrumentalness"),
                d(r, "tempo"), r.getBoolean("features_estimated"), r.getString("url"), r.getString("licence"),
                r.getInteger("year"), r.getString("source"), r.getString("music_key"), d(r, "loudness"));
    }

    private static Double d(Row r, String column) {
        Object v = r.getValue(column);
        return v == null ? null : Math.round(((Number) v).doubleValue() * 1000) / 1000.0;
    }

    /**
     * {@code {"id","title","artist","album"?,"tags","durationSec","features":{...},"url"?}} plus extras: {@code source}
     * ("library" for scanned tracks, else the catalogue it was imported from), measured {@code features.key}
     * ("A minor") and {@code features.loudness} (LUFS), and for library tracks {@code streamPath}.
     */
    public JsonObject toJson() {
        JsonObject features = new JsonObject();
        putIf(features, "valence", valence);
        putIf(features, "energy", energy);
        putIf(features, "danceability", danceability);
        putIf(features, "acousticness", acousticness);
        putIf(features, "instrumentalness", instrumentalness);
        putIf(features, "tempo", tempo);
        putIf(features, "key", key);
        putIf(features, "loudness", loudness);
        if (!features.isEmpty()) {
            features.put("estimated", featuresEstimated);
        }
        JsonObject json = new JsonObject().put("id", id).put("title", title).put("artist", artist)
                .put("tags", new JsonArray(tags)).put("durationSec", durationSec).put("features", features);
        putIf(json, "album", album);
        putIf(json, "genre", genre);
        putIf(json, "url", url);
        putIf(json, "licence", licence);
        putIf(json, "year", year);
        putIf(json, "source", source);
        if (LIBRARY.equals(source)) {
            json.put("streamPath", "/api/tracks/" + id + "/stream");
        }
        return json;
    }

    private static void putIf(JsonObject o, String key, Object value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
