package dev.tunesmith.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.config.AppConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void should_create_every_table_on_an_empty_database_and_be_idempotent() throws Exception {
        // given an empty database
        TestSupport.dropSchema();
        AppConfig.Database db = TestSupport.config().db();

        // when
        int first = Migrations.migrate(db);
        int second = Migrations.migrate(db);

        // then
        assertTrue(first >= 1);
        assertEquals(0, second);
        Set<String> tables = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String t : List.of("users", "artists", "tracks", "events", "friendships", "artist_plays", "artist_tags", "playlists",
                "playlist_items", "conversations", "messages", "chat_memory", "artifacts", "jobs", "models", "eval_runs", "audit_log")) {
            assertTrue(tables.contains(t), "missing table " + t);
        }
    }
}
