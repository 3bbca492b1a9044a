package dev.tunesmith.catalog.importer;

import static dev.tunesmith.catalog.importer.FreeMusicImporter.doubleOrNull;

import dev.tunesmith.catalog.TrackRecord;
import java.io.BufferedReader;
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
import java.util.function.BiConsumer;

/**
 * Parses a Spotify-style audio-features CSV: columns are found by name in any order, case, spacing
 * and punctuation aside ("Track Name", "track_name" and "trackname" are one column): name/title/
 * track name, artist/artists/artist name(s), album, id/track id/uri, valence, energy, danceability,
 * acousticness, instrumentalness, tempo/bpm, loudness (dB), mode (0/1, major/minor), speechiness,
 * duration_ms/duration (ms)/length_ms, duration_sec, or length/duration (milliseconds when ≥ 10,000,
 * else seconds: Spotify's API and the Kaggle exports give milliseconds), genre/genres. Unknown
 * columns (a mood label among them) are ignored. Features are measured.
 *
 * <p>What real exports differ in is read too: the separator is the header's most frequent one of
 * comma, semicolon and tab (with a semicolon or tab, a decimal comma is a decimal point); a feature
 * whose header says {@code %} ("valence_%") is on a 0–100 scale; a file without an id column keys
 * each row by artist and title, one without a name column titles it by its id, and one without an
 * artist column files it under "Unknown artist". A row must still have what its file's columns
 * promise: a blank id, name or artist in a column that exists rejects that row.
 */
public final class FeaturesImporter {

    public static final String SOURCE = "spotify";

    /** Blocking. */
    public List<TrackRecord> parse(Path file, ImportReport report) throws IOException {
        return parse(file, report, null, (t, v) -> { });
    }

