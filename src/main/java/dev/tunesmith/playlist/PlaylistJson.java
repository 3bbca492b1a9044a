package dev.tunesmith.playlist;

import dev.tunesmith.recommend.Range;
import dev.tunesmith.recommend.constraint.Requirements;
import dev.tunesmith.recommend.mood.MoodModel;
import dev.tunesmith.recommend.mood.MoodTarget;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of playlists, one mapper per type: the wire shapes of {@link PlaylistView} (routes, the chat socket's
 * {@code playlist} artifact), {@link Recommendations} and {@link PlaylistSummary} (CONTRACT.md), what the agent's
 * model reads of a playlist, and the stored JSON of a playlist's requirements and mood shift.
 */
public final class PlaylistJson {
    private PlaylistJson() {}

    /** {@code {"id","title","items":[{"track":Track,"reasons":[string]}],"constraints":{...}}}. */
    public static JsonObject toJson(PlaylistView v) {
        JsonArray items = new JsonArray();
        for (PlaylistView.Entry e : v.items()) {
            items.add(new JsonObject().put("track", e.track().toJson()).put("reasons", new JsonArray(new ArrayList<>(e.reasons()))));
        }
        return new JsonObject().put("id", v.id()).put("title", v.title()).put("items", items).put("constraints", toJson(v.constraints()));
    }

    /** {@code {"count","asked","facts":[string],"notes":[string],"change"?}}. */
    public static JsonObject toJson(PlaylistSummary s) {
        JsonObject o = new JsonObject().put("count", s.count()).put("asked", s.asked())
                .put("facts", new JsonArray(new ArrayList<>(s.facts()))).put("notes", new JsonArray(new ArrayList<>(s.notes())));
        if (s.change() != null) {
            o.put("change", s.change());
        }
        return o;
    }

    /** {@code {"items":[{"track":Track,"score","reasons":[string]}],"constraints"?}}; scores rounded to 3 decimals. */
    public static JsonObject toJson(Recommendations r) {
        JsonArray items = new JsonArray();
        for (Recommendations.Scored s : r.items()) {
            items.add(new JsonObject().put("track", s.track().toJson()).put("score", Math.round(s.score() * 1000) / 1000.0)
                    .put("reasons", new JsonArray(new ArrayList<>(s.reasons()))));
        }
        JsonObject o = new JsonObject().put("items", items);
        if (r.constraints() != null) {
            o.put("constraints", toJson(r.constraints()));
        }
        return o;
    }

    /**
     * What the agent's model reads of a playlist, without the full track JSON:
     * {@code {"playlistId","title","constraints","items":[{"position","title","artist","reasons"}]}}.
     */
    public static JsonObject forModel(PlaylistView v) {
        JsonArray items = new JsonArray();
        for (int i = 0; i < v.items().size(); i++) {
            PlaylistView.Entry e = v.items().get(i);
            items.add(new JsonObject().put("position", i + 1).put("title", e.track().title()).put("artist", e.track().artist())
                    .put("reasons", new JsonArray(new ArrayList<>(e.reasons()))));
        }
        return new JsonObject().put("playlistId", v.id()).put("title", v.title()).put("constraints", toJson(v.constraints()))
                .put("items", items);
    }

    /** A stored summary; one stored without counts (older rows) counts the {@code size} tracks it has. */
    static PlaylistSummary summary(JsonObject o, int size) {
        JsonObject s = o == null ? new JsonObject() : o;
        int count = s.getInteger("count", size);
        return new PlaylistSummary(count, s.getInteger("asked", count), strings(s.getJsonArray("facts")), strings(s.getJsonArray("notes")),
                s.getString("change"));
    }

    static JsonObject toJson(Requirements r) {
        JsonObject o = new JsonObject().put("count", r.count()).put("excludeGenres", new JsonArray(new ArrayList<>(r.excludeGenres())))
                .put("excludeArtists", new JsonArray(new ArrayList<>(r.excludeArtists()))).put("maxPerArtist", r.maxPerArtist());
        put(o, "energy", r.energy());
        put(o, "tempo", r.tempo());
        put(o, "durationSec", r.durationSec());
        put(o, "years", r.years());
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
                Math.max(1, o.getInteger("maxPerArtist", 2)), range(o, "years"));
    }

    /** Playlists stored before requirements were kept: their engine constraints, read as requirements. */
    static Requirements legacy(JsonObject o, int fallbackCount) {
        int count = o.getInteger("count", fallbackCount);
        return new Requirements(Math.max(1, Math.min(100, count)), strings(o.getJsonArray("excludeTags")),
                strings(o.getJsonArray("excludeArtists")), range(o, "energy"), range(o, "tempo"), null,
                Math.max(1, o.getInteger("maxPerArtist", 2)));
    }

    static JsonObject toJson(PlaylistService.Shift s) {
        JsonArray a = new JsonArray();
        for (MoodTarget.Nudge n : s.nudges()) {
            a.add(new JsonObject().put("feature", n.feature().key()).put("centre", n.centre()).put("up", n.up()));
        }
        return new JsonObject().put("nudges", a);
    }

    /**
     * A stored shift. Playlists stored before the region moves kept deltas of energy and valence (0.2 a step) and of
     * tempo (15 BPM a step) from the middle: they are read as centres that far from the catalogue's median.
     */
    static PlaylistService.Shift shift(JsonObject o) {
        if (o == null) {
            return PlaylistService.Shift.NONE;
        }
        PlaylistService.Shift out = PlaylistService.Shift.NONE;
        JsonArray a = o.getJsonArray("nudges");
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                JsonObject n = a.getJsonObject(i);
                MoodModel.Feature f = MoodModel.Feature.valueOf(n.getString("feature").toUpperCase(java.util.Locale.ROOT));
                out = out.with(new MoodTarget.Nudge(f, Math.max(0, Math.min(1, n.getDouble("centre"))), n.getBoolean("up", false)));
            }
            return out;
        }
        double[] legacy = {o.getDouble("energy", 0.0), o.getDouble("valence", 0.0), o.getDouble("tempo", 0.0) / 15 * MoodTarget.Nudge.STEP};
        MoodModel.Feature[] features = {MoodModel.Feature.ENERGY, MoodModel.Feature.VALENCE, MoodModel.Feature.TEMPO};
        for (int k = 0; k < 3; k++) {
            if (legacy[k] != 0) {
                out = out.with(MoodTarget.Nudge.by(features[k], 0.5, legacy[k]));
            }
        }
        return out;
    }
}
