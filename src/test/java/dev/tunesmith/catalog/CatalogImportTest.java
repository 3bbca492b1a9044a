package dev.tunesmith.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.catalog.importer.ImportReport;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports into the real test database: idempotence and counts. */
class CatalogImportTest extends AppTestBase {


    @TempDir
    Path dir;


    private long count(String sql) {
        Row row = app.pool().query(sql).execute().await().iterator().next();
        return row.getLong(0);
    }

    @Test
    void should_write_two_overlapping_imports_at_once_without_a_deadlock() {
        // given: two imports of the same source whose batches hold the same 300 artists in opposite orders
        java.util.List<dev.tunesmith.catalog.TrackRecord> forward = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            forward.add(new dev.tunesmith.catalog.TrackRecord("concurrency-test", "t" + i, "Track " + i, "Artist " + (i % 300), null, "ambient",
                    java.util.List.of("ambient"), 200, null, null, null, null, null, null, null));
        }
        java.util.List<dev.tunesmith.catalog.TrackRecord> backward = new java.util.ArrayList<>(forward);
        java.util.Collections.reverse(backward);
        var writer = new dev.tunesmith.catalog.importer.CatalogWriter(app.pool());

        // when: both run at the same time, several rounds
        for (int round = 0; round < 5; round++) {
            var a = writer.upsert(forward, n -> {});
            var b = writer.upsert(backward, n -> {});
            io.vertx.core.Future.all(a, b).await();
        }

