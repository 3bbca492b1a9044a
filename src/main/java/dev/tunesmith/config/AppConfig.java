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

    /**
     * The served recommender: the hyper-parameters {@code ./tunesmith run} trains with and
     * {@code ./tunesmith eval} measures as its {@code served} row (one trainer, one configuration).
     */
    public record Recommender(double easeLambda, int easeMinSupport, int easeMaxItems, int alsFactors, double alsLambda,
            double alsAlpha, int alsIterations, int alsCgSteps, int rp3K, double rp3Alpha, double rp3Beta, int itemKnnK,
            double itemKnnShrink, boolean content, boolean friends, boolean popularity, long seed) {

        /** The defaults documented in {@code config/README.md} (the same as the served recommender's own). */
        public static final Recommender DEFAULTS = new Recommender(75, 3, 6000, 64, 1.25, 2.0, 15, 3, 100, 1.0, 0.25,
                100, 10, true, true, true, 20110101L);
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
