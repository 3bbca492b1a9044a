package dev.tunesmith.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input normalisation, the one error envelope (framework statuses included), the static allow-list,
 * literal LIKE filters, all-or-nothing admin changes, logout, admin streams that stop when their admin
 * is demoted, and login throttling — against the running app and its real database.
 */
class EdgeHardeningTest extends AppTestBase {

    private static String admin;

    @BeforeAll
    static void admin() {
        admin = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
    }

    /** A request with a raw (possibly malformed) body. */
    private HttpResponse<Buffer> raw(HttpMethod method, String uri, String token, String body) {
        var req = http.request(method, app.port(), "127.0.0.1", uri);
        if (token != null) {
            req.putHeader("Authorization", "Bearer " + token);
        }
        if (body == null) {
            return req.send().await();
        }
        return req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    private static JsonObject error(HttpResponse<Buffer> res) {
        assertTrue(res.getHeader("Content-Type").startsWith("application/json"), res.bodyAsString());
        JsonObject e = res.bodyAsJsonObject().getJsonObject("error");
        assertNotNull(e, res.bodyAsString());
        assertNotNull(e.getString("code"));
        assertNotNull(e.getString("message"));
        return e;
    }

    private static void assertInvalidText(HttpResponse<Buffer> res, String field) {
        assertEquals(400, res.statusCode(), res.bodyAsString());
        JsonObject e = error(res);
        assertEquals("invalid_text", e.getString("code"), res.bodyAsString());
        assertEquals(field, e.getString("field"), res.bodyAsString());
        assertTrue(e.getString("message").contains(field), res.bodyAsString());
    }

    private long someTrack() {
        return raw(HttpMethod.GET, "/api/tracks?limit=1", null, null).bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getLong("id");
    }

    @Test
    void should_refuse_nul_and_unpaired_surrogates_anywhere_with_a_400_naming_the_field() {
        String listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("nul"));
        assertInvalidText(raw(HttpMethod.POST, "/api/auth/login", null, "{\"username\":\"ad\\u0000min\",\"password\":\"x\"}"), "username");
        assertInvalidText(raw(HttpMethod.POST, "/api/auth/register", null, "{\"username\":\"abc\",\"password\":\"\\ud800aaaaaaaa\"}"), "password");
        assertInvalidText(raw(HttpMethod.GET, "/api/tracks?tag=%00", null, null), "tag");
        assertInvalidText(raw(HttpMethod.GET, "/api/tracks?q=rock%00", null, null), "q");
        assertInvalidText(raw(HttpMethod.POST, "/api/me/events", listener, new JsonObject().put("trackId", someTrack()).put("type", "comment")
                .put("text", "nice\u0000").encode()), "text");
        assertInvalidText(raw(HttpMethod.GET, "/api/admin/users?q=%00", admin, null), "q");
        assertInvalidText(raw(HttpMethod.PATCH, "/api/admin/tracks/" + someTrack(), admin, "{\"title\":\"A\\u0000B\"}"), "title");
        assertInvalidText(raw(HttpMethod.PATCH, "/api/admin/tracks/" + someTrack(), admin, "{\"tags\":[\"ok\",\"\\udfff\"]}"), "tags[1]");
        assertInvalidText(raw(HttpMethod.GET, "/api/tracks/1%00", null, null), "path");
        HttpResponse<Buffer> overlong = raw(HttpMethod.GET, "/api/tracks?q=%C0%80", null, null);
        assertEquals(400, overlong.statusCode());
        assertEquals("invalid_encoding", error(overlong).getString("code"));
    }

