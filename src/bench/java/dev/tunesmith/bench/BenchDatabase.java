package dev.tunesmith.bench;

import dev.tunesmith.config.AppConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away database for one benchmark run, on the configured PostgreSQL server: created empty
 * (the server migrates it when it starts), dropped on {@link #close()}. Benchmarks never write into
 * the product database.
 */
final class BenchDatabase implements AutoCloseable {

    private final AppConfig.Database server;
    private final String name;

    private BenchDatabase(AppConfig.Database server, String name) {
        this.server = server;
        this.name = name;
    }

    static BenchDatabase create(AppConfig.Database server) throws SQLException {
        String name = String.format(Locale.ROOT, "tunesmith_bench_%d_%04x", ProcessHandle.current().pid(),
                ThreadLocalRandom.current().nextInt(0x10000));
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(server, name);
    }

    String name() {
        return name;
    }

    /** {@code postgresql://user:pass@host:port/name}, for {@code TUNESMITH_DB_URL}. */
    String url() {
        return String.format(Locale.ROOT, "postgresql://%s:%s@%s:%d/%s", enc(server.user()), enc(server.password()), server.host(),
                server.port(), name);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin(AppConfig.Database server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres", server.user(),
                server.password());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
