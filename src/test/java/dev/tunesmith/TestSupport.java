package dev.tunesmith;

import dev.tunesmith.app.Server;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tunesmith.config.AppConfig;
import dev.tunesmith.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared test set-up: the real test database ({@code tunesmith_test}, created by {@code ./tunesmith test}),
 * a config pointing at it, and helpers to start the real application on a free port.
 */
public final class TestSupport {

    public static final String JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private static boolean schemaReset;
    private static final AtomicInteger USERS = new AtomicInteger();

    private TestSupport() {}

    public static String dbUrl() {
        String env = System.getenv("TUNESMITH_TEST_DB_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return System.getProperty("tunesmith.test.db.url", "postgresql://tunesmith:tunesmith@127.0.0.1:5432/tunesmith_test");
    }

    /** The test configuration, with extra environment variables layered on top. */
    public static AppConfig config(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("TUNESMITH_DB_URL", dbUrl());
        env.put("PORT", "0");
        env.put("TUNESMITH_HOST", "127.0.0.1");
        env.put("TUNESMITH_JWT_SECRET", JWT_SECRET);
        env.put("TUNESMITH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extraEnv);
        try {
            return new ConfigLoader(env, Files.createTempDirectory("tunesmith-home")).load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppConfig config() {
        return config(Map.of());
    }

    /** Drops and recreates the public schema once per test JVM, so every run starts from an empty database. */
    public static synchronized void freshSchemaOnce() {
        if (!schemaReset) {
            dropSchema();
            schemaReset = true;
        }
    }

    /** Empties the database completely (the next start migrates it again). */
    public static void dropSchema() {
        jdbc("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }

    /** Runs SQL over JDBC (test set-up only). */
    public static void jdbc(String sql) {
        AppConfig.Database db = config().db();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + db + " is not reachable: " + e.getMessage()
                    + " (run the tests through ./tunesmith test, which creates it)", e);
        }
    }

    /** Starts the real application against the test database on a free port. */
    public static Server startApp(Vertx vertx) {
        return startApp(vertx, config());
    }

    public static Server startApp(Vertx vertx, AppConfig config) {
        freshSchemaOnce();
        return Server.start(vertx, config).await();
    }

    /** {@code ../shared/data}, or a skipped test with a message when it is absent. */
    public static Path sharedData() {
        Path path = Path.of(System.getProperty("tunesmith.shared.data", "../shared/data"));
        assumeTrue(Files.isDirectory(path), "skipped: real data folder " + path.toAbsolutePath()
                + " is absent (CI has it at ../shared/data)");
        return path;
    }

    /** A username no other test uses. */
    public static String uniqueUser(String prefix) {
        return (prefix + "-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet()).toLowerCase();
    }

    /** Registers a user and returns its login token. */
    public static String registerAndLogin(WebClient client, int port, String username) {
        JsonObject creds = new JsonObject().put("username", username).put("password", "password-" + username);
        HttpResponse<Buffer> reg = client.post(port, "127.0.0.1", "/api/auth/register").sendJsonObject(creds).await();
        if (reg.statusCode() != 201) {
            throw new IllegalStateException("register failed: " + reg.bodyAsString());
        }
        return login(client, port, username, "password-" + username);
    }

    /** Registers a user, has the admin grant them the creator role, and returns their login token. */
    public static String registerCreator(WebClient client, int port, String username) {
        String token = registerAndLogin(client, port, username);
        String admin = login(client, port, "admin", ADMIN_PASSWORD);
        long id = client.get(port, "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> res = client.patch(port, "127.0.0.1", "/api/admin/users/" + id).putHeader("Authorization", "Bearer " + admin)
                .sendJsonObject(new JsonObject().put("roles", new io.vertx.core.json.JsonArray().add("creator"))).await();
        if (res.statusCode() != 200) {
            throw new IllegalStateException("granting the creator role failed: " + res.bodyAsString());
        }
        return token;
    }

    public static String login(WebClient client, int port, String username, String password) {
        HttpResponse<Buffer> res = client.post(port, "127.0.0.1", "/api/auth/login")
                .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
        if (res.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + res.bodyAsString());
        }
        return res.bodyAsJsonObject().getString("token");
    }

    public static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
