package dev.tunesmith.catalog.importer;

import dev.tunesmith.catalog.TrackRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the freemusi.cc database ({@code tracks.csv} joined by release {@code id} to
 * {@code releases.csv}) into tracks: genre, style tags, activity, rating, licence, year, MP3 url.
 * A track's key is {@code releaseId/disc/trackNo}. Features are estimated from genre and styles.
 */
public final class FreeMusicImporter {

    public static final String SOURCE = "freemusicc";

    private record Release(String album, String artist, String genre, List<String> styles, String label,
            String licence, Integer year) {}

    private final GenreFeatures genres;

    public FreeMusicImporter(GenreFeatures genres) {
        this.genres = genres;
    }

    /** Reads {@code dir/releases.csv} and {@code dir/tracks.csv}. Blocking. */
    public List<TrackRecord> parse(Path dir, ImportReport report) throws IOException {
        Path releasesFile = dir.resolve("releases.csv");
        Path tracksFile = dir.resolve("tracks.csv");
        for (Path p : List.of(releasesFile, tracksFile)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("missing " + p + " (expected a freemusi.cc folder with releases.csv and tracks.csv)");
            }
        }
        Map<String, Release> releases = releases(releasesFile, report);
        List<TrackRecord> tracks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(tracksFile, StandardCharsets.UTF_8), ',')) {
            Map<String, Integer> h = CsvReader.header(csv.next().orElseThrow(() -> new IOException("tracks.csv is empty")));
            require(h, "tracks.csv", "id", "title", "duration", "trackurl");
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                CsvReader.Record r = next.get();
                report.read(1);
                try {
                    String id = field(r, h, "id");
                    Release release = releases.get(id);
                    if (release == null) {
                        throw new IllegalArgumentException("unknown release id '" + id + "'");
                    }
                    String title = field(r, h, "title");
                    if (title.isBlank()) {
                        throw new IllegalArgumentException("empty title");
                    }
                    String key = id + "/" + orDefault(field(r, h, "disc"), "1") + "/" + orDefault(field(r, h, "track"), "0");
                    if (!seen.add(key)) {
                        throw new IllegalArgumentException("duplicate track " + key);
                    }
                    String artist = field(r, h, "trackartist");
                    if (artist.isBlank()) {
                        artist = release.artist();
                    }
                    Integer activity = unknownIfZero(intOrNull(field(r, h, "activity"), "activity", 0, 3));
                    Double rating = doubleOrNull(field(r, h, "rating"), "rating", 0, 5);
                    if (rating != null && rating == 0) {
                        rating = null; // 0 means "not rated" in freemusi.cc
                    }
                    Integer duration = intOrNull(field(r, h, "duration"), "duration", 0, 6 * 3600);
                    String url = field(r, h, "trackurl");
                    if (!url.isBlank() && !url.startsWith("http")) {
                        throw new IllegalArgumentException("trackurl is not an http(s) URL");
                    }
                    Set<String> tags = new LinkedHashSet<>();
                    if (release.genre() != null) {
                        tags.add(release.genre().toLowerCase(Locale.ROOT));
                    }
                    tags.addAll(release.styles());
                    List<String> tagList = List.copyOf(tags);
                    tracks.add(new TrackRecord(SOURCE, key, title.trim(), artist.trim(), release.album(), release.genre(),
                            tagList, duration, withActivity(genres.estimate(release.genre(), release.styles()), activity), activity, rating,
                            release.year(), release.label(), url.isBlank() ? null : url.replace("http://", "https://"),
                            release.licence()));
                } catch (IllegalArgumentException e) {
                    report.reject("tracks.csv", r.line(), e.getMessage());
                }
            }
        }
        return tracks;
    }

    private static Map<String, Release> releases(Path file, ImportReport report) throws IOException {
        Map<String, Release> releases = new HashMap<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), ',')) {
            Map<String, Integer> h = CsvReader.header(csv.next().orElseThrow(() -> new IOException("releases.csv is empty")));
            require(h, "releases.csv", "id", "album", "artist", "genre", "style");
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                CsvReader.Record r = next.get();
                try {
                    String id = field(r, h, "id");
                    if (id.isBlank()) {
                        throw new IllegalArgumentException("empty release id");
                    }
                    List<String> styles = new ArrayList<>();
                    for (String s : field(r, h, "style").split(",")) {
                        String tag = s.trim().toLowerCase(Locale.ROOT);
                        if (!tag.isEmpty() && !styles.contains(tag) && tag.length() <= 40) {
                            styles.add(tag);
                        }
                    }
                    String genre = field(r, h, "genre").trim();
                    releases.put(id, new Release(emptyToNull(field(r, h, "album")), field(r, h, "artist").trim(),
                            genre.isEmpty() ? null : genre, styles, emptyToNull(field(r, h, "label")),
                            emptyToNull(field(r, h, "licenseurl")), intOrNull(field(r, h, "year"), "year", 1900, 2100)));
                } catch (IllegalArgumentException e) {
                    report.reject("releases.csv", r.line(), e.getMessage());
                }
            }
        }
        return releases;
    }

    static void require(Map<String, Integer> header, String file, String... columns) throws IOException {
        for (String c : columns) {
            if (!header.containsKey(c)) {
                throw new IOException(file + " lacks the column '" + c + "'");
            }
        }
    }

    static String field(CsvReader.Record r, Map<String, Integer> h, String column) {
        Integer i = h.get(column);
        return i == null || i >= r.fields().size() ? "" : r.fields().get(i).trim();
    }

    static Integer intOrNull(String value, String name, int min, int max) {
        if (value == null || value.isBlank() || value.equals("?")) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (d < min || d > max) {
                throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
            }
            return (int) Math.round(d);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a number");
        }
    }

    static Double doubleOrNull(String value, String name, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (!(d >= min && d <= max)) {
                throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a number");
        }
    }

    /**
     * The genre table gives every track of a style the same features; the curators' per-track
     * activity (1 passive, 2 medium, 3 active) moves energy by ±0.15 and danceability by ±0.08.
     */
    static TrackRecord.Features withActivity(TrackRecord.Features f, Integer activity) {
        if (activity == null || f.energy() == null) {
            return f;
        }
        int step = activity - 2;
        return new TrackRecord.Features(f.valence(), clamp(f.energy() + 0.15 * step),
                f.danceability() == null ? null : clamp(f.danceability() + 0.08 * step), f.acousticness(), f.instrumentalness(),
                f.tempo(), f.estimated());
    }

    private static double clamp(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }

    /** freemusi.cc writes 0 for "not rated". */
    private static Integer unknownIfZero(Integer value) {
        return value == null || value == 0 ? null : value;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
