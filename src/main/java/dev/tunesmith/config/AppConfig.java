package dev.tunesmith.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, typed and validated once at start-up by {@link ConfigLoader}.
 * Every key, its default and its environment override are documented in {@code config/README.md}.
 */
public record AppConfig(Http http, Database db, Auth auth, Agent agent, Data data, Recommender recommender) {

    /** The five sections before {@code recommender} existed; the recommender gets its defaults. */
    public AppConfig(Http http, Database db, Auth auth, Agent agent, Data data) {
        this(http, db, auth, agent, data, Recommender.DEFAULTS);
    }

    /**
     * Recommender serving. {@code autoActivate}: a finished training job makes its model live at once
     * (false: it is stored and an admin compares it and presses "make live"). The first model of an
     * empty database is always made live, so there is something to serve.
     */
    public record Recommender(boolean autoActivate) {
        public static final Recommender DEFAULTS = new Recommender(false);
    }


    /** HTTP server settings. */
    public record Http(String host, int port, long bodyLimitBytes, List<String> allowedOrigins, Path webroot, Duration wsAuthTimeout) {}

    /** PostgreSQL connection settings; {@code url} is {@code postgresql://user:pass@host:port/db}. */
    public record Database(
            String url,
            String host,
            int port,
            String database,
            String user,
            String password,
            int poolSize,
            Duration connectTimeout,
            Duration acquireTimeout,
            Duration statementTimeout,
            int maxWaitQueue) {

        /** The JDBC URL of the same database, used only by Flyway. */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return "Database[" + user + "@" + host + ":" + port + "/" + database + ", pool=" + poolSize + "]";
        }
    }

    /** Token and password settings. The secret is never logged. */
    public record Auth(
            String issuer,
            String audience,
            Duration tokenTtl,
            int pbkdf2Iterations,
            String jwtSecret,
            Optional<String> adminPassword) {

        @Override
        public String toString() {
            return "Auth[iss=" + issuer + ", aud=" + audience + ", ttl=" + tokenTtl + "]";
        }
    }

    /** Chat agent settings; an empty base URL means offline agent only. */
    public record Agent(Optional<String> ollamaBaseUrl, String ollamaModel, Duration ollamaTimeout) {}

    /**
     * Where data lives. The model folders are empty to use the weights shipped in the jar, or a
     * folder written by {@code ./tunesmith train melody|lyrics} (or a dashboard training job).
     */
    public record Data(Path demoCatalog, Path sharedData, Optional<Path> melodyModel, Optional<Path> lyricsModel) {}
}
