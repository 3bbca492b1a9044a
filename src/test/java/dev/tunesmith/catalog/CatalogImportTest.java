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

    @Test
    void should_reject_a_missing_path_with_a_clear_error() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> app.imports().run(CatalogImportService.Kind.FREEMUSICC, dir.resolve("nope"), p -> {}).await());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
