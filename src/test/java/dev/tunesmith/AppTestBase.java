package dev.tunesmith;

import dev.tunesmith.app.Server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Starts the real application once per test class, against the test database on a free port, with
 * a web client; subclasses' own {@code @BeforeAll} methods run after this one.
 */
public abstract class AppTestBase {

    protected static Vertx vertx;
    protected static Server app;
    protected static WebClient http;

    @BeforeAll
    static void startApp() {
        vertx = Vertx.vertx();
        app = TestSupport.startApp(vertx);
        http = WebClient.create(vertx);
    }

    /** A request to the app, with a bearer token when given and a JSON body when given. */
    protected static HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
        var req = http.request(method, app.port(), "127.0.0.1", path);
        if (token != null) {
            req.putHeader("Authorization", "Bearer " + token);
        }
        return (body == null ? req.send() : req.sendJsonObject(body)).await();
    }

    /** The user id of a token's user ({@code GET /api/me}). */
    protected static long idOf(String token) {
        return call(HttpMethod.GET, "/api/me", token, null).bodyAsJsonObject().getLong("id");
    }

    /** A fresh login token of the seeded administrator. */
    protected static String adminToken() {
        return TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopApp() {
        http.close();
        app.close().await();
        vertx.close().await();
    }
}
