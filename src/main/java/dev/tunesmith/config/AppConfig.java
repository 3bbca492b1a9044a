package dev.tunesmith.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, typed and validated once at start-up by {@link ConfigLoader}.
 * Every key, its default and its environment override are documented in {@code config/README.md}.
 */
public record AppConfig(Http http, Database db, Auth auth, Agent agent, Data data, Library library, Cluster cluster,
        Recommender recommender) {

    /**
     * The served recommender: the hyper-parameters {@code ./tunesmith run} trains with and
     * {@code ./tunesmith eval} measures as its {@code served} row (one trainer, one configuration), and
     * {@code autoActivate}: a finished training job makes its model live at once (false: it is stored and an
     * admin compares it and presses "make live"; the first model of an empty database is always live).
     */
    public record Recommender(double easeLambda, int easeMinSupport, int easeMaxItems, int alsFactors, double alsLambda,
            double alsAlpha, int alsIterations, int alsCgSteps, int rp3K, double rp3Alpha, double rp3Beta, int itemKnnK,
            double itemKnnShrink, boolean content, boolean friends, boolean popularity, long seed, boolean easeWeighted,
            double easeTagWeight, double alsTagWeight, boolean autoActivate) {

        /** The defaults documented in {@code config/README.md} (the same as the served recommender's own). */
        public static final Recommender DEFAULTS = new Recommender(3000, 3, 6000, 64, 1.25, 2.0, 15, 3, 100, 1.0, 0.25,
                100, 10, true, true, true, 20110101L, true, 1.0, 0, false);

        public Recommender withAutoActivate(boolean on) {
            return new Recommender(easeLambda, easeMinSupport, easeMaxItems, alsFactors, alsLambda, alsAlpha, alsIterations, alsCgSteps,
                    rp3K, rp3Alpha, rp3Beta, itemKnnK, itemKnnShrink, content, friends, popularity, seed, easeWeighted,
                    easeTagWeight, alsTagWeight, on);
        }
    }




    /** The same configuration with other data locations (tests run on a small catalogue this way). */
    public AppConfig withData(Data other) {
        return new AppConfig(http, db, auth, agent, other, library, cluster, recommender);
    }

    /**
     * HTTP server settings. {@code idleTimeout}: a connection with no traffic either way for this long is
     * closed (chat sockets are pinged well within it); {@code headerTimeout}: a connection must deliver a
     * complete request head within this time of opening or of its previous response (slow-header clients).
     */
    public record Http(String host, int port, long bodyLimitBytes, List<String> allowedOrigins, Path webroot, Duration wsAuthTimeout,
            Duration idleTimeout, Duration headerTimeout) {}

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

    /**
     * Chat agent settings; an empty base URL means offline agent only. {@code turnTimeout} is the hard
     * deadline of one LLM attempt (its HTTP stream is cancelled then and the offline agent answers);
     * {@code streamStallTimeout} ends an LLM stream that sends nothing for that long.
     */
    public record Agent(Optional<String> ollamaBaseUrl, String ollamaModel, Duration ollamaTimeout, Duration turnTimeout,
            Duration streamStallTimeout) {}

    /**
     * Where data lives. The model folders are empty to use the weights shipped in the jar, or a
     * folder written by {@code ./tunesmith train melody|lyrics} (or a dashboard training job).
     */
    public record Data(Path demoCatalog, Path sharedData, Optional<Path> melodyModel, Optional<Path> lyricsModel) {}

    /**
     * Your own music: folders scanned at start-up ({@code defaultPaths}, empty for none), the
     * ffmpeg/ffprobe binaries, scan parallelism, the per-track caps of the analysis (audio seconds
     * read, wall-clock time) and how long signed stream URLs live (for {@code <audio>} and for
     * exported playlists).
     */
    public record Library(List<Path> defaultPaths, String ffmpeg, String ffprobe, int workers, double maxAnalysisSeconds,
            Duration decodeTimeout, Duration streamUrlTtl, Duration exportUrlTtl) {}

    /**
     * Clustered serving. With no members the node runs alone (no cluster manager is started).
     *
     * @param members {@code host:port} of every Hazelcast member (this node included), TCP discovery only
     * @param port this node's Hazelcast port
     * @param host the address this node binds and announces for Hazelcast and the clustered event bus
     * @param jobLease how long a node's lease on a queued job lasts without a heartbeat before another node retries it
     */
    public record Cluster(List<String> members, int port, String host, Duration jobLease) {
        /** Whether this node joins a cluster. */
        public boolean enabled() {
            return !members.isEmpty();
        }
    }
}
