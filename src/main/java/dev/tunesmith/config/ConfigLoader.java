package dev.tunesmith.config;


import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code config/tunesmith.json}, applies environment overrides and validates the result.
 * Any problem is a {@link ConfigException} naming the key, so the server fails fast at start-up.
 */
public final class ConfigLoader {

    private final Map<String, String> env;
    private final Path home;

    public ConfigLoader(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** Loads from the real environment and the user's home directory. */
    public static AppConfig fromEnvironment() {
        return new ConfigLoader(System.getenv(), Path.of(System.getProperty("user.home"))).load();
    }

    public AppConfig load() {
        Path file = Path.of(env.getOrDefault("TUNESMITH_CONFIG", "config/tunesmith.json"));
        return load(readJson(file));
    }

    /** Builds the config from an already parsed defaults object plus the environment. */
    public AppConfig load(JsonObject json) {
        JsonObject http = section(json, "http");
        JsonObject db = section(json, "db");
        JsonObject auth = section(json, "auth");
        JsonObject agent = section(json, "agent");
        JsonObject data = section(json, "data");
        JsonObject library = section(json, "library");
        JsonObject cluster = section(json, "cluster");
        JsonObject recommender = section(json, "recommender");

        var httpConfig = new AppConfig.Http(
                env.getOrDefault("TUNESMITH_HOST", string(http, "http.host", "0.0.0.0")),
                range("PORT", env.get("PORT"), integer(http, "http.port", 8080), 0, 65535),
                range("http.bodyLimitBytes", null, integer(http, "http.bodyLimitBytes", 1 << 20), 1024, 64 << 20),
                origins(http),
                Path.of(env.getOrDefault("TUNESMITH_WEBROOT", string(http, "http.webroot", "webroot"))),
                Duration.ofMillis(range("TUNESMITH_WS_AUTH_TIMEOUT_MS", env.get("TUNESMITH_WS_AUTH_TIMEOUT_MS"),
                        integer(http, "http.wsAuthTimeoutMs", 10_000), 100, 600_000)),
                Duration.ofMillis(range("TUNESMITH_HTTP_IDLE_TIMEOUT_MS", env.get("TUNESMITH_HTTP_IDLE_TIMEOUT_MS"),
                        integer(http, "http.idleTimeoutMs", 60_000), 30_000, 3_600_000)),
                Duration.ofMillis(range("TUNESMITH_HTTP_HEADER_TIMEOUT_MS", env.get("TUNESMITH_HTTP_HEADER_TIMEOUT_MS"),
                        integer(http, "http.headerTimeoutMs", 10_000), 100, 600_000)));

        return new AppConfig(httpConfig, database(db), auth(auth), agent(agent), new AppConfig.Data(
                Path.of(string(data, "data.demoCatalog", "src/main/resources/catalog/demo-tracks.csv.gz")),
                Path.of(env.getOrDefault("TUNESMITH_SHARED_DATA", string(data, "data.sharedData", "../shared/data"))),
                modelDir("TUNESMITH_MELODY_MODEL", env.getOrDefault("TUNESMITH_MELODY_MODEL", string(data, "data.melodyModel", ""))),
                modelDir("TUNESMITH_LYRICS_MODEL", env.getOrDefault("TUNESMITH_LYRICS_MODEL", string(data, "data.lyricsModel", "")))),
                library(library), cluster(cluster), recommender(recommender).withAutoActivate(
                        bool("TUNESMITH_AUTO_ACTIVATE", env.get("TUNESMITH_AUTO_ACTIVATE"), recommender, "recommender.autoActivate", false)));
    }

    private AppConfig.Library library(JsonObject library) {
        List<Path> paths = new ArrayList<>();
        String fromEnv = env.get("TUNESMITH_LIBRARY_DEFAULT");
        if (fromEnv != null) {
            Arrays.stream(fromEnv.split(":")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).forEach(paths::add);
        } else {
            for (Object o : library.getJsonArray("defaultPaths", new JsonArray())) {
                paths.add(Path.of(String.valueOf(o)));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new AppConfig.Library(List.copyOf(paths),
                nonBlank("TUNESMITH_FFMPEG", env.getOrDefault("TUNESMITH_FFMPEG", string(library, "library.ffmpeg", "ffmpeg"))),
                nonBlank("TUNESMITH_FFPROBE", env.getOrDefault("TUNESMITH_FFPROBE", string(library, "library.ffprobe", "ffprobe"))),
                range("TUNESMITH_LIBRARY_WORKERS", env.get("TUNESMITH_LIBRARY_WORKERS"),
                        integer(library, "library.workers", Math.max(1, cores / 2)), 1, 64),
                range("library.maxAnalysisSeconds", null, integer(library, "library.maxAnalysisSeconds", 4 * 3600), 0, 48 * 3600),
                Duration.ofSeconds(range("library.decodeTimeoutSeconds", null, integer(library, "library.decodeTimeoutSeconds", 600), 1, 24 * 3600)),
                Duration.ofMinutes(range("library.streamUrlTtlMinutes", null, integer(library, "library.streamUrlTtlMinutes", 360), 1, 60 * 24 * 7)),
                Duration.ofHours(range("library.exportUrlTtlHours", null, integer(library, "library.exportUrlTtlHours", 24 * 7), 1, 24 * 365)));
    }

    private AppConfig.Cluster cluster(JsonObject cluster) {
        List<String> members = new ArrayList<>();
        String fromEnv = env.get("TUNESMITH_CLUSTER_MEMBERS");
        if (fromEnv != null) {
            Arrays.stream(fromEnv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(members::add);
        } else {
            for (Object o : cluster.getJsonArray("members", new JsonArray())) {
                members.add(String.valueOf(o).trim());
            }
        }
        for (String m : members) {
            if (!m.matches("[A-Za-z0-9_.\\-]+:\\d{1,5}") || Integer.parseInt(m.substring(m.lastIndexOf(':') + 1)) > 65535) {
                throw new ConfigException("TUNESMITH_CLUSTER_MEMBERS: '" + m + "' is not host:port (comma-separated, e.g. 10.0.0.1:5701,10.0.0.2:5701)");
            }
        }
        int port = range("TUNESMITH_CLUSTER_PORT", env.get("TUNESMITH_CLUSTER_PORT"), integer(cluster, "cluster.port", 5701), 1, 65535);
        String host = nonBlank("TUNESMITH_CLUSTER_HOST", env.getOrDefault("TUNESMITH_CLUSTER_HOST", string(cluster, "cluster.host", "127.0.0.1")).trim());
        Duration lease = Duration.ofMillis(range("TUNESMITH_JOB_LEASE_MS", env.get("TUNESMITH_JOB_LEASE_MS"),
                integer(cluster, "cluster.jobLeaseMs", 30_000), 1_000, 3_600_000));
        return new AppConfig.Cluster(List.copyOf(members), port, host, lease);
    }

    /** The {@code recommender} section alone (defaults in {@link AppConfig.Recommender#DEFAULTS}). */
    public static AppConfig.Recommender recommender(JsonObject r) {
        AppConfig.Recommender d = AppConfig.Recommender.DEFAULTS;
        try {
            return new AppConfig.Recommender(
                    positive(r, "recommender.easeLambda", d.easeLambda()),
                    range("recommender.easeMinSupport", null, integer(r, "recommender.easeMinSupport", d.easeMinSupport()), 1, 1_000_000),
                    range("recommender.easeMaxItems", null, integer(r, "recommender.easeMaxItems", d.easeMaxItems()), 1, 20_000),
                    range("recommender.alsFactors", null, integer(r, "recommender.alsFactors", d.alsFactors()), 1, 1024),
                    positive(r, "recommender.alsLambda", d.alsLambda()),
                    positive(r, "recommender.alsAlpha", d.alsAlpha()),
                    range("recommender.alsIterations", null, integer(r, "recommender.alsIterations", d.alsIterations()), 1, 200),
                    range("recommender.alsCgSteps", null, integer(r, "recommender.alsCgSteps", d.alsCgSteps()), 0, 50),
                    range("recommender.rp3K", null, integer(r, "recommender.rp3K", d.rp3K()), 1, 10_000),
                    positive(r, "recommender.rp3Alpha", d.rp3Alpha()),
                    positive(r, "recommender.rp3Beta", d.rp3Beta()),
                    range("recommender.itemKnnK", null, integer(r, "recommender.itemKnnK", d.itemKnnK()), 1, 10_000),
                    positive(r, "recommender.itemKnnShrink", d.itemKnnShrink()),
                    bool(r, "recommender.content", d.content()),
                    bool(r, "recommender.friends", d.friends()),
                    bool(r, "recommender.popularity", d.popularity()),
                    r.getValue("seed") instanceof Number n ? n.longValue() : d.seed(),
                    bool(r, "recommender.easeWeighted", d.easeWeighted()),
                    rangeD(r, "recommender.easeTagWeight", d.easeTagWeight(), 0, 10),
                    rangeD(r, "recommender.alsTagWeight", d.alsTagWeight(), 0, 10),
                    bool(r, "recommender.autoActivate", d.autoActivate()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static double positive(JsonObject section, String key, double fallback) {
        Object value = section.getValue(key.substring(key.indexOf('.') + 1));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
            throw new ConfigException("config key '" + key + "' must be a number ≥ 0");
        }
        return n.doubleValue();
    }

    private static double rangeD(JsonObject section, String key, double fallback, double min, double max) {
        double v = positive(section, key, fallback);
        if (v < min || v > max) {
            throw new ConfigException("config key '" + key + "' must be between " + min + " and " + max + " (got " + v + ")");
        }
        return v;
    }

    private static boolean bool(JsonObject section, String key, boolean fallback) {
        Object value = section.getValue(key.substring(key.indexOf('.') + 1));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new ConfigException("config key '" + key + "' must be true or false");
        }
        return b;
    }

    private static Optional<Path> modelDir(String key, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value.trim());
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(key + " must be a folder written by ./tunesmith train (not found: " + dir + ")");
        }
        return Optional.of(dir);
    }

    private AppConfig.Database database(JsonObject db) {
        String url = env.getOrDefault("TUNESMITH_DB_URL", string(db, "db.url", null));
        if (url == null || url.isBlank()) {
            throw new ConfigException("db.url (TUNESMITH_DB_URL) is required: postgresql://user:pass@host:port/db");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TUNESMITH_DB_URL is not a URL: expected postgresql://user:pass@host:port/db");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new ConfigException("TUNESMITH_DB_URL must start with postgresql:// (got scheme '" + uri.getScheme() + "')");
        }
        if (uri.getHost() == null) {
            throw new ConfigException("TUNESMITH_DB_URL has no host: expected postgresql://user:pass@host:port/db");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isBlank()) {
            throw new ConfigException("TUNESMITH_DB_URL names no database: expected postgresql://user:pass@host:port/db");
        }
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        int poolSize = range("TUNESMITH_DB_POOL_SIZE", env.get("TUNESMITH_DB_POOL_SIZE"),
                integer(db, "db.poolSize", 16), 1, 200);
        return new AppConfig.Database(
                url, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password, poolSize,
                millis(db, "db.connectTimeoutMs", 3000),
                millis(db, "db.acquireTimeoutMs", 3000),
                millis(db, "db.statementTimeoutMs", 10000),
                range("db.maxWaitQueue", null, integer(db, "db.maxWaitQueue", 512), 1, 100_000));
    }

    private AppConfig.Auth auth(JsonObject auth) {
        String secret = env.get("TUNESMITH_JWT_SECRET");
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < 32) {
                throw new ConfigException("TUNESMITH_JWT_SECRET must be at least 32 characters (256 bits)");
            }
        } else {
            String configured = env.getOrDefault("TUNESMITH_JWT_SECRET_FILE", string(auth, "auth.secretFile", ""));
            Path file = configured.isBlank() ? home.resolve(".config/tunesmith/jwt-secret") : Path.of(configured);
            secret = readOrCreateSecret(file);
        }
        Optional<String> adminPassword = Optional.ofNullable(env.get("TUNESMITH_ADMIN_PASSWORD")).filter(p -> !p.isEmpty());
        if (adminPassword.isPresent() && adminPassword.get().length() < 8) {
            throw new ConfigException("TUNESMITH_ADMIN_PASSWORD must be at least 8 characters");
        }
        return new AppConfig.Auth(
                nonBlank("auth.issuer", string(auth, "auth.issuer", "tunesmith")),
                nonBlank("auth.audience", string(auth, "auth.audience", "tunesmith-app")),
                Duration.ofMinutes(range("auth.tokenTtlMinutes", null, integer(auth, "auth.tokenTtlMinutes", 720), 1, 60 * 24 * 30)),
                range("auth.pbkdf2Iterations", null, integer(auth, "auth.pbkdf2Iterations", 210_000), 1_000, 10_000_000),
                secret,
                adminPassword);
    }

    private AppConfig.Agent agent(JsonObject agent) {
        String base = env.getOrDefault("OLLAMA_BASE_URL", string(agent, "agent.ollamaBaseUrl", "")).trim();
        if (!base.isEmpty() && !base.matches("https?://.+")) {
            throw new ConfigException("OLLAMA_BASE_URL must be an http(s) URL, e.g. http://localhost:11434 (got '" + base + "')");
        }
        return new AppConfig.Agent(
                base.isEmpty() ? Optional.empty() : Optional.of(base.replaceAll("/+$", "")),
                nonBlank("OLLAMA_MODEL", env.getOrDefault("OLLAMA_MODEL", string(agent, "agent.ollamaModel", "llama3.1"))),
                millis(agent, "agent.ollamaTimeoutMs", 60_000),
                Duration.ofMillis(range("TUNESMITH_AGENT_TURN_TIMEOUT_MS", env.get("TUNESMITH_AGENT_TURN_TIMEOUT_MS"),
                        integer(agent, "agent.turnTimeoutMs", 45_000), 100, 3_600_000)),
                Duration.ofMillis(range("TUNESMITH_AGENT_STALL_TIMEOUT_MS", env.get("TUNESMITH_AGENT_STALL_TIMEOUT_MS"),
                        integer(agent, "agent.streamStallTimeoutMs", 20_000), 100, 3_600_000)));
    }

    private List<String> origins(JsonObject http) {
        List<String> origins = new ArrayList<>();
        String fromEnv = env.get("TUNESMITH_ALLOWED_ORIGINS");
        if (fromEnv != null) {
            Arrays.stream(fromEnv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(origins::add);
        } else {
            JsonArray array = http.getJsonArray("allowedOrigins", new JsonArray());
            for (Object o : array) {
                origins.add(String.valueOf(o));
            }
        }
        for (String origin : origins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new ConfigException("TUNESMITH_ALLOWED_ORIGINS: '" + origin
                        + "' is not an origin (scheme://host[:port], no path)");
            }
        }
        return List.copyOf(origins);
    }

    private static String readOrCreateSecret(Path file) {
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file).trim();
                if (secret.length() < 32) {
                    throw new ConfigException("JWT secret file " + file + " holds fewer than 32 characters");
                }
                return secret;
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the default permissions
            }
            return secret;
        } catch (IOException e) {
            throw new ConfigException("cannot read or create the JWT secret file " + file + ": " + e.getMessage()
                    + " (set TUNESMITH_JWT_SECRET or TUNESMITH_JWT_SECRET_FILE)");
        }
    }

    private static JsonObject readJson(Path file) {
        try {
            return new JsonObject(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (DecodeException e) {
            throw new ConfigException("config file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    private static JsonObject section(JsonObject json, String key) {
        Object value = json.getValue(key);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw new ConfigException("config key '" + key + "' must be an object");
        }
        return object;
    }

    private static String string(JsonObject section, String key, String fallback) {
        Object value = section.getValue(key.substring(key.indexOf('.') + 1));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new ConfigException("config key '" + key + "' must be a string");
        }
        return s;
    }

    private static boolean bool(String envName, String envValue, JsonObject section, String key, boolean fallback) {
        if (envValue != null && !envValue.isBlank()) {
            return switch (envValue.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new ConfigException(envName + " must be true or false, not '" + envValue + "'");
            };
        }
        Object value = section.getValue(key.substring(key.indexOf('.') + 1));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw new ConfigException("config key '" + key + "' must be true or false");
        }
        return b;
    }

    private static int integer(JsonObject section, String key, int fallback) {
        Object value = section.getValue(key.substring(key.indexOf('.') + 1));
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ConfigException("config key '" + key + "' must be a whole number");
        }
        return n.intValue();
    }

    private static Duration millis(JsonObject section, String key, int fallback) {
        return Duration.ofMillis(range(key, null, integer(section, key, fallback), 1, 3_600_000));
    }

    private static int range(String key, String override, int value, int min, int max) {
        int v = value;
        if (override != null && !override.isBlank()) {
            try {
                v = Integer.parseInt(override.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key + " must be a whole number (got '" + override + "')");
            }
        }
        if (v < min || v > max) {
            throw new ConfigException(key + " must be between " + min + " and " + max + " (got " + v + ")");
        }
        return v;
    }

    private static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " must not be empty");
        }
        return value;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
