package dev.tunesmith.catalog.importer;

import static dev.tunesmith.catalog.importer.FreeMusicImporter.doubleOrNull;

import dev.tunesmith.catalog.TrackRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a Spotify-style audio-features CSV: columns are found by name in any order, case, spacing
 * and punctuation aside ("Track Name", "track_name" and "trackname" are one column): name/title/
 * track name, artist/artists/artist name(s), album, id/track id/uri, valence, energy, danceability,
 * acousticness, instrumentalness, tempo, loudness (dB), mode (0/1), speechiness, duration_ms/
 * duration (ms)/length_ms, duration_sec, or length/duration (milliseconds when ≥ 10,000, else
 * seconds: Spotify's API and the Kaggle exports give milliseconds), genre/genres. Unknown
 * columns (a mood label among them) are ignored. Features are measured.
 */
public final class FeaturesImporter {

    public static final String SOURCE = "spotify";

    /** Blocking. */
    public List<TrackRecord> parse(Path file, ImportReport report) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        List<TrackRecord> tracks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), ',')) {
            Map<String, Integer> h = canonical(CsvReader.header(csv.next().orElseThrow(() -> new IOException(file + " is empty"))));
            String name = first(h, "name", "title", "trackname", "songname", "track", "song");
            String artist = first(h, "artist", "artists", "artistname", "artistnames", "performer");
            String id = first(h, "id", "trackid", "uri", "trackuri", "spotifyid", "spotifyuri");
            if (name == null || artist == null || id == null) {
                throw new IOException(file.getFileName() + " needs columns for name (name/title), artist (artist/artists) and id");
            }
            String name0 = name;
            String artist0 = artist;
            String id0 = id;
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                CsvReader.Record r = next.get();
                report.read(1);
                try {
                    String key = get(r, h, id0);
                    String title = get(r, h, name0);
                    String performer = cleanArtist(get(r, h, artist0));
                    if (key.isBlank() || title.isBlank() || performer.isBlank()) {
                        throw new IllegalArgumentException("id, name and artist are required");
                    }
                    if (!seen.add(key)) {
                        throw new IllegalArgumentException("duplicate id " + key);
                    }
                    Double tempo = doubleOrNull(get(r, h, "tempo"), "tempo", 0, 400);
                    TrackRecord.Features features = new TrackRecord.Features(
                            unit(r, h, "valence"), unit(r, h, "energy"), unit(r, h, "danceability"),
                            unit(r, h, "acousticness"), unit(r, h, "instrumentalness"), tempo, false,
                            doubleOrNull(get(r, h, "loudness"), "loudness", -80, 10), mode(get(r, h, "mode")),
                            unit(r, h, "speechiness"));
                    Integer duration = null;
                    String msColumn = first(h, "durationms", "lengthms");
                    String secColumn = first(h, "durationsec", "durations", "durationseconds", "lengthsec", "lengths");
                    String anyColumn = first(h, "length", "duration");
                    Double ms = msColumn == null ? null : doubleOrNull(get(r, h, msColumn), "duration_ms", 0, 6 * 3600_000.0);
                    Double sec = secColumn == null ? null : doubleOrNull(get(r, h, secColumn), "duration_sec", 0, 6 * 3600.0);
                    Double any = anyColumn == null ? null : doubleOrNull(get(r, h, anyColumn), anyColumn, 0, 6 * 3600_000.0);
                    if (ms != null) {
                        duration = (int) Math.round(ms / 1000);
                    } else if (sec != null) {
                        duration = (int) Math.round(sec);
                    } else if (any != null) {
                        duration = (int) Math.round(any >= 10_000 ? any / 1000 : any);
                    }
                    String genreColumn = first(h, "genre", "genres", "artistgenres");
                    String genre = genreColumn == null ? "" : cleanArtist(get(r, h, genreColumn));
                    List<String> tags = genre.isBlank() ? List.of() : List.of(genre.toLowerCase(Locale.ROOT));
                    String albumColumn = first(h, "album", "albumname");
                    String album = albumColumn == null ? "" : get(r, h, albumColumn);
                    tracks.add(new TrackRecord(SOURCE, key, title, performer, album.isBlank() ? null : album,
                            genre.isBlank() ? null : genre, tags, duration, features, null, null, null, null, null, null));
                } catch (IllegalArgumentException e) {
                    report.reject(file.getFileName().toString(), r.line(), e.getMessage());
                }
            }
        }
        return tracks;
    }

    private static Double mode(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "1", "1.0", "major" -> 1.0;
            case "0", "0.0", "minor" -> 0.0;
            default -> throw new IllegalArgumentException("mode must be 0 or 1 (got '" + v + "')");
        };
    }

    private static Double unit(CsvReader.Record r, Map<String, Integer> h, String column) {
        return doubleOrNull(get(r, h, column), column, 0, 1);
    }

    /** Column names without case, spaces or punctuation ("Duration (ms)" → "durationms"). */
    private static Map<String, Integer> canonical(Map<String, Integer> header) {
        Map<String, Integer> c = new java.util.HashMap<>();
        header.forEach((k, v) -> c.merge(k.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), v, Math::min));
        return c;
    }

    private static String first(Map<String, Integer> h, String... names) {
        for (String n : names) {
            if (h.containsKey(n)) {
                return n;
            }
        }
        return null;
    }

    private static String get(CsvReader.Record r, Map<String, Integer> h, String column) {
        return FreeMusicImporter.field(r, h, column);
    }

    /** {@code "['A', 'B']"} (the Kaggle datasets' list syntax) becomes {@code A}. */
    static String cleanArtist(String raw) {
        String s = raw.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
            int comma = s.indexOf("', ");
            if (comma > 0) {
                s = s.substring(0, comma + 1);
            }
            s = s.replaceAll("^[\"']|[\"']$", "");
        }
        return s.trim();
    }
}
