package dev.tunesmith.catalog.importer;

import dev.tunesmith.catalog.TrackRecord;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Upserts tracks (and their artists) in batches, each batch in one transaction, keyed by
 * {@code (source, external_id)} so a re-import updates rows instead of duplicating them.
 */
public final class CatalogWriter {

    private static final int BATCH = 500;

    private static final String UPSERT_ARTISTS = """
            INSERT INTO artists (name, source, external_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
            ON CONFLICT (source, external_id) DO UPDATE SET name = EXCLUDED.name
            RETURNING id, external_id""";

    private static final String UPSERT_TRACK = """
            INSERT INTO tracks (source, external_id, title, artist_id, artist_name, album, genre, tags, duration_sec,
                valence, energy, danceability, acousticness, instrumentalness, tempo, features_estimated,
                activity, rating, year, label, url, licence, loudness, mode, speechiness)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                $23, $24, $25)
            ON CONFLICT (source, external_id) DO UPDATE SET
                title = EXCLUDED.title, artist_id = EXCLUDED.artist_id, artist_name = EXCLUDED.artist_name,
                album = EXCLUDED.album, genre = EXCLUDED.genre, tags = EXCLUDED.tags, duration_sec = EXCLUDED.duration_sec,
                valence = EXCLUDED.valence, energy = EXCLUDED.energy, danceability = EXCLUDED.danceability,
                acousticness = EXCLUDED.acousticness, instrumentalness = EXCLUDED.instrumentalness, tempo = EXCLUDED.tempo,
                features_estimated = EXCLUDED.features_estimated, activity = EXCLUDED.activity, rating = EXCLUDED.rating,
                year = EXCLUDED.year, label = EXCLUDED.label, url = EXCLUDED.url, licence = EXCLUDED.licence,
                loudness = EXCLUDED.loudness, mode = EXCLUDED.mode, speechiness = EXCLUDED.speechiness,
                updated_at = now()""";

    private final Pool pool;

    public CatalogWriter(Pool pool) {
        this.pool = pool;
    }

    /** Upserts all tracks; {@code progress} receives the number written so far after each batch. */
    public Future<Long> upsert(List<TrackRecord> tracks, java.util.function.LongConsumer progress) {
        Future<Long> chain = Future.succeededFuture(0L);
        for (int from = 0; from < tracks.size(); from += BATCH) {
            List<TrackRecord> batch = tracks.subList(from, Math.min(tracks.size(), from + BATCH));
            chain = chain.compose(done -> writeBatch(batch).map(n -> {
                long total = done + n;
                progress.accept(total);
                return total;
            }));
        }
        return chain;
    }

    private Future<Long> writeBatch(List<TrackRecord> batch) {
        // Rows are written in key order (artists, then tracks), so two imports running at once (two nodes
        // starting on one database, an admin import during the start-up seed) lock rows in the same order and
        // wait for each other instead of deadlocking.
        List<TrackRecord> ordered = new ArrayList<>(batch);
        ordered.sort(java.util.Comparator.comparing(TrackRecord::externalId, java.util.Comparator.nullsFirst(String::compareTo)));
        return pool.withTransaction(conn -> {
            Map<String, String> artists = new java.util.TreeMap<>();
            String source = batch.get(0).source();
            for (TrackRecord t : batch) {
                artists.putIfAbsent(artistKey(t.artist()), t.artist());
            }
            Tuple artistRows = Tuple.of(
                    artists.values().toArray(String[]::new),
                    artists.keySet().stream().map(k -> source).toArray(String[]::new),
                    artists.keySet().toArray(String[]::new));
            return conn.preparedQuery(UPSERT_ARTISTS).execute(artistRows).compose(rows -> {
                Map<String, Long> ids = new HashMap<>();
                for (Row row : rows) {
                    ids.put(row.getString("external_id"), row.getLong("id"));
                }
                List<Tuple> tuples = new ArrayList<>(batch.size());
                for (TrackRecord t : ordered) {
                    tuples.add(tuple(t, ids.get(artistKey(t.artist()))));
                }
                return conn.preparedQuery(UPSERT_TRACK).executeBatch(tuples).map(r -> (long) batch.size());
            });
        });
    }

    static String artistKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Tuple tuple(TrackRecord t, Long artistId) {
        TrackRecord.Features f = t.features() == null ? TrackRecord.Features.NONE : t.features();
        return Tuple.from(new Object[] {
            t.source(), t.externalId(), t.title(), artistId, t.artist(), t.album(), t.genre(),
            t.tags().toArray(String[]::new), t.durationSec(),
            f(f.valence()), f(f.energy()), f(f.danceability()), f(f.acousticness()), f(f.instrumentalness()), f(f.tempo()),
            f.estimated(), t.activity() == null ? null : t.activity().shortValue(), f(t.rating()), t.year(), t.label(),
            t.url(), t.licence(), f(f.loudness()), f.mode() == null ? null : (short) Math.round(f.mode()), f(f.speechiness())
        });
    }

    private static Float f(Double d) {
        return d == null ? null : d.floatValue();
    }
}