        // then: every row once
        assertEquals(600, count("SELECT count(*) FROM tracks WHERE source = 'concurrency-test'"));
        assertEquals(300, count("SELECT count(*) FROM artists WHERE source = 'concurrency-test'"));
    }

    @Test
    void should_have_loaded_the_demo_catalog_on_first_start() {
        assertTrue(count("SELECT count(*) FROM tracks WHERE source = 'freemusicc'") > 20_000);
    }

    @Test
    void should_import_a_features_csv_twice_without_duplicates() throws Exception {
        Path file = dir.resolve("f.csv");
        Files.writeString(file, "id,name,artist,valence,energy,tempo\nit-1,Song One,Band,0.5,0.6,100\nit-2,Song Two,Band,0.1,0.2,80\n");
        ImportReport first = app.imports().run(CatalogImportService.Kind.FEATURES, file, p -> {}).await();
        ImportReport second = app.imports().run(CatalogImportService.Kind.FEATURES, file, p -> {}).await();
        assertEquals(2, first.rowsWritten());
        assertEquals(2, second.rowsWritten());
        assertEquals(2, count("SELECT count(*) FROM tracks WHERE source = 'spotify' AND external_id LIKE 'it-%'"));
        assertEquals(1, count("SELECT count(*) FROM artists WHERE source = 'spotify' AND external_id = 'band'"));
    }

    @Test
    void should_import_hetrec_lastfm_idempotently() {
        Path data = TestSupport.sharedData().resolve("lastfm-hetrec2k");
        app.imports().run(CatalogImportService.Kind.LASTFM, data, p -> {}).await();
        long plays = count("SELECT count(*) FROM artist_plays");
        long users = count("SELECT count(*) FROM users WHERE source = 'lastfm'");
        long friends = count("SELECT count(*) FROM friendships");
        app.imports().run(CatalogImportService.Kind.LASTFM, data, p -> {}).await();
        assertEquals(92_834, plays);
        assertEquals(1_892, users);
        assertEquals(25_434, friends);
        assertEquals(plays, count("SELECT count(*) FROM artist_plays"));
        assertEquals(users, count("SELECT count(*) FROM users WHERE source = 'lastfm'"));
        assertEquals(17_632, count("SELECT count(*) FROM artists WHERE source = 'lastfm'"));
    }

    /**
     * Independent of the repair code: a UTF-8 lead byte read as Latin-1/1252 ("Ã", "Ä", "â"...) followed by as many
     * continuation bytes as it announces ("Ã¤", "Ä\u008d", "â€™"); "à\u00a0Grégoire" (à, then one no-break space) is fine.
     */
    private static final String CONT = "[\\u0080-\\u00BF\\u20AC\\u201A-\\u201E\\u2018-\\u2019\\u201C\\u201D\\u2013\\u2014\\u2122"
            + "\\u0160\\u0161\\u017D\\u017E\\u0152\\u0153\\u0178\\u02C6\\u02DC\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u0192]";
    private static final java.util.regex.Pattern MOJIBAKE = java.util.regex.Pattern.compile(
            "[\\u00C2-\\u00DF]" + CONT + "|[\\u00E0-\\u00EF]" + CONT + "{2}|[\\u00F0-\\u00F4]" + CONT + "{3}");

    private long mojibake(String column) {
        long n = 0;
        for (Row r : app.pool().query("SELECT " + column + " AS v FROM tracks WHERE " + column + " ~ '[^ -~]'").execute().await()) {
            if (MOJIBAKE.matcher(r.getString("v")).find()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void should_leave_no_mojibake_titles_or_artists_after_importing_the_demo_catalogue() throws Exception {
        // given the shipped demo catalogue, which was regenerated with the repair: not one field left to repair
        ImportReport report = app.imports().run(CatalogImportService.Kind.DEMO, TestSupport.config().data().demoCatalog(), p -> {}).await();
        assertTrue(report.rowsWritten() > 20_000);
        assertEquals(0, report.repairedTitles() + report.repairedArtists(), report.toString());
        long shipped = 0;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(TestSupport.config().data().demoCatalog())), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (MOJIBAKE.matcher(line).find()) {
                    shipped++;
                }
            }
        }
        assertEquals(0, shipped, "lines of the shipped demo catalogue with mojibake");

        // then the catalogue holds no double-encoded text, and the repaired names are there
        assertEquals(0, mojibake("title"), "titles with mojibake");
        assertEquals(0, mojibake("artist_name"), "artists with mojibake");
        assertEquals(0, count("SELECT count(*) FROM artists WHERE name ~ '\u00C3[\u0080-\u00BF]'"));
        assertTrue(count("SELECT count(*) FROM tracks WHERE title = 'Señor Acero' AND artist_name = '0p0'") == 1);
        assertTrue(count("SELECT count(*) FROM tracks WHERE artist_name = 'Adriano Orrù'") > 0);
    }

    @Test
    void should_repair_and_report_double_encoded_text_on_import() throws Exception {
        Path file = dir.resolve("moji.csv");
        Files.writeString(file, "id,name,artist,album,valence\nmj-1,MÃºsica para Khaos,AitÃ¤nna77,CafÃ©,0.5\nmj-2,Plain,Ärzte,,0.4\n");
        ImportReport report = app.imports().run(CatalogImportService.Kind.FEATURES, file, p -> {}).await();
        assertEquals(1, report.repairedTitles(), report.toString());
        assertEquals(1, report.repairedArtists());
        assertEquals(1, report.toJson().getJsonObject("repairedText").getLong("titles"));
        assertTrue(report.toString().contains("repaired double-encoded text: 1 titles, 1 artists"), report.toString());
        assertEquals(1, count("SELECT count(*) FROM tracks WHERE external_id = 'mj-1' AND title = 'Música para Khaos' AND artist_name = 'Aitänna77'"));
        assertEquals(1, count("SELECT count(*) FROM tracks WHERE external_id = 'mj-2' AND artist_name = 'Ärzte'"));
    }

    @Test
    void should_repair_mojibake_already_stored_by_an_older_import() {
        // given a row as an import without the repair stored it
        app.pool().query("INSERT INTO tracks (source, external_id, title, artist_name, album) VALUES "
                + "('spotify', 'mojibake-1', 'MÃºsica para Khaos', 'AitÃ¤nna77', 'CafÃ©') ON CONFLICT DO NOTHING").execute().await();

        // when
        long repaired = app.imports().repairStoredText().await();

        // then
        assertTrue(repaired >= 1);
        Row r = app.pool().query("SELECT title, artist_name, album FROM tracks WHERE external_id = 'mojibake-1'").execute().await().iterator().next();
        assertEquals("Música para Khaos", r.getString("title"));
        assertEquals("Aitänna77", r.getString("artist_name"));
        assertEquals("Café", r.getString("album"));
        assertEquals(0, app.imports().repairStoredText().await());
    }

    @Test
    void should_reject_a_missing_path_with_a_clear_error() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> app.imports().run(CatalogImportService.Kind.FREEMUSICC, dir.resolve("nope"), p -> {}).await());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
