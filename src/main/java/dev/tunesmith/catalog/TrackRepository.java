package dev.tunesmith.catalog;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Catalog queries. Hidden tracks are never listed. */
public final class TrackRepository {

    /** A page of tracks and the total number that match. */
    public record Page(List<Track> items, long total) {}

    /** A track after an administrator's edit: what the edit can change. */
    public record Edited(long id, String title, boolean hidden, List<String> tags) {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Pool pool;

    public TrackRepository(Pool pool) {
        this.pool = pool;
    }

    /** Full-text search (prefix matching on every word of {@code q}) filtered by an optional tag. */
    public Future<Page> search(String q, String tag, int limit, int offset) {
        String tsquery = toTsQuery(q);
        String where = " WHERE NOT hidden AND ($1::text IS NULL OR search @@ to_tsquery('simple', $1))"
                + " AND ($2::text IS NULL OR $2 = ANY(tags))";
        String order = tsquery == null ? " ORDER BY rating DESC NULLS LAST, id" : " ORDER BY ts_rank(search, to_tsquery('simple', $1)) DESC, id";
        Tuple args = Tuple.of(tsquery, tag == null || tag.isBlank() ? null : tag.trim().toLowerCase());
        Future<List<Track>> items = pool.preparedQuery("SELECT " + Track.COLUMNS + " FROM tracks" + where + order
                        + " LIMIT " + limit + " OFFSET " + offset)
                .execute(args).map(rows -> {
                    List<Track> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(Track.from(row));
                    }
                    return list;
                });
        Future<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM tracks" + where).execute(args)
                .map(rows -> rows.iterator().next().getLong("n"));
        return Future.all(items, total).map(cf -> new Page(items.result(), total.result()));
    }

    public Future<Optional<Track>> find(long id) {
        return pool.preparedQuery("SELECT " + Track.COLUMNS + " FROM tracks WHERE id = $1 AND NOT hidden").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(Track.from(rows.iterator().next())) : Optional.empty());
    }

    /** Tracks by id, in the order asked (unknown or hidden ids are left out). */
    public Future<List<Track>> findMany(List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery("SELECT " + Track.COLUMNS + " FROM tracks WHERE id = ANY($1) AND NOT hidden")
                .execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
                    java.util.Map<Long, Track> byId = new java.util.HashMap<>();
                    rows.forEach(r -> byId.put(r.getLong("id"), Track.from(r)));
                    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
                });
    }

    /** The visible tracks of an artist (by name, case-insensitive), albums together, at most {@code limit}. */
    public Future<List<Track>> byArtist(String artist, int limit) {
        return list("SELECT " + Track.COLUMNS + " FROM tracks WHERE NOT hidden AND (artist_id IN (SELECT id FROM artists WHERE lower(name) = lower($1)) "
                + "OR lower(artist_name) = lower($1)) ORDER BY year NULLS LAST, album NULLS LAST, id LIMIT " + limit, Tuple.of(artist));
    }

    /** The visible tracks of one album of an artist, in catalogue order. */
    public Future<List<Track>> album(String artist, String album) {
        return list("SELECT " + Track.COLUMNS + " FROM tracks WHERE NOT hidden AND lower(artist_name) = lower($1) AND lower(album) = lower($2) "
                + "ORDER BY id LIMIT 500", Tuple.of(artist, album));
    }

    private Future<List<Track>> list(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Track> out = new ArrayList<>();
            rows.forEach(r -> out.add(Track.from(r)));
            return out;
        });
    }

    /**
     * An administrator's edit: hide or show the track, retitle it, replace its tags (a null leaves the
     * field as it is). Empty when there is no such track (hidden tracks included).
     */
    public dev.tunesmith.platform.db.Change<Optional<Edited>> edit(long id, Boolean hidden, String title, List<String> tags) {
        return client -> client.preparedQuery("UPDATE tracks SET hidden = coalesce($2, hidden), title = coalesce($3, title), "
                        + "tags = coalesce($4, tags), updated_at = now() WHERE id = $1 RETURNING id, title, hidden, tags")
                .execute(Tuple.of(id, hidden, title, tags == null ? null : tags.toArray(String[]::new))).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<Edited>empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Edited(r.getLong("id"), r.getString("title"), r.getBoolean("hidden"),
                            java.util.Arrays.asList(r.getArrayOfStrings("tags"))));
                });
    }

    /** {@code "boards of can"} → {@code boards:* & of:* & can:*}; null when there is no word. */
    static String toTsQuery(String q) {
        if (q == null) {
            return null;
        }
        Matcher m = WORD.matcher(q.toLowerCase());
        List<String> terms = new ArrayList<>();
        while (m.find() && terms.size() < 16) {
            terms.add(m.group() + ":*");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }
}
