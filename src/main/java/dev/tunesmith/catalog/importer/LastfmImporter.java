package dev.tunesmith.catalog.importer;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * HetRec 2011 Last.fm 2K: artists become items (source {@code lastfm}), users become accounts that
 * cannot log in ({@code lastfm-<id>}), with play counts, tag assignments and friendships.
 * Upserts everywhere, so a re-import changes nothing.
 */
public final class LastfmImporter {

    public static final String SOURCE = "lastfm";
    private static final int CHUNK = 5000;

    /** An artist of {@code artists.dat}: its name (mojibake repaired) and Last.fm URL (may be null). */
    public record Artist(String name, String url) {}

    /** One line of {@code user_taggedartists.dat}: a user put {@code tag} on an artist ({@code day} null when the date is impossible). */
    public record Tagging(int user, int artist, String tag, LocalDate day) {}

    /** The parsed data set, keyed by the data set's own ids. */
    public record Data(Map<Integer, Artist> artists, Set<Integer> users, List<int[]> plays, List<Tagging> tags,
            List<int[]> friends) {}

    /** Reads the five files of the data set. Blocking. */
    public Data parse(Path dir, ImportReport report) throws IOException {
        Map<Integer, Artist> artists = new HashMap<>();
        each(dir.resolve("artists.dat"), StandardCharsets.UTF_8, report, f -> {
            artists.put(integer(f, 0, "id"), new Artist(TextRepair.repair(nonBlank(f, 1, "name")), f.size() > 2 ? f.get(2) : null));
        });
        Map<Integer, String> tagNames = new HashMap<>();
        each(dir.resolve("tags.dat"), StandardCharsets.ISO_8859_1, report, f -> tagNames.put(integer(f, 0, "tagID"), nonBlank(f, 1, "tagValue")));
        Set<Integer> users = new LinkedHashSet<>();
        List<int[]> plays = new ArrayList<>();
        each(dir.resolve("user_artists.dat"), StandardCharsets.UTF_8, report, f -> {
            int user = integer(f, 0, "userID");
            int artist = integer(f, 1, "artistID");
            int weight = integer(f, 2, "weight");
            if (!artists.containsKey(artist)) {
                throw new IllegalArgumentException("unknown artist " + artist);
            }
            if (weight < 0) {
                throw new IllegalArgumentException("negative play count");
            }
            users.add(user);
            plays.add(new int[] {user, artist, weight});
        });
        List<Tagging> tags = new ArrayList<>();
        each(dir.resolve("user_taggedartists.dat"), StandardCharsets.UTF_8, report, f -> {
            int user = integer(f, 0, "userID");
            int artist = integer(f, 1, "artistID");
            String tag = tagNames.get(integer(f, 2, "tagID"));
            if (tag == null || !artists.containsKey(artist)) {
                throw new IllegalArgumentException("unknown tag or artist");
            }
            LocalDate day = null;
            try {
                day = LocalDate.of(integer(f, 5, "year"), integer(f, 4, "month"), integer(f, 3, "day"));
            } catch (RuntimeException ignored) {
                // HetRec has a few impossible dates; the tag is kept without one
            }
            users.add(user);
            tags.add(new Tagging(user, artist, tag, day));
        });
        List<int[]> friends = new ArrayList<>();
        each(dir.resolve("user_friends.dat"), StandardCharsets.UTF_8, report, f -> {
            int a = integer(f, 0, "userID");
            int b = integer(f, 1, "friendID");
            if (a != b) {
                users.add(a);
                users.add(b);
                friends.add(new int[] {a, b});
            }
        });
        return new Data(artists, users, plays, tags, friends);
    }

    /** Writes the parsed data; {@code progress} gets a fraction in [0,1]. */
    public Future<Void> write(Pool pool, Data data, ImportReport report, Consumer<Double> progress) {
        return upsertUsers(pool, data.users()).compose(userIds -> upsertArtists(pool, data.artists()).compose(artistIds -> {
            List<Tuple> playRows = chunks(data.plays(), p -> new Object[] {userIds.get(p[0]), artistIds.get(p[1]), p[2]},
                    3);
            List<Tuple> tagRows = chunks(data.tags(), t -> new Object[] {userIds.get(t.user()), artistIds.get(t.artist()),
                    t.tag(), t.day()}, 4);
            List<Tuple> friendRows = chunks(data.friends(), f -> new Object[] {userIds.get(f[0]), userIds.get(f[1])}, 2);
            int total = playRows.size() + tagRows.size() + friendRows.size();
            int[] done = {0};
            Future<Void> chain = Future.succeededFuture();
            for (Tuple t : playRows) {
                chain = chain.compose(v -> pool.preparedQuery("""
                        INSERT INTO artist_plays (user_id, artist_id, plays)
                        SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[])
                        ON CONFLICT (user_id, artist_id) DO UPDATE SET plays = EXCLUDED.plays""").execute(t)
                        .map(r -> step(progress, ++done[0], total)));
            }
            for (Tuple t : tagRows) {
                chain = chain.compose(v -> pool.preparedQuery("""
                        INSERT INTO artist_tags (user_id, artist_id, tag, tagged_at)
                        SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::date[])
                        ON CONFLICT DO NOTHING""").execute(t).map(r -> step(progress, ++done[0], total)));
            }
            for (Tuple t : friendRows) {
                chain = chain.compose(v -> pool.preparedQuery("""
                        INSERT INTO friendships (user_id, friend_id)
                        SELECT * FROM unnest($1::bigint[], $2::bigint[])
                        ON CONFLICT DO NOTHING""").execute(t).map(r -> step(progress, ++done[0], total)));
            }
            return chain.onSuccess(v -> report.written(data.users().size() + data.artists().size() + data.plays().size()
                    + data.tags().size() + data.friends().size()));
        }));
    }

