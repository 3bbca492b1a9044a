package dev.tunesmith.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.app.Server;
import dev.tunesmith.platform.http.RawHttp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app on a throw-away PostgreSQL cluster that is restarted and then taken away under a steady load
 * of event writes: every answer is 202 or 503 {@code db_unavailable} (never 500), every acknowledged
 * event is stored, and writes succeed again soon after the database is back. Also checks the HTTP
 * header timeout on the same server.
 */
class PostgresOutageTest {

    private static ThrowawayPostgres pg;
    private static Vertx vertx;
    private static Server app;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        pg = ThrowawayPostgres.start();
        vertx = Vertx.vertx();
        var config = TestSupport.config(Map.of("TUNESMITH_DB_URL", pg.url(), "TUNESMITH_DB_POOL_SIZE", "8",
                "TUNESMITH_HTTP_HEADER_TIMEOUT_MS", "1000"));
        // a 400-track slice of the demo catalogue keeps the start of this throw-away cluster short
        var small = new dev.tunesmith.config.AppConfig.Data(smallCatalog(config.data().demoCatalog()), config.data().sharedData(),
                config.data().melodyModel(), config.data().lyricsModel());
        app = Server.start(vertx, config.withData(small))
                .await(3, TimeUnit.MINUTES);
    }

    private static java.nio.file.Path smallCatalog(java.nio.file.Path full) throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempFile("tunesmith-catalog-", ".csv.gz");
        out.toFile().deleteOnExit();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(full)), java.nio.charset.StandardCharsets.UTF_8));
                var w = new java.io.PrintWriter(new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                        java.nio.file.Files.newOutputStream(out)), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null && n++ <= 400) {
                w.print(line);
                w.print('\n');
            }
        }
        return out;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close().await();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_lose_no_acknowledged_event_and_answer_503_not_500_through_a_restart_and_an_outage() throws Exception {
        String name = TestSupport.uniqueUser("outage");
        JsonObject creds = new JsonObject().put("username", name).put("password", "password-" + name);
        assertEquals(201, send("POST", "/api/auth/register", null, creds.encode()).statusCode());
        String token = new JsonObject(send("POST", "/api/auth/login", null, creds.encode()).body()).getString("token");
        long track = new JsonObject(send("GET", "/api/tracks?limit=1", null, null).body()).getJsonArray("items").getJsonObject(0).getLong("id");
        String event = new JsonObject().put("trackId", track).put("type", "play").put("playedSec", 30).encode();

        Set<Long> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = new AtomicInteger();
        Map<String, Integer> other = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lastAck = new AtomicLong();
        ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
        for (int w = 0; w < 8; w++) {
            load.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> res = send("POST", "/api/me/events", token, event);
                        if (res.statusCode() == 202) {
                            acked.add(new JsonObject(res.body()).getLong("id"));
                            lastAck.set(System.nanoTime());
                        } else if (res.statusCode() == 503 && res.body().contains("db_unavailable")) {
                            unavailable.incrementAndGet();
                            Thread.sleep(20);
                        } else {
                            other.merge(res.statusCode() + " " + res.body(), 1, Integer::sum);
                        }
                    } catch (InterruptedException e) {
                        return null;
                    } catch (Exception e) {
                        other.merge("client " + e, 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        Thread.sleep(1500);
        pg.restart("fast");                       // a clean restart: connections are terminated (57P01)
        Thread.sleep(1500);
        pg.stopServer("immediate");               // a crash, and the database stays away for a while
        Thread.sleep(2500);
        long down = acked.size();
        pg.startServer();
        long back = System.nanoTime();
        long recoveredMs = -1;
        for (int i = 0; i < 200 && recoveredMs < 0; i++) {
            if (lastAck.get() > back) {
                recoveredMs = (lastAck.get() - back) / 1_000_000;
            }
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        long stored;
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres", "tunesmith", "");
                var s = c.prepareStatement("SELECT id FROM events WHERE user_id = (SELECT id FROM users WHERE username = ?)")) {
            s.setString(1, name);
            Set<Long> ids = new java.util.HashSet<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            stored = ids.size();
            Set<Long> lost = new java.util.HashSet<>(acked);
            lost.removeAll(ids);
            System.out.printf("postgres outage: acknowledged=%d stored=%d lost=%d answered-503=%d other=%s acked-before-restart-back=%d "
                    + "first-write-after-restart=%d ms%n", acked.size(), stored, lost.size(), unavailable.get(), other, down, recoveredMs);
            assertTrue(lost.isEmpty(), "acknowledged but not stored: " + lost);
        }
        assertTrue(other.isEmpty(), "every answer is 202 or 503 db_unavailable: " + other);
        assertTrue(unavailable.get() > 0, "the outage was seen by the load");
        assertTrue(acked.size() > 50, "the load ran: " + acked.size());
        assertTrue(recoveredMs >= 0 && recoveredMs < 10_000, "writes resume after the database is back: " + recoveredMs + " ms");
    }

    @Test
    void should_close_a_connection_that_sends_its_headers_too_slowly() throws Exception {
        try (RawHttp raw = new RawHttp(app.port())) {
            assertEquals(200, raw.exchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status(), "a complete request is answered");
        }
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(8000);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes());
            s.getOutputStream().flush();
            long start = System.nanoTime();
            int read = s.getInputStream().read();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read, "closed without an answer");
            assertTrue(ms >= 800 && ms < 5000, "closed after the header timeout: " + ms + " ms");
        }
    }
}