    @Test
    void should_answer_a_mood_of_only_invisible_characters_without_a_500() {
        String listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("mood"));
        for (int i = 0; i < 100 && !app.recommender().ready(); i++) {
            sleep(100);
        }
        for (String mood : new String[] {"%E2%80%8B%E2%80%8B", "%E2%81%A0%EF%BB%BF", "%E3%85%A4", "%E2%80%AE%E2%80%8D", "%20%09"}) {
            HttpResponse<Buffer> res = raw(HttpMethod.GET, "/api/me/recommendations?k=5&mood=" + mood, listener, null);
            assertEquals(200, res.statusCode(), mood + ": " + res.bodyAsString());
            assertEquals(5, res.bodyAsJsonObject().getJsonArray("items").size(), mood);
        }
        HttpResponse<Buffer> surrogate = raw(HttpMethod.GET, "/api/me/recommendations?mood=%ED%A0%80", listener, null);
        assertEquals(400, surrogate.statusCode(), "a UTF-8-encoded lone surrogate is not valid UTF-8");
        assertEquals("mood", error(surrogate).getString("field"));
        assertInvalidText(raw(HttpMethod.GET, "/api/me/recommendations?mood=%00", listener, null), "mood");
    }

    @Test
    void should_give_framework_errors_the_same_envelope() throws Exception {
        HttpResponse<Buffer> post = raw(HttpMethod.POST, "/health", null, null);
        assertEquals(405, post.statusCode());
        assertEquals("method_not_allowed", error(post).getString("code"));
        HttpResponse<Buffer> ws = raw(HttpMethod.GET, "/ws/chat", null, null);
        assertEquals(426, ws.statusCode());
        assertEquals("upgrade_required", error(ws).getString("code"));
        try (RawHttp raw = new RawHttp(app.port())) {
            RawHttp.Response res = raw.exchange("GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n");
            assertEquals(426, res.status());
            assertEquals("unsupported_websocket_version", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        try (RawHttp raw = new RawHttp(app.port())) {
            RawHttp.Response res = raw.exchange("GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n");
            assertEquals(400, res.status());
            assertEquals("invalid_handshake", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        try (RawHttp raw = new RawHttp(app.port())) {
            RawHttp.Response res = raw.exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(414, res.status());
            assertEquals("uri_too_long", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        try (RawHttp raw = new RawHttp(app.port())) {
            RawHttp.Response res = raw.exchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n");
            assertEquals(431, res.status());
            assertEquals("headers_too_large", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        try (RawHttp raw = new RawHttp(app.port())) {
            RawHttp.Response res = raw.exchange("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
            assertEquals(400, res.status());
            assertEquals("invalid_request", new JsonObject(res.body()).getJsonObject("error").getString("code"));
        }
        HttpResponse<Buffer> missing = raw(HttpMethod.GET, "/no-such-file.js", null, null);
        assertEquals(404, missing.statusCode());
        error(missing);
    }

    @Test
    void should_serve_only_the_allow_list_of_webroot() {
        for (String path : new String[] {"/tests%2ffakes.mjs", "/tests%2Ffakes.mjs", "/tests/fakes.mjs", "/scripts%2fvendor.mjs",
                "/scripts/vendor.mjs", "/node_modules%2fabcjs%2fpackage.json", "/package.json", "/package-lock.json", "/%2e%2e/pom.xml",
                "/lib%5cdom.js", "/.gitignore", "/lib/../../pom.xml"}) {
            HttpResponse<Buffer> res = raw(HttpMethod.GET, path, null, null);
            assertEquals(404, res.statusCode(), path + " -> " + res.bodyAsString());
            error(res);
        }
        assertEquals(200, raw(HttpMethod.GET, "/app.js", null, null).statusCode());
        assertEquals(200, raw(HttpMethod.GET, "/lib/dom.js", null, null).statusCode());
        HttpResponse<Buffer> spa = raw(HttpMethod.GET, "/admin/users", null, null);
        assertEquals(200, spa.statusCode());
        assertTrue(spa.bodyAsString().contains("<html") || spa.bodyAsString().contains("<!doctype"), "client routes get the SPA");
    }

    @Test
    void should_treat_like_wildcards_in_admin_filters_literally() {
        String a = TestSupport.uniqueUser("lit_x");
        String b = TestSupport.uniqueUser("litax");
        TestSupport.registerAndLogin(http, app.port(), a);
        TestSupport.registerAndLogin(http, app.port(), b);
        JsonArray found = raw(HttpMethod.GET, "/api/admin/users?q=lit_x", admin, null).bodyAsJsonObject().getJsonArray("items");
        assertTrue(found.stream().allMatch(o -> ((JsonObject) o).getString("username").contains("lit_x")), found.encode());
        assertTrue(found.stream().anyMatch(o -> ((JsonObject) o).getString("username").equals(a)));
        assertEquals(0, raw(HttpMethod.GET, "/api/admin/users?q=%25", admin, null).bodyAsJsonObject().getInteger("total"));
        JsonArray wild = raw(HttpMethod.GET, "/api/admin/audit?action=%25", admin, null).bodyAsJsonObject().getJsonArray("items");
        assertEquals(0, wild.size(), "'%' is not a wildcard: " + wild.encode());
        JsonArray underscore = raw(HttpMethod.GET, "/api/admin/audit?action=admin_call", admin, null).bodyAsJsonObject().getJsonArray("items");
        assertEquals(0, underscore.size(), "'_' is not a wildcard");
        raw(HttpMethod.PATCH, "/api/admin/tracks/" + someTrack(), admin, "{\"hidden\":false}");
        assertFalse(raw(HttpMethod.GET, "/api/admin/audit?action=admin.", admin, null).bodyAsJsonObject().getJsonArray("items").isEmpty(),
                "a literal prefix still matches");
    }

    @Test
    void should_apply_an_admin_change_and_its_audit_entry_together_or_not_at_all() {
        long track = someTrack();
        String before = raw(HttpMethod.GET, "/api/tracks/" + track, null, null).bodyAsJsonObject().getString("title");
        // given an audit log that refuses this one entry (as a full disk or a bad row would)
        TestSupport.jdbc("CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.action IN ('track.update', 'user.update') AND NEW.target IN ('track:" + track + "', 'user:424242') "
                + "OR NEW.details::text LIKE '%refuse-me%' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;"
                + "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();");
        try {
            HttpResponse<Buffer> res = raw(HttpMethod.PATCH, "/api/admin/tracks/" + track, admin, "{\"title\":\"Never Applied\"}");
            assertEquals(500, res.statusCode(), res.bodyAsString());
            error(res);
            assertEquals(before, raw(HttpMethod.GET, "/api/tracks/" + track, null, null).bodyAsJsonObject().getString("title"),
                    "the change was rolled back with its audit entry");
            String name = TestSupport.uniqueUser("atomic");
            String token = TestSupport.registerAndLogin(http, app.port(), name);
            long id = raw(HttpMethod.GET, "/api/me", token, null).bodyAsJsonObject().getLong("id");
            HttpResponse<Buffer> user = raw(HttpMethod.PATCH, "/api/admin/users/" + id, admin,
                    "{\"roles\":[\"creator\"],\"note\":\"refuse-me\"}");
            assertEquals(500, user.statusCode(), user.bodyAsString());
            assertEquals(1, raw(HttpMethod.GET, "/api/me", token, null).bodyAsJsonObject().getJsonArray("roles").size(), "roles unchanged");
        } finally {
            TestSupport.jdbc("DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();");
        }
        HttpResponse<Buffer> ok = raw(HttpMethod.PATCH, "/api/admin/tracks/" + track, admin, "{\"hidden\":false}");
        assertEquals(200, ok.statusCode(), ok.bodyAsString());
    }

    @Test
    void should_revoke_the_session_on_logout_for_rest_and_websocket() throws Exception {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("logout"));
        assertEquals(200, raw(HttpMethod.GET, "/api/me", token, null).statusCode());
        try (RawHttp ws = new RawHttp(app.port())) {
            assertTrue(ws.upgrade("/ws/chat", "http://127.0.0.1:" + app.port()).startsWith("HTTP/1.1 101"));
            ws.text(new JsonObject().put("type", "auth").put("token", token).encode());
            assertEquals("ready", new JsonObject(ws.nextText()).getString("type"));
            HttpResponse<Buffer> out = raw(HttpMethod.POST, "/api/auth/logout", token, null);
            assertEquals(200, out.statusCode(), out.bodyAsString());
            assertEquals(4401, ws.awaitClose(), "the open socket of the session closes");
        }
        assertEquals(401, raw(HttpMethod.GET, "/api/me", token, null).statusCode());
        assertEquals(401, raw(HttpMethod.POST, "/api/auth/logout", token, null).statusCode());
        try (RawHttp ws = new RawHttp(app.port())) {
            ws.upgrade("/ws/chat", "http://127.0.0.1:" + app.port());
            ws.text(new JsonObject().put("type", "auth").put("token", token).encode());
            assertEquals(4401, ws.awaitClose(), "the old token opens no socket");
        }
    }

    @Test
    void should_end_an_admin_stream_when_its_admin_is_demoted() throws Exception {
        String name = TestSupport.uniqueUser("deputy");
        String deputy = TestSupport.registerAndLogin(http, app.port(), name);
        long id = raw(HttpMethod.GET, "/api/me", deputy, null).bodyAsJsonObject().getLong("id");
        assertEquals(200, raw(HttpMethod.PATCH, "/api/admin/users/" + id, admin, "{\"roles\":[\"admin\"]}").statusCode());
        HttpClient client = vertx.createHttpClient();
        try {
            var req = client.request(new RequestOptions().setHost("127.0.0.1").setPort(app.port()).setURI("/api/admin/stream?token=" + deputy))
                    .await(5, TimeUnit.SECONDS);
            var res = req.send().await(5, TimeUnit.SECONDS);
            assertEquals(200, res.statusCode());
            StringBuilder seen = new StringBuilder();
            CompletableFuture<Void> first = new CompletableFuture<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            res.handler(b -> {
                synchronized (seen) {
                    seen.append(b.toString());
                }
                first.complete(null);
            });
            res.endHandler(v -> ended.complete(null));
            first.get(5, TimeUnit.SECONDS);
            assertEquals(200, raw(HttpMethod.PATCH, "/api/admin/users/" + id, admin, "{\"roles\":[\"listener\"]}").statusCode());
            ended.get(6, TimeUnit.SECONDS);
            synchronized (seen) {
                assertTrue(seen.toString().contains("event: revoked"), seen.toString());
            }
        } finally {
            client.close();
        }
    }

    @Test
    void should_throttle_logins_per_account_with_retry_after() {
        String name = TestSupport.uniqueUser("guess");
        TestSupport.registerAndLogin(http, app.port(), name);
        int throttledAt = -1;
        String retryAfter = null;
        for (int i = 0; i < 12 && throttledAt < 0; i++) {
            HttpResponse<Buffer> res = raw(HttpMethod.POST, "/api/auth/login", null,
                    new JsonObject().put("username", name).put("password", "wrong-" + i).encode());
            if (res.statusCode() == 429) {
                throttledAt = i;
                retryAfter = res.getHeader("Retry-After");
                assertEquals("too_many_attempts", error(res).getString("code"));
            } else {
                assertEquals(401, res.statusCode(), res.bodyAsString());
            }
        }
        assertEquals(5, throttledAt, "five guesses, then 429");
        assertNotNull(retryAfter);
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
        HttpResponse<Buffer> right = raw(HttpMethod.POST, "/api/auth/login", null,
                new JsonObject().put("username", name).put("password", "password-" + name).encode());
        assertEquals(429, right.statusCode(), "a throttled account waits even with the right password");
        String other = TestSupport.uniqueUser("bystander");
        TestSupport.registerAndLogin(http, app.port(), other); // another account from the same address still logs in
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
