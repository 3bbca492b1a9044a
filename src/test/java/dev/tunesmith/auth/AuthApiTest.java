package dev.tunesmith.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Register, login, tokens and roles over real HTTP against the real server and Postgres. */
class AuthApiTest extends AppTestBase {

    private static int port;

    @BeforeAll
    static void setUp() {
        port = app.port();
    }

    private HttpResponse<Buffer> post(String path, JsonObject body) {
        return http.post(port, "127.0.0.1", path).sendJsonObject(body).await();
    }

    private HttpResponse<Buffer> get(String path, String token) {
        var req = http.get(port, "127.0.0.1", path);
        if (token != null) {
            req.putHeader("Authorization", "Bearer " + token);
        }
        return req.send().await();
    }

    private static String code(HttpResponse<Buffer> res) {
        return res.bodyAsJsonObject().getJsonObject("error").getString("code");
    }

    @Test
    void should_register_a_listener_and_log_in() {
        String name = TestSupport.uniqueUser("reg");
        HttpResponse<Buffer> reg = post("/api/auth/register", new JsonObject().put("username", name).put("password", "longenough"));
        assertEquals(201, reg.statusCode());
        assertEquals(name, reg.bodyAsJsonObject().getString("username"));
        assertEquals("listener", reg.bodyAsJsonObject().getJsonArray("roles").getString(0));
        assertNotNull(reg.bodyAsJsonObject().getLong("id"));

        HttpResponse<Buffer> login = post("/api/auth/login", new JsonObject().put("username", name).put("password", "longenough"));
        assertEquals(200, login.statusCode());
        JsonObject body = login.bodyAsJsonObject();
        assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(Instant.now()));
        assertEquals(name, body.getJsonObject("user").getString("username"));

