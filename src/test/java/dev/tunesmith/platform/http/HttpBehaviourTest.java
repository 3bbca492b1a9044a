package dev.tunesmith.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.app.Server;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, error envelope, limits, static files and surviving a database outage. */
class HttpBehaviourTest {

    private static Vertx vertx;
    private static TcpProxy proxy;
    private static Server app;
    private static WebClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        // the app talks to Postgres through a proxy the test can cut
        var direct = TestSupport.config().db();
        proxy = new TcpProxy(vertx, direct.port());
        int proxyPort = proxy.start(0);
        String url = "postgresql://" + direct.user() + ":" + direct.password() + "@127.0.0.1:" + proxyPort + "/" + direct.database();
        app = TestSupport.startApp(vertx, TestSupport.config(Map.of("TUNESMITH_DB_URL", url)));
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        client.close();
        app.close().await();
        proxy.close();
        vertx.close().await();
    }

    private HttpResponse<Buffer> get(String path) {
        return client.get(app.port(), "127.0.0.1", path).send().await();
    }

    @Test
    void should_report_health_with_named_checks() {
        HttpResponse<Buffer> res = get("/health");
        assertEquals(200, res.statusCode());
        JsonObject body = res.bodyAsJsonObject();
        assertEquals("UP", body.getString("status"));
        assertEquals("UP", body.getJsonObject("checks").getString("db"));
        assertTrue(Set.of("llm", "offline").contains(body.getJsonObject("checks").getString("agent")));
        assertTrue(Set.of("cpu", "gpu").contains(body.getJsonObject("checks").getString("generator")));
    }

    @Test
    void should_answer_unknown_api_routes_with_a_json_404() {
        HttpResponse<Buffer> res = get("/api/does-not-exist");
        assertEquals(401, res.statusCode(), "unknown protected paths need a token first");
        assertEquals("unauthorized", res.bodyAsJsonObject().getJsonObject("error").getString("code"));
        assertTrue(res.getHeader("Content-Type").startsWith("application/json"));
    }

    @Test
    void should_refuse_bodies_over_the_limit_with_413() {
        String big = "x".repeat(2 * 1024 * 1024);
        HttpResponse<Buffer> res = client.post(app.port(), "127.0.0.1", "/api/auth/login").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"username\":\"" + big + "\"}")).await();
        assertEquals(413, res.statusCode());
        assertEquals("payload_too_large", res.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }

    @Test
    void should_serve_the_single_page_app_with_security_headers() {
        HttpResponse<Buffer> res = get("/");
        assertEquals(200, res.statusCode());
        assertTrue(res.bodyAsString().toLowerCase().contains("<!doctype html"));
        assertEquals("nosniff", res.getHeader("X-Content-Type-Options"));
        assertNotNull(res.getHeader("Content-Security-Policy"));
    }

    @Test
    void should_answer_503_while_postgres_is_away_and_recover_by_itself() {
        assertEquals(200, get("/api/tracks?limit=1").statusCode());
        int port = proxy.port();
        proxy.cut();
        try {
            HttpResponse<Buffer> down = get("/api/tracks?limit=1");
            assertEquals(503, down.statusCode());
            assertEquals("db_unavailable", down.bodyAsJsonObject().getJsonObject("error").getString("code"));
            assertFalse(down.bodyAsString().contains("Exception"));
            HttpResponse<Buffer> health = get("/health");
            assertEquals(503, health.statusCode());
            assertEquals("DOWN", health.bodyAsJsonObject().getJsonObject("checks").getString("db"));
            assertEquals(200, get("/").statusCode(), "static files keep being served");
        } finally {
            proxy.start(port);
        }
        int status = 0;
        for (int i = 0; i < 20 && status != 200; i++) {
            status = get("/api/tracks?limit=1").statusCode();
            if (status != 200) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertEquals(200, status, "the pool reconnects once Postgres is back");
    }
}