    /**
     * Blocking. Also hands each imported track's value of the column {@code aside} (found by name
     * like the others) to {@code seen}, never to the track: the mood bench reads its labels so,
     * keyed exactly as the import keys its rows.
     */
    public List<TrackRecord> parse(Path file, ImportReport report, String aside, BiConsumer<TrackRecord, String> seen)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        List<TrackRecord> tracks = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        char separator = separator(in);
        try (CsvReader csv = new CsvReader(in, separator)) {
            Map<String, Integer> raw = CsvReader.header(csv.next().orElseThrow(() -> new IOException(file + " is empty")));
            Map<String, Integer> h = canonical(raw);
            Set<String> percent = percentColumns(raw);
            Columns c = new Columns(
                    first(h, "name", "title", "trackname", "songname", "track", "song"),
                    first(h, "artist", "artists", "artistname", "artistnames", "artistsname", "performer"),
                    first(h, "id", "trackid", "uri", "trackuri", "spotifyid", "spotifyuri"),
                    first(h, "tempo", "bpm"),
                    first(h, "durationms", "lengthms"),
                    first(h, "durationsec", "durations", "durationseconds", "lengthsec", "lengths"),
                    first(h, "length", "duration"),
                    first(h, "genre", "genres", "artistgenres", "trackgenre"),
                    first(h, "album", "albumname"));
            if (c.name() == null && c.id() == null) {
                throw new IOException(file.getFileName() + " needs a column for the track's name (name/title) or id (id/uri)");
            }
            Numbers n = new Numbers(h, percent, separator != ',');
            String asideColumn = aside == null ? null : canonical(Map.of(aside.toLowerCase(Locale.ROOT), 0)).keySet().iterator().next();
            if (asideColumn != null && !h.containsKey(asideColumn)) {
                throw new IOException(file.getFileName() + " has no column '" + aside + "'");
            }
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                CsvReader.Record r = next.get();
                report.read(1);
                try {
                    String title = c.name() == null ? get(r, h, c.id()) : get(r, h, c.name());
                    String performer = c.artist() == null ? UNKNOWN_ARTIST : cleanArtist(get(r, h, c.artist()));
                    String key = c.id() == null ? performer.toLowerCase(Locale.ROOT) + " / " + title.toLowerCase(Locale.ROOT) : get(r, h, c.id());
                    if (key.isBlank() || title.isBlank() || performer.isBlank()) {
                        throw new IllegalArgumentException(c.id() == null ? "name and artist are required" : "id, name and artist are required");
                    }
                    if (!keys.add(key)) {
                        throw new IllegalArgumentException(c.id() == null ? "duplicate track " + title + " by " + performer : "duplicate id " + key);
                    }
                    Double tempo = c.tempo() == null ? null : n.value(r, c.tempo(), 0, 400);
                    TrackRecord.Features features = new TrackRecord.Features(
                            n.unit(r, "valence"), n.unit(r, "energy"), n.unit(r, "danceability"),
                            n.unit(r, "acousticness"), n.unit(r, "instrumentalness"), tempo, false,
                            n.value(r, "loudness", -80, 10), mode(get(r, h, "mode")), n.unit(r, "speechiness"));
                    Integer duration = null;
                    Double ms = c.ms() == null ? null : n.value(r, c.ms(), 0, 6 * 3600_000.0);
                    Double sec = c.sec() == null ? null : n.value(r, c.sec(), 0, 6 * 3600.0);
                    Double any = c.anyLength() == null ? null : n.value(r, c.anyLength(), 0, 6 * 3600_000.0);
                    if (ms != null) {
                        duration = (int) Math.round(ms / 1000);
                    } else if (sec != null) {
                        duration = (int) Math.round(sec);
                    } else if (any != null) {
                        duration = (int) Math.round(any >= 10_000 ? any / 1000 : any);
                    }
                    String genre = c.genre() == null ? "" : cleanArtist(get(r, h, c.genre()));
                    List<String> tags = genre.isBlank() ? List.of() : List.of(genre.toLowerCase(Locale.ROOT));
                    String album = c.album() == null ? "" : get(r, h, c.album());
                    TrackRecord track = new TrackRecord(SOURCE, key, title, performer, album.isBlank() ? null : album,
                            genre.isBlank() ? null : genre, tags, duration, features, null, null, null, null, null, null);
                    tracks.add(track);
                    if (asideColumn != null) {
                        seen.accept(track, get(r, h, asideColumn));
                    }
                } catch (IllegalArgumentException e) {
                    report.reject(file.getFileName().toString(), r.line(), e.getMessage());
                }
            }
        }
        return tracks;
    }

    /** What a row without an artist column is filed under. */
    public static final String UNKNOWN_ARTIST = "Unknown artist";

    /** The canonical names of the file's columns read by name (found once, from the header), or null where it has none. */
    private record Columns(String name, String artist, String id, String tempo, String ms, String sec, String anyLength, String genre,
            String album) {}

    /** Reads one file's numbers: its percent columns scaled to 0–1, decimal commas where the separator allows them. */
    private record Numbers(Map<String, Integer> h, Set<String> percent, boolean decimalComma) {

        Double unit(CsvReader.Record r, String column) {
            boolean pct = percent.contains(column);
            Double v = value(r, column, 0, pct ? 100 : 1);
            return v == null || !pct ? v : Double.valueOf(v / 100);
        }

        Double value(CsvReader.Record r, String column, double min, double max) {
            String v = get(r, h, column);
            return doubleOrNull(decimalComma ? v.replace(',', '.') : v, column, min, max);
        }
    }

    /**
     * The separator of a file whose first line is its header: whichever of comma, semicolon and tab
     * occurs most often there outside quotes (comma on a tie). Leaves the reader at the start.
     */
    static char separator(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        int[] count = new int[3];
        boolean quoted = false;
        for (int i = 0, ch; i < (1 << 16) - 1 && (ch = in.read()) != -1 && (quoted || ch != '\n'); i++) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (ch) {
                    case ',' -> count[0]++;
                    case ';' -> count[1]++;
                    case '\t' -> count[2]++;
                    default -> { }
                }
            }
        }
        in.reset();
        return count[1] > count[0] && count[1] >= count[2] ? ';' : count[2] > count[0] && count[2] > count[1] ? '\t' : ',';
    }

    /** The canonical names of the columns whose header gives a percentage ("valence_%", "Energy (%)"). */
    private static Set<String> percentColumns(Map<String, Integer> header) {
        Set<String> percent = new HashSet<>();
        header.keySet().stream()
                .filter(k -> k.contains("%") || k.contains("percent") || k.endsWith("pct"))
                .map(k -> k.replace("percent", "").replaceAll("pct$", "").replaceAll("[^a-z0-9]", ""))
                .forEach(percent::add);
        return percent;
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

    /** Column names without case, spaces, punctuation or a percent word ("Duration (ms)" → "durationms"). */
    private static Map<String, Integer> canonical(Map<String, Integer> header) {
        Map<String, Integer> c = new java.util.HashMap<>();
        header.forEach((k, v) -> c.merge(k.toLowerCase(Locale.ROOT).replace("percent", "").replaceAll("pct$", "")
                .replaceAll("[^a-z0-9]", ""), v, Math::min));
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
