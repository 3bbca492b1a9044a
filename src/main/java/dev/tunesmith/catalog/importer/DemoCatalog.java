package dev.tunesmith.catalog.importer;

import dev.tunesmith.catalog.TrackRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The demo catalog shipped with Tunesmith: tracks derived from the freemusi.cc database
 * (CC BY-SA 4.0, see {@code catalog/ATTRIBUTION.md}), already joined, tagged and with estimated
 * features, as a gzipped CSV. Its keys equal the freemusi.cc importer's, so importing the full
 * data set later updates these rows instead of duplicating them.
 */
public final class DemoCatalog {

    private static final List<String> COLUMNS = List.of("source", "external_id", "title", "artist", "album", "genre", "tags",
            "duration_sec", "valence", "energy", "danceability", "acousticness", "instrumentalness", "tempo",
            "features_estimated", "activity", "rating", "year", "label", "url", "licence");

    private DemoCatalog() {}

    /** Writes tracks in the demo format. */
    public static void write(List<TrackRecord> tracks, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)),
                StandardCharsets.UTF_8))) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (TrackRecord t : tracks) {
                TrackRecord.Features f = t.features();
                List<Object> values = Arrays.asList(t.source(), t.externalId(), t.title(), t.artist(), t.album(), t.genre(),
                        String.join("|", t.tags()), t.durationSec(), f.valence(), f.energy(), f.danceability(),
                        f.acousticness(), f.instrumentalness(), f.tempo(), f.estimated(), t.activity(), t.rating(), t.year(),
                        t.label(), t.url(), t.licence());
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(quote(values.get(i)));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** Reads the demo catalog from a file, or from the classpath copy when the file is absent. */
    public static List<TrackRecord> read(Path file, ImportReport report) throws IOException {
        InputStream raw = Files.isRegularFile(file) ? Files.newInputStream(file)
                : DemoCatalog.class.getResourceAsStream("/catalog/demo-tracks.csv.gz");
        if (raw == null) {
            throw new IOException("demo catalog not found at " + file + " nor on the classpath");
        }
        List<TrackRecord> tracks = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8), ',')) {
            Map<String, Integer> h = CsvReader.header(csv.next().orElseThrow(() -> new IOException("empty demo catalog")));
            FreeMusicImporter.require(h, "demo catalog", COLUMNS.toArray(String[]::new));
            Optional<CsvReader.Record> next;
            while ((next = csv.next()).isPresent()) {
                CsvReader.Record r = next.get();
                report.read(1);
                try {
                    String tags = get(r, h, "tags");
                    tracks.add(new TrackRecord(get(r, h, "source"), get(r, h, "external_id"), get(r, h, "title"),
                            get(r, h, "artist"), blank(get(r, h, "album")), blank(get(r, h, "genre")),
                            tags.isEmpty() ? List.of() : List.of(tags.split("\\|")),
                            FreeMusicImporter.intOrNull(get(r, h, "duration_sec"), "duration_sec", 0, 6 * 3600),
                            new TrackRecord.Features(d(r, h, "valence"), d(r, h, "energy"), d(r, h, "danceability"),
                                    d(r, h, "acousticness"), d(r, h, "instrumentalness"), d(r, h, "tempo"),
                                    Boolean.parseBoolean(get(r, h, "features_estimated"))),
                            FreeMusicImporter.intOrNull(get(r, h, "activity"), "activity", 1, 3), d(r, h, "rating"),
                            FreeMusicImporter.intOrNull(get(r, h, "year"), "year", 1900, 2100), blank(get(r, h, "label")),
                            blank(get(r, h, "url")), blank(get(r, h, "licence"))));
                } catch (IllegalArgumentException e) {
                    report.reject("demo catalog", r.line(), e.getMessage());
                }
            }
        }
        return tracks;
    }

    private static String get(CsvReader.Record r, Map<String, Integer> h, String c) {
        return FreeMusicImporter.field(r, h, c);
    }

    private static Double d(CsvReader.Record r, Map<String, Integer> h, String c) {
        return FreeMusicImporter.doubleOrNull(get(r, h, c), c, 0, 1000);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
