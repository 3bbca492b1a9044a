package dev.tunesmith.library;

import dev.tunesmith.recommend.audio.AudioAnalysis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** All SQL of the library feature: libraries, their files, and the tracks and analyses they produce. */
public final class LibraryRepository {

    /** A scanned folder. */
    public record Library(long id, String path, String name, String licence) {}

    /** What the database knows of a file from earlier scans. */
    public record KnownFile(String path, long size, long mtimeMs, String state, Long trackId, String analyserVersion) {}

    /** A file to play: where it is and what it is. */
    public record Playable(long trackId, String path, String format, String mime) {}

    /** Everything one successfully scanned file writes, in one transaction. */
    public record ScannedFile(long libraryId, String path, long size, long mtimeMs, TrackTags tags, String title, String artist,
            String licence, List<String> trackTags, String mime, AudioAnalysis analysis) {}

    private final Pool pool;

    public LibraryRepository(Pool pool) {
        this.pool = pool;
    }

    public Future<Library> upsertLibrary(String path, String name, String licence) {
        return pool.preparedQuery("""
                INSERT INTO libraries (path, name, licence) VALUES ($1, $2, $3)
                ON CONFLICT (path) DO UPDATE SET licence = coalesce(EXCLUDED.licence, libraries.licence)
                RETURNING id, path, name, licence""").execute(Tuple.of(path, name, licence))
                .map(rows -> library(rows.iterator().next()));
    }