    private static Void step(Consumer<Double> progress, int done, int total) {
        progress.accept(done / (double) Math.max(1, total));
        return null;
    }

    private static Future<Map<Integer, Long>> upsertUsers(Pool pool, Set<Integer> users) {
        String[] names = users.stream().map(u -> "lastfm-" + u).toArray(String[]::new);
        String[] ids = users.stream().map(String::valueOf).toArray(String[]::new);
        return pool.preparedQuery("""
                INSERT INTO users (username, source, external_id)
                SELECT n, 'lastfm', e FROM unnest($1::text[], $2::text[]) AS x(n, e)
                ON CONFLICT (source, external_id) DO UPDATE SET username = EXCLUDED.username
                RETURNING id, external_id""").execute(Tuple.tuple().addValue(names).addValue(ids)).map(LastfmImporter::idMap);
    }

    private static Future<Map<Integer, Long>> upsertArtists(Pool pool, Map<Integer, Artist> artists) {
        List<Integer> keys = new ArrayList<>(artists.keySet());
        return pool.preparedQuery("""
                INSERT INTO artists (name, url, source, external_id)
                SELECT n, u, 'lastfm', e FROM unnest($1::text[], $2::text[], $3::text[]) AS x(n, u, e)
                ON CONFLICT (source, external_id) DO UPDATE SET name = EXCLUDED.name, url = EXCLUDED.url
                RETURNING id, external_id""").execute(Tuple.of(
                        keys.stream().map(k -> artists.get(k).name()).toArray(String[]::new),
                        keys.stream().map(k -> artists.get(k).url()).toArray(String[]::new),
                        keys.stream().map(String::valueOf).toArray(String[]::new)))
                .map(LastfmImporter::idMap);
    }

    private static Map<Integer, Long> idMap(io.vertx.sqlclient.RowSet<Row> rows) {
        Map<Integer, Long> map = new HashMap<>();
        for (Row row : rows) {
            map.put(Integer.parseInt(row.getString("external_id")), row.getLong("id"));
        }
        return map;
    }

    /** Column-wise arrays of at most {@link #CHUNK} rows, for {@code unnest}. */
    private static <T> List<Tuple> chunks(List<T> rows, java.util.function.Function<T, Object[]> toRow, int width) {
        List<Tuple> tuples = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Object[][] columns = new Object[width][part.size()];
            for (int i = 0; i < part.size(); i++) {
                Object[] row = toRow.apply(part.get(i));
                for (int c = 0; c < width; c++) {
                    columns[c][i] = row[c];
                }
            }
            Object[] typed = new Object[width];
            for (int c = 0; c < width; c++) {
                typed[c] = typedArray(columns[c]);
            }
            tuples.add(Tuple.from(typed));
        }
        return tuples;
    }

    private static Object typedArray(Object[] column) {
        Object sample = null;
        for (Object o : column) {
            if (o != null) {
                sample = o;
                break;
            }
        }
        if (sample instanceof Long) {
            return java.util.Arrays.copyOf(column, column.length, Long[].class);
        }
        if (sample instanceof Integer) {
            return java.util.Arrays.copyOf(column, column.length, Integer[].class);
        }
        if (sample instanceof LocalDate || sample == null) {
            return java.util.Arrays.copyOf(column, column.length, LocalDate[].class);
        }
        return java.util.Arrays.copyOf(column, column.length, String[].class);
    }

    private interface RowConsumer {
        void accept(List<String> fields);
    }

    private static void each(Path file, Charset charset, ImportReport report, RowConsumer consumer) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing " + file + " (expected the HetRec Last.fm 2K folder)");
        }
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, charset), '\t', false)) {
            csv.next(); // header
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                report.read(1);
                try {
                    consumer.accept(next.get().fields());
                } catch (IllegalArgumentException e) {
                    report.reject(file.getFileName().toString(), next.get().line(), e.getMessage());
                }
            }
        }
    }

    private static int integer(List<String> f, int i, String name) {
        if (i >= f.size()) {
            throw new IllegalArgumentException("missing column " + name);
        }
        try {
            return Integer.parseInt(f.get(i).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + f.get(i) + "' is not a whole number");
        }
    }

    private static String nonBlank(List<String> f, int i, String name) {
        if (i >= f.size() || f.get(i).isBlank()) {
            throw new IllegalArgumentException("empty " + name);
        }
        return f.get(i).trim();
    }
}
