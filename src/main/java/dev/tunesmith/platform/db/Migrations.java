package dev.tunesmith.platform.db;

import dev.tunesmith.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations in {@code sql/} with Flyway over JDBC. Blocking: call it from
 * a worker thread ({@code vertx.executeBlocking}) or before Vert.x starts, never on an event loop.
 */
public final class Migrations {

    private Migrations() {}

    /** Migrates the database to the newest version and returns how many migrations ran. */
    public static int migrate(AppConfig.Database db) {
        MigrateResult result = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations(location())
                .connectRetries(10)
                .connectRetriesInterval(2)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** {@code sql/} of the working directory when present (development), else the copy on the classpath. */
    private static String location() {
        Path dir = Path.of("sql");
        return Files.isDirectory(dir) ? "filesystem:" + dir.toAbsolutePath() : "classpath:db/migration";
    }
}
