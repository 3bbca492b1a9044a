package dev.tunesmith.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.app.Server;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A property-based fuzz over every mounted route (read from the running router, so new routes are
 * covered without editing this test): hostile path parameters, query values and JSON bodies (NUL,
 * unpaired surrogates, invisible-only text, broken percent-encoding, LIKE wildcards, huge and odd
 * values, wrong types), with no token, a listener's and an admin's. Whatever comes in, the answer is
 * never a 5xx, and every error carries the contract's {@code {"error":{"code","message"}}}.
 */
class RouteFuzzTest {

    private static Vertx vertx;
    private static Server app;
    private static WebClient client;
    private static List<String> routes;
    private static String listener;
    private static String admin;

    @BeforeContainer
    static void start() {
        vertx = Vertx.vertx();
        app = TestSupport.startApp(vertx);
        client = WebClient.create(vertx);
        routes = app.routes().stream()
                .filter(r -> !r.endsWith("/api/auth/logout")) // would revoke the fuzzer's own token (tested on its own)
                .filter(r -> !r.endsWith("*") && !r.startsWith("* /api/admin/*"))
                .distinct().toList();
        listener = TestSupport.registerAndLogin(client, app.port(), TestSupport.uniqueUser("fuzz"));
        admin = TestSupport.login(client, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
        for (int i = 0; i < 100 && !app.recommender().ready(); i++) {
            sleep(100);
        }
    }

    @AfterContainer
    static void stop() {
        client.close();
        app.close().await();
        vertx.close().await();
    }

    /** One generated request. */
    record Fuzz(String route, HttpMethod method, List<String> pathValues, Map<String, String> query, String body, int auth) {}

    @Property(tries = 600, seed = "13")
    void no_route_answers_5xx_or_an_error_without_the_envelope(@ForAll("requests") Fuzz fuzz) {
        String[] parts = fuzz.route().split(" ", 2);
        String template = parts[1];
        StringBuilder path = new StringBuilder();
        int v = 0;
        for (String segment : template.split("/", -1)) {
            if (!path.isEmpty() || !segment.isEmpty()) {
                path.append('/');
            }
            path.append(segment.startsWith(":") ? fuzz.pathValues().get(v++ % fuzz.pathValues().size()) : segment);
        }
        StringBuilder uri = new StringBuilder(path.isEmpty() ? "/" : path.toString());
        String sep = "?";
        for (var e : fuzz.query().entrySet()) {
            uri.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        var req = client.request(fuzz.method(), app.port(), "127.0.0.1", uri.toString()).timeout(20_000);
        if (fuzz.auth() == 1) {
            req.putHeader("Authorization", "Bearer " + listener);
        } else if (fuzz.auth() == 2) {
            req.putHeader("Authorization", "Bearer " + admin);
        }
        HttpResponse<Buffer> res;
        if (fuzz.body() != null && fuzz.method() != HttpMethod.GET && fuzz.method() != HttpMethod.HEAD) {
            req.putHeader("Content-Type", "application/json");
            res = req.sendBuffer(Buffer.buffer(fuzz.body().getBytes(StandardCharsets.UTF_8))).await();
        } else {
            res = req.send().await();
        }
        String what = fuzz.method() + " " + uri + " body=" + abbreviate(fuzz.body()) + " -> " + res.statusCode() + " " + abbreviate(res.bodyAsString());
        assertTrue(res.statusCode() < 500, what);
        if (res.statusCode() >= 400 && fuzz.method() != HttpMethod.HEAD) {
            assertNotNull(res.getHeader("Content-Type"), what);
            assertTrue(res.getHeader("Content-Type").startsWith("application/json"), what);
            JsonObject error = res.bodyAsJsonObject().getJsonObject("error");
            assertNotNull(error, what);
            assertTrue(error.getString("code").matches("[a-z][a-z0-9_]*"), what);
            assertFalse(error.getString("message").isBlank(), what);
            assertFalse(res.bodyAsString().contains("Exception"), what);
        }
    }

    @Provide
    Arbitrary<Fuzz> requests() {
        Arbitrary<String> route = Arbitraries.of(routes);
        Arbitrary<HttpMethod> otherMethod = Arbitraries.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS);
        Arbitrary<List<String>> pathValues = encoded(pathValue()).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Map<String, String>> query = Arbitraries.maps(Arbitraries.of("q", "tag", "limit", "offset", "k", "mood", "format",
                "kind", "action", "actor", "token", "%00", "x"), encoded(text())).ofMaxSize(3);
        Arbitrary<String> body = Arbitraries.oneOf(jsonBody(), Arbitraries.of("{", "[1,2]", "null", "\"x\"", "{\"a\":\"\\u0000\"}",
                "{\"username\":\"\\ud800\"}", "\u0000", "{\"text\":\"\\udc00x\"}", "")).injectNull(0.2);
        return Combinators.combine(route, otherMethod, Arbitraries.integers().between(0, 9), pathValues, query, body,
                Arbitraries.integers().between(0, 2)).as((r, m, pick, p, q, b, auth) -> {
                    String method = r.split(" ", 2)[0];
                    HttpMethod chosen = pick < 8 ? HttpMethod.valueOf(method) : m; // mostly the route's own method
                    return new Fuzz(r, chosen, p, q, b, auth);
                });
    }

    /** Text an attacker or a broken client might send. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("\u0000", "a\u0000b", "\ud800", "x\udc00", "\ud83c", "\u200b\u200b", "\u2060\ufeff", "\u3164",
                        "\u202e", "%", "_", "%_%", "\\", "' OR 1=1 --", "\"", "<script>alert(1)</script>", "..", "../..", "-1", "0",
                        "99999999999999999999", "1e309", "NaN", "true", "null", "🎵", "calm", "rock", "a".repeat(600)),
                Arbitraries.strings().withChars('\u0000', '\ud800', '\udfff', '\u200b', 'a', '%', '_').ofMaxLength(8));
    }

    /** Path values: never a small positive id, so destructive admin routes only ever meet "not found". */
    private static Arbitrary<String> pathValue() {
        return Arbitraries.oneOf(text().filter(s -> !s.matches("\\d{1,8}")), Arbitraries.longs().between(100_000_000L, Long.MAX_VALUE)
                .map(String::valueOf), Arbitraries.of("lyrics", "melody", "playlist", "x"));
    }

    /** Mostly well percent-encoded; sometimes raw broken encodings the decoder must refuse. */
    private static Arbitrary<String> encoded(Arbitrary<String> values) {
        return Arbitraries.oneOf(values.map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")),
                Arbitraries.of("%00", "%zz", "%", "%e", "%ED%A0%80", "%C0%AF", "%2f", "%2e%2e", "%FF%FE", "a%2Fb", "%25", "%5c"));
    }

    private static Arbitrary<String> jsonBody() {
        Arbitrary<Object> value = Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                text().list().ofMaxSize(3).map(l -> (Object) new JsonArray(new ArrayList<>(l))),
                Arbitraries.just((Object) new JsonObject().put("\u0000", 1)), Arbitraries.just((Object) new JsonArray().add(new JsonArray())));
        Arbitrary<String> key = Arbitraries.of("username", "password", "trackId", "type", "playedSec", "text", "roles", "disabled",
                "hidden", "title", "tags", "kind", "path", "mood", "format", "version", "x");
        return Arbitraries.maps(key, value.injectNull(0.1)).ofMaxSize(4).map(m -> {
            JsonObject o = new JsonObject();
            m.forEach(o::put);
            return o.encode();
        });
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Property(tries = 1)
    void the_route_table_is_read_from_the_router() {
        assertTrue(routes.contains("POST /api/auth/login"), routes.toString());
        assertTrue(routes.contains("PATCH /api/admin/tracks/:id"), routes.toString());
        assertEquals(routes.size(), routes.stream().distinct().count());
    }
}