    public Future<Optional<Library>> library(long id) {
        return pool.preparedQuery("SELECT id, path, name, licence FROM libraries WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(library(rows.iterator().next())));
    }

    private static Library library(Row r) {
        return new Library(r.getLong("id"), r.getString("path"), r.getString("name"), r.getString("licence"));
    }

    /** Every library with its file counts by state and its last scan report. */
    public Future<JsonArray> list() {
        return pool.query("""
                SELECT l.id, l.path, l.name, l.licence, l.scanned_at, l.last_report,
                       count(f.id) FILTER (WHERE f.state = 'ok') AS ok,
                       count(f.id) FILTER (WHERE f.state = 'failed') AS failed,
                       count(f.id) FILTER (WHERE f.state = 'missing') AS missing
                FROM libraries l LEFT JOIN library_files f ON f.library_id = l.id
                GROUP BY l.id ORDER BY l.id""").execute().map(rows -> {
                    JsonArray a = new JsonArray();
                    for (Row r : rows) {
                        a.add(new JsonObject().put("id", r.getLong("id")).put("path", r.getString("path")).put("name", r.getString("name"))
                                .put("licence", r.getString("licence"))
                                .put("scannedAt", r.getOffsetDateTime("scanned_at") == null ? null : r.getOffsetDateTime("scanned_at").toString())
                                .put("tracks", r.getLong("ok")).put("failed", r.getLong("failed")).put("missing", r.getLong("missing"))
                                .put("lastScan", r.getValue("last_report")));
                    }
                    return a;
                });
    }

    public Future<Map<String, KnownFile>> files(long libraryId) {
        return pool.preparedQuery("""
                SELECT f.path, f.size_bytes, f.mtime_ms, f.state, f.track_id, a.analyser_version
                FROM library_files f LEFT JOIN track_analysis a ON a.track_id = f.track_id
                WHERE f.library_id = $1""").execute(Tuple.of(libraryId)).map(rows -> {
                    Map<String, KnownFile> m = new HashMap<>();
                    for (Row r : rows) {
                        m.put(r.getString("path"), new KnownFile(r.getString("path"), r.getLong("size_bytes"), r.getLong("mtime_ms"),
                                r.getString("state"), r.getLong("track_id"), r.getString("analyser_version")));
                    }
                    return m;
                });
    }

    /** Writes the artist, track, file row and analysis of one file atomically; returns the track id. */
    public Future<Long> save(ScannedFile f) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        INSERT INTO artists (name, source, external_id) VALUES ($1, 'library', $2)
                        ON CONFLICT (source, external_id) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                .execute(Tuple.of(f.artist(), f.artist().toLowerCase(Locale.ROOT).trim()))
                .compose(rows -> upsertTrack(conn, f, rows.iterator().next().getLong("id")))
                .compose(trackId -> upsertFile(conn, f, trackId).map(trackId))
                .compose(trackId -> upsertAnalysis(conn, trackId, f.analysis()).map(trackId)));
    }

    private static Future<Long> upsertTrack(SqlConnection conn, ScannedFile f, long artistId) {
        AudioAnalysis a = f.analysis();
        Integer duration = f.tags().durationSec() == null ? (int) Math.round(a.seconds()) : (int) Math.round(f.tags().durationSec());
        Object[] values = {
            f.path(), f.title(), artistId, f.artist(), f.tags().album(), f.tags().genre(), f.trackTags().toArray(String[]::new), duration,
            (float) a.valence(), (float) a.energy(), (float) a.danceability(), (float) a.acousticness(),
            Double.isNaN(a.tempo()) ? null : (float) a.tempo(), f.tags().year(), f.licence(),
            a.key() == null ? null : a.key().toString(), Double.isNaN(a.loudness()) ? null : (float) a.loudness()};
        return conn.preparedQuery("""
                INSERT INTO tracks (source, external_id, title, artist_id, artist_name, album, genre, tags, duration_sec,
                    valence, energy, danceability, acousticness, tempo, features_estimated, year, licence, music_key, loudness, hidden)
                VALUES ('library', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, false, $14, $15, $16, $17, false)
                ON CONFLICT (source, external_id) DO UPDATE SET
                    title = EXCLUDED.title, artist_id = EXCLUDED.artist_id, artist_name = EXCLUDED.artist_name, album = EXCLUDED.album,
                    genre = EXCLUDED.genre, tags = EXCLUDED.tags, duration_sec = EXCLUDED.duration_sec, valence = EXCLUDED.valence,
                    energy = EXCLUDED.energy, danceability = EXCLUDED.danceability, acousticness = EXCLUDED.acousticness,
                    tempo = EXCLUDED.tempo, features_estimated = false, year = EXCLUDED.year, licence = EXCLUDED.licence,
                    music_key = EXCLUDED.music_key, loudness = EXCLUDED.loudness, hidden = false, updated_at = now()
                RETURNING id""").execute(Tuple.from(values)).map(rows -> rows.iterator().next().getLong("id"));
    }

    private static Future<Void> upsertFile(SqlConnection conn, ScannedFile f, long trackId) {
        JsonObject tags = new JsonObject();
        f.tags().extra().forEach(tags::put);
        tags.put("reader", f.tags().reader());
        return conn.preparedQuery("""
                INSERT INTO library_files (library_id, path, size_bytes, mtime_ms, state, error, track_id, format, mime, tags, cover, cover_mime,
                    scanned_at)
                VALUES ($1, $2, $3, $4, 'ok', NULL, $5, $6, $7, $8, $9, $10, now())
                ON CONFLICT (path) DO UPDATE SET library_id = EXCLUDED.library_id, size_bytes = EXCLUDED.size_bytes,
                    mtime_ms = EXCLUDED.mtime_ms, state = 'ok', error = NULL, track_id = EXCLUDED.track_id, format = EXCLUDED.format,
                    mime = EXCLUDED.mime, tags = EXCLUDED.tags, cover = EXCLUDED.cover, cover_mime = EXCLUDED.cover_mime, scanned_at = now()""")
                .execute(Tuple.from(new Object[] {f.libraryId(), f.path(), f.size(), f.mtimeMs(), trackId, f.tags().format(), f.mime(), tags,
                    f.tags().cover() == null ? null : io.vertx.core.buffer.Buffer.buffer(f.tags().cover()), f.tags().coverMime()}))
                .mapEmpty();
    }

    private static Future<Void> upsertAnalysis(SqlConnection conn, long trackId, AudioAnalysis a) {
        Float[] embedding = new Float[a.embedding().length];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = a.embedding()[i];
        }
        return conn.preparedQuery("""
                INSERT INTO track_analysis (track_id, analyser_version, features, embedding) VALUES ($1, $2, $3, $4)
                ON CONFLICT (track_id) DO UPDATE SET analyser_version = EXCLUDED.analyser_version, features = EXCLUDED.features,
                    embedding = EXCLUDED.embedding, analysed_at = now()""")
                .execute(Tuple.of(trackId, a.analyserVersion(), featuresJson(a), embedding)).mapEmpty();
    }

    /** The measured features as stored (and shown under {@code analysis}). */
    public static JsonObject featuresJson(AudioAnalysis a) {
        JsonObject o = new JsonObject().put("analyser", a.analyserVersion()).put("secondsAnalysed", round(a.seconds(), 1));
        put(o, "tempo", round(a.tempo(), 2));
        o.put("tempoConfidence", round(a.tempoConfidence(), 3));
        if (a.key() != null) {
            o.put("key", a.key().toString()).put("keyConfidence", round(a.key().confidence(), 3));
        }
        put(o, "loudness", round(a.loudness(), 2));
        put(o, "dynamicRange", round(a.dynamicRange(), 2));
        o.put("energy", round(a.energy(), 3)).put("danceability", round(a.danceability(), 3)).put("acousticness", round(a.acousticness(), 3))
                .put("brightness", round(a.brightness(), 3)).put("valence", round(a.valence(), 3))
                .put("spectralCentroid", round(a.spectralCentroid(), 1)).put("spectralFlatness", round(a.spectralFlatness(), 4))
                .put("spectralRolloff", round(a.spectralRolloff(), 1)).put("onsetRate", round(a.onsetRate(), 3));
        return o;
    }

    private static void put(JsonObject o, String k, double v) {
        if (!Double.isNaN(v)) {
            o.put(k, v);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isNaN(v) ? Double.NaN : Math.round(v * f) / f;
    }

    /** Records a failure; a track the file had before is hidden, so no half-scanned row stays listed. */
    public Future<Void> markFailed(long libraryId, String path, long size, long mtimeMs, String reason) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                INSERT INTO library_files (library_id, path, size_bytes, mtime_ms, state, error, scanned_at)
                VALUES ($1, $2, $3, $4, 'failed', $5, now())
                ON CONFLICT (path) DO UPDATE SET library_id = EXCLUDED.library_id, size_bytes = EXCLUDED.size_bytes,
                    mtime_ms = EXCLUDED.mtime_ms, state = 'failed', error = EXCLUDED.error, scanned_at = now()
                RETURNING track_id""").execute(Tuple.of(libraryId, path, size, mtimeMs, reason))
                .compose(rows -> {
                    Long track = rows.iterator().next().getLong("track_id");
                    return track == null ? Future.<Void>succeededFuture()
                            : conn.preparedQuery("UPDATE tracks SET hidden = true, updated_at = now() WHERE id = $1").execute(Tuple.of(track))
                                    .mapEmpty();
                }));
    }

    /** Marks files as missing and hides their tracks (playlists and events keep pointing at them). */
    public Future<Integer> markMissing(List<String> paths) {
        if (paths.isEmpty()) {
            return Future.succeededFuture(0);
        }
        String[] array = paths.toArray(String[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery(
                        "UPDATE library_files SET state = 'missing', scanned_at = now() WHERE path = ANY($1) RETURNING track_id")
                .execute(Tuple.of((Object) array)).compose(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> {
                        if (r.getLong("track_id") != null) {
                            ids.add(r.getLong("track_id"));
                        }
                    });
                    return conn.preparedQuery("UPDATE tracks SET hidden = true, updated_at = now() WHERE id = ANY($1)")
                            .execute(Tuple.of((Object) ids.toArray(Long[]::new))).map(rows.rowCount());
                }));
    }

    public Future<Void> finishScan(long libraryId, JsonObject report) {
        return pool.preparedQuery("UPDATE libraries SET scanned_at = now(), last_report = $2 WHERE id = $1")
                .execute(Tuple.of(libraryId, report)).mapEmpty();
    }

    /** The file behind a scanned, visible track. */
    public Future<Optional<Playable>> playable(long trackId) {
        return pool.preparedQuery("""
                SELECT f.track_id, f.path, f.format, f.mime FROM library_files f JOIN tracks t ON t.id = f.track_id
                WHERE f.track_id = $1 AND f.state = 'ok' AND NOT t.hidden""").execute(Tuple.of(trackId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(playable(rows.iterator().next())));
    }

    /** Local files of many tracks at once (for exports), by track id. */
    public Future<Map<Long, String>> paths(List<Long> trackIds) {
        return pool.preparedQuery("SELECT track_id, path FROM library_files WHERE track_id = ANY($1) AND state = 'ok'")
                .execute(Tuple.of((Object) trackIds.toArray(Long[]::new))).map(rows -> {
                    Map<Long, String> m = new HashMap<>();
                    rows.forEach(r -> m.put(r.getLong("track_id"), r.getString("path")));
                    return m;
                });
    }

    private static Playable playable(Row r) {
        return new Playable(r.getLong("track_id"), r.getString("path"), r.getString("format"), r.getString("mime"));
    }

    /** The cover picture of a track's file: {bytes, mime}; empty when it has none. */
    public Future<Optional<Object[]>> cover(long trackId) {
        return pool.preparedQuery("SELECT cover, cover_mime FROM library_files WHERE track_id = $1 AND cover IS NOT NULL")
                .execute(Tuple.of(trackId)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new Object[] {rows.iterator().next().getBuffer("cover"), rows.iterator().next().getString("cover_mime")}));
    }

    /** Measured analysis and file tags of a track (null fields when it is not a library track). */
    public Future<Optional<JsonObject>> details(long trackId) {
        return pool.preparedQuery("""
                SELECT f.path, f.format, f.mime, f.tags, f.cover IS NOT NULL AS has_cover, a.features
                FROM library_files f LEFT JOIN track_analysis a ON a.track_id = f.track_id WHERE f.track_id = $1""")
                .execute(Tuple.of(trackId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new JsonObject().put("path", r.getString("path")).put("format", r.getString("format"))
                            .put("mime", r.getString("mime")).put("tags", r.getValue("tags")).put("hasCover", r.getBoolean("has_cover"))
                            .put("analysis", r.getValue("features")));
                });
    }

    /** Embeddings of every visible library track (for "sounds like"). */
    public Future<Map<Long, float[]>> embeddings() {
        return pool.query("""
                SELECT a.track_id, a.embedding FROM track_analysis a JOIN tracks t ON t.id = a.track_id WHERE NOT t.hidden""")
                .execute().map(rows -> {
                    Map<Long, float[]> m = new HashMap<>();
                    for (Row r : rows) {
                        Float[] e = r.getArrayOfFloats("embedding");
                        float[] v = new float[e.length];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = e[i];
                        }
                        m.put(r.getLong("track_id"), v);
                    }
                    return m;
                });
    }
}