        HttpResponse<Buffer> me = get("/api/me", body.getString("token"));
        assertEquals(200, me.statusCode());
        assertEquals(name, me.bodyAsJsonObject().getString("username"));
        assertNotNull(me.bodyAsJsonObject().getJsonObject("profile"));
    }

    @Test
    void should_reject_a_taken_username_with_409() {
        String name = TestSupport.uniqueUser("dup");
        assertEquals(201, post("/api/auth/register", new JsonObject().put("username", name).put("password", "longenough")).statusCode());
        HttpResponse<Buffer> again = post("/api/auth/register", new JsonObject().put("username", name).put("password", "otherpass1"));
        assertEquals(409, again.statusCode());
        assertEquals("username_taken", code(again));
    }

    @Test
    void should_reject_invalid_registrations_with_400_and_a_json_error() {
        assertEquals("invalid_username", code(post("/api/auth/register", new JsonObject().put("username", "Ab").put("password", "longenough"))));
        assertEquals("invalid_username", code(post("/api/auth/register", new JsonObject().put("username", "bad name!").put("password", "longenough"))));
        assertEquals("invalid_password", code(post("/api/auth/register", new JsonObject().put("username", "okname").put("password", "short"))));
        HttpResponse<Buffer> missing = post("/api/auth/register", new JsonObject());
        assertEquals(400, missing.statusCode());
        HttpResponse<Buffer> malformed = http.post(port, "127.0.0.1", "/api/auth/register")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{not json")).await();
        assertEquals(400, malformed.statusCode());
        assertEquals("malformed_json", code(malformed));
        assertFalse(malformed.bodyAsString().contains("Exception"));
    }

    @Test
    void should_answer_401_on_wrong_password_or_unknown_user() {
        String name = TestSupport.uniqueUser("pw");
        post("/api/auth/register", new JsonObject().put("username", name).put("password", "rightpass"));
        HttpResponse<Buffer> wrong = post("/api/auth/login", new JsonObject().put("username", name).put("password", "wrongpass"));
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_credentials", code(wrong));
        assertEquals(401, post("/api/auth/login", new JsonObject().put("username", "nobody-here").put("password", "whatever1")).statusCode());
    }

    @Test
    void should_reject_missing_expired_tampered_and_unsigned_tokens() {
        String name = TestSupport.uniqueUser("tok");
        String token = TestSupport.registerAndLogin(http, port, name);
        long id = get("/api/me", token).bodyAsJsonObject().getLong("id");
        long future = Instant.now().plusSeconds(600).getEpochSecond();
        JsonObject hs = new JsonObject().put("alg", "HS256").put("typ", "JWT");

        assertEquals(401, get("/api/me", null).statusCode());
        assertEquals(401, get("/api/me", "not-a-jwt").statusCode());
        // a correctly signed token that has expired
        assertEquals(401, get("/api/me", Jwts.hs256(hs, Jwts.claims(id, name, Instant.now().minusSeconds(120).getEpochSecond()),
                TestSupport.JWT_SECRET)).statusCode());
        // a correctly signed control token is accepted, so the rejections above are about the claims
        assertEquals(200, get("/api/me", Jwts.hs256(hs, Jwts.claims(id, name, future), TestSupport.JWT_SECRET)).statusCode());
        // tampered payload, original signature
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Jwts.b64(Jwts.claims(1, "admin", future).encode()) + "." + parts[2];
        assertEquals(401, get("/api/me", tampered).statusCode());
        // alg none, with and without a signature
        JsonObject none = new JsonObject().put("alg", "none").put("typ", "JWT");
        String unsigned = Jwts.b64(none.encode()) + "." + Jwts.b64(Jwts.claims(id, name, future).encode()) + ".";
        assertEquals(401, get("/api/me", unsigned).statusCode());
        assertEquals(401, get("/api/me", unsigned + parts[2]).statusCode());
        // another algorithm in the header
        assertEquals(401, get("/api/me", Jwts.hs256(new JsonObject().put("alg", "HS512").put("typ", "JWT"),
                Jwts.claims(id, name, future), TestSupport.JWT_SECRET)).statusCode());
        // wrong key, wrong issuer, wrong audience, no expiry
        assertEquals(401, get("/api/me", Jwts.hs256(hs, Jwts.claims(id, name, future), "another-secret-0123456789abcdefghijklmn")).statusCode());
        assertEquals(401, get("/api/me", Jwts.hs256(hs, Jwts.claims(id, name, future).put("iss", "evil"), TestSupport.JWT_SECRET)).statusCode());
        assertEquals(401, get("/api/me", Jwts.hs256(hs, Jwts.claims(id, name, future).put("aud", "other-app"), TestSupport.JWT_SECRET)).statusCode());
        JsonObject noExp = Jwts.claims(id, name, future);
        noExp.remove("exp");
        assertEquals(401, get("/api/me", Jwts.hs256(hs, noExp, TestSupport.JWT_SECRET)).statusCode());
    }

    @Test
    void should_forbid_admin_routes_to_listeners_and_allow_the_bootstrap_admin() {
        String listener = TestSupport.registerAndLogin(http, port, TestSupport.uniqueUser("role"));
        HttpResponse<Buffer> denied = get("/api/admin/users", listener);
        assertEquals(403, denied.statusCode());
        assertEquals("forbidden", code(denied));
        assertEquals(401, get("/api/admin/users", null).statusCode());

        String admin = TestSupport.login(http, port, "admin", TestSupport.ADMIN_PASSWORD);
        HttpResponse<Buffer> users = get("/api/admin/users?q=admin", admin);
        assertEquals(200, users.statusCode());
        assertTrue(users.bodyAsJsonObject().getLong("total") >= 1);
    }

    @Test
    void should_reject_tokens_of_a_disabled_user_at_once() {
        String name = TestSupport.uniqueUser("dis");
        String token = TestSupport.registerAndLogin(http, port, name);
        long id = get("/api/me", token).bodyAsJsonObject().getLong("id");
        TestSupport.jdbc("UPDATE users SET disabled = true WHERE id = " + id);
        app.userStatus().invalidate(id);
        HttpResponse<Buffer> res = get("/api/me", token);
        assertEquals(403, res.statusCode());
        assertEquals("account_disabled", code(res));
        assertEquals(403, post("/api/auth/login", new JsonObject().put("username", name).put("password", "password-" + name)).statusCode());
    }
}
