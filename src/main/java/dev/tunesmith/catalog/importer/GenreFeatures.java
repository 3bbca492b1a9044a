package dev.tunesmith.catalog.importer;

import dev.tunesmith.catalog.TrackRecord.Features;
import dev.tunesmith.recommend.mood.GenreSounds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates audio features of a track that has none from its genre and style tags, using a table
 * of mean Spotify features per genre ({@code data_by_genres.csv}, or the derived copy shipped in
 * {@code catalog/genre-features.csv}). Genre-name matches are averaged (exact, or spelt alike:
 * {@link GenreSounds#key}, so "drum &amp; bass" finds "drum and bass"); when none match, genres
 * containing the tag as a word are. Results are flagged {@code estimated}.
 */
public final class GenreFeatures {

    private static final String SHIPPED = "/catalog/genre-features.csv";

    private record Row(double valence, double energy, double danceability, double acousticness,
            double instrumentalness, double tempo) {}

    private final Map<String, Row> byName;
    /** The rows by {@link #key}, the first name in order for a key two names share. */
    private final Map<String, Row> byKey = new HashMap<>();
    private final Map<String, List<Row>> byWord = new HashMap<>();

    private GenreFeatures(Map<String, Row> byName) {
        this.byName = byName;
        new java.util.TreeMap<>(byName).forEach((name, row) -> {
            byKey.putIfAbsent(GenreSounds.key(name), row);
            for (String word : name.split("[ \\-&/]+")) {
                if (word.length() >= 3) {
                    byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(row);
                }
            }
        });
    }

    /** The derived table shipped on the classpath. */
    public static GenreFeatures shipped() {
        try (InputStream in = GenreFeatures.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SHIPPED);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED, e);
        }
    }

    /** A table read from a {@code data_by_genres.csv}-shaped file. */
    public static GenreFeatures fromFile(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static GenreFeatures read(Reader reader) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        try (CsvReader csv = new CsvReader(reader, ',')) {
            Map<String, Integer> h = CsvReader.header(csv.next().orElseThrow(() -> new IOException("empty genre table")));
            for (String column : List.of("genres", "valence", "energy", "danceability", "acousticness", "instrumentalness", "tempo")) {
                if (!h.containsKey(column)) {
                    throw new IOException("genre table lacks column '" + column + "'");
                }
            }
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                List<String> f = next.get().fields();
                try {
                    rows.put(f.get(h.get("genres")).trim().toLowerCase(Locale.ROOT), new Row(
                            Double.parseDouble(f.get(h.get("valence"))), Double.parseDouble(f.get(h.get("energy"))),
                            Double.parseDouble(f.get(h.get("danceability"))), Double.parseDouble(f.get(h.get("acousticness"))),
                            Double.parseDouble(f.get(h.get("instrumentalness"))), Double.parseDouble(f.get(h.get("tempo")))));
                } catch (RuntimeException ignored) {
                    // a malformed row in a lookup table only loses that genre
                }
            }
        }
        return new GenreFeatures(rows);
    }

    public int size() {
        return byName.size();
    }

    /** The genre names of this table (used to derive the shipped subset). */
    public boolean knows(String genre) {
        return byName.containsKey(genre.toLowerCase(Locale.ROOT));
    }

    /** Estimated features for a genre and tags, or {@link Features#NONE} when nothing matches. */
    public Features estimate(String genre, List<String> tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.toLowerCase(Locale.ROOT).trim()));
        if (genre != null) {
            names.add(genre.toLowerCase(Locale.ROOT).trim());
        }
        List<Row> matches = new ArrayList<>();
        for (String name : names) {
            Row row = byName.getOrDefault(name, byKey.get(GenreSounds.key(name)));
            if (row != null) {
                matches.add(row);
            }
        }
        if (matches.isEmpty()) {
            for (String name : names) {
                List<Row> rows = byWord.get(name);
                if (rows != null) {
                    matches.addAll(rows.subList(0, Math.min(rows.size(), 50)));
                }
            }
        }
        if (matches.isEmpty()) {
            return Features.NONE;
        }
        double v = 0, e = 0, d = 0, a = 0, i = 0, t = 0;
        for (Row r : matches) {
            v += r.valence();
            e += r.energy();
            d += r.danceability();
            a += r.acousticness();
            i += r.instrumentalness();
            t += r.tempo();
        }
        int n = matches.size();
        return new Features(round(v / n), round(e / n), round(d / n), round(a / n), round(i / n), Math.round(t / n * 10) / 10.0, true);
    }

    /**
     * Writes, as CSV, the rows that {@link #estimate} can use for these tags: genres named like a
     * tag or containing one as a word. Estimates from the subset equal those from the full table.
     */
    public String subsetCsv(java.util.Set<String> tags) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        tags.forEach(t -> keys.add(GenreSounds.key(t)));
        StringBuilder sb = new StringBuilder("genres,valence,energy,danceability,acousticness,instrumentalness,tempo\n");
        byName.entrySet().stream().filter(en -> tags.contains(en.getKey()) || keys.contains(GenreSounds.key(en.getKey()))
                || java.util.Arrays.stream(en.getKey().split("[ \\-&/]+")).anyMatch(tags::contains))
                .sorted(Map.Entry.comparingByKey()).forEach(en -> {
            Row r = en.getValue();
            String name = en.getKey().contains(",") ? '"' + en.getKey() + '"' : en.getKey();
            sb.append(name).append(',').append(round(r.valence())).append(',').append(round(r.energy())).append(',')
                    .append(round(r.danceability())).append(',').append(round(r.acousticness())).append(',')
                    .append(round(r.instrumentalness())).append(',').append(Math.round(r.tempo() * 10) / 10.0).append('\n');
        });
        return sb.toString();
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
