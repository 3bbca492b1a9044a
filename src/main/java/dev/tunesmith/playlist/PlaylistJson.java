package dev.tunesmith.playlist;

import dev.tunesmith.recommend.Range;
import dev.tunesmith.recommend.constraint.Requirements;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The stored JSON of a playlist's requirements and mood shift (one mapper per stored type). */
final class PlaylistJson {
    private PlaylistJson() {}

    static JsonObject toJson(Requirements r) {
        JsonObject o = new JsonObject().put("count", r.count()).put("excludeGenres", new JsonArray(new ArrayList<>(r.excludeGenres())))
                .put("excludeArtists", new JsonArray(new ArrayList<>(r.excludeArtists()))).put("maxPerArtist", r.maxPerArtist());
        put(o, "energy", r.energy());
        put(o, "tempo", r.tempo());
        put(o, "durationSec", r.durationSec());
        return o;
    }

    private static void put(JsonObject o, String key, Range r) {
        if (r != null) {
            o.put(key, new JsonArray().add(r.min()).add(r.max()));
        }
    }

    private static Range range(JsonObject o, String key) {
        JsonArray a = o.getJsonArray(key);
        return a == null || a.size() != 2 ? null : new Range(a.getDouble(0), a.getDouble(1));
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    static Requirements requirements(JsonObject o, int fallbackCount) {
        int count = o.getInteger("count", fallbackCount);
        return new Requirements(Math.max(1, Math.min(100, count)), strings(o.getJsonArray("excludeGenres")),
                strings(o.getJsonArray("excludeArtists")), range(o, "energy"), range(o, "tempo"), range(o, "durationSec"),
                Math.max(1, o.getInteger("maxPerArtist", 2)));
    }

    /** Playlists stored before requirements were kept: their engine constraints, read as requirements. */
    static Requirements legacy(JsonObject o, int fallbackCount) {
        int count = o.getInteger("count", fallbackCount);
        return new Requirements(Math.max(1, Math.min(100, count)), strings(o.getJsonArray("excludeTags")),
                strings(o.getJsonArray("excludeArtists")), range(o, "energy"), range(o, "tempo"), null,
                Math.max(1, o.getInteger("maxPerArtist", 2)));
    }

    static JsonObject toJson(PlaylistService.Shift s) {
        return new JsonObject().put("energy", s.energy()).put("valence", s.valence()).put("tempo", s.tempo());
    }

    static PlaylistService.Shift shift(JsonObject o) {
        return o == null ? PlaylistService.Shift.NONE
                : new PlaylistService.Shift(o.getDouble("energy", 0.0), o.getDouble("valence", 0.0), o.getDouble("tempo", 0.0));
    }
}
