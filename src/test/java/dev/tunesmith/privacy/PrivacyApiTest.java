package dev.tunesmith.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Self-service export and account deletion against the real database. */
class PrivacyApiTest extends AppTestBase {

    private static long trackId;

    @BeforeAll
    static void track() {
        trackId = http.get(app.port(), "127.0.0.1", "/api/tracks?limit=1").send().await()
                .bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getLong("id");
    }

    private record Account(String username, String token, long id) {}

    private static Account account(String prefix) {
        String name = TestSupport.uniqueUser(prefix);
        String token = TestSupport.registerAndLogin(http, app.port(), name);
        long id = http.get(app.port(), "127.0.0.1", "/api/me").bearerTokenAuthentication(token).send().await()
                .bodyAsJsonObject().getLong("id");
        return new Account(name, token, id);
    }

    private static void event(Account a, String type) {
        HttpResponse<Buffer> res = http.post(app.port(), "127.0.0.1", "/api/me/events").bearerTokenAuthentication(a.token())
                .sendJsonObject(new JsonObject().put("trackId", trackId).put("type", type).put("text", "comment".equals(type) ? "nice" : null))
                .await();
        assertEquals(202, res.statusCode(), res.bodyAsString());
    }

    private static long count(String sql, long id) {
        return app.pool().preparedQuery(sql).execute(Tuple.of(id)).await().iterator().next().getLong(0);
    }

    private static HttpResponse<Buffer> deleteMe(Account a, JsonObject body) {
        return http.delete(app.port(), "127.0.0.1", "/api/me").bearerTokenAuthentication(a.token())
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.encode())).await();
    }

    @Test
    void should_export_everything_held_about_me_and_nothing_about_others() {
        // given two users with events, and a conversation of mine
        Account me = account("exp");
        Account other = account("exp-other");
        event(me, "like");
        event(me, "comment");
        event(other, "play");
        app.pool().preparedQuery("INSERT INTO conversations (id, user_id, title) VALUES (gen_random_uuid(), $1, 'mine')")
                .execute(Tuple.of(me.id())).await();

        // when
        HttpResponse<Buffer> res = http.get(app.port(), "127.0.0.1", "/api/me/export").bearerTokenAuthentication(me.token()).send().await();

        // then
        assertEquals(200, res.statusCode(), res.bodyAsString());
        assertTrue(res.getHeader("Content-Disposition").contains("attachment"));
        JsonObject export = res.bodyAsJsonObject();
        assertEquals(me.username(), export.getJsonObject("account").getString("username"));
        assertFalse(res.bodyAsString().contains("pbkdf2"), "the password hash must not be exported");
        JsonArray events = export.getJsonArray("events");
        assertEquals(2, events.size());
        assertEquals("like", events.getJsonObject(0).getString("type"));
        assertEquals("nice", events.getJsonObject(1).getString("text"));
        assertEquals(trackId, events.getJsonObject(0).getLong("trackId"));
        assertEquals(1, export.getJsonArray("conversations").size());
        assertEquals("mine", export.getJsonArray("conversations").getJsonObject(0).getString("title"));
        for (String section : new String[] {"playlists", "artifacts", "friends", "friendOf", "artistPlays", "artistTags", "jobs", "auditLog"}) {
            assertTrue(export.getValue(section) instanceof JsonArray, section);
        }
        assertTrue(export.getJsonObject("derivedProfile") != null);
    }

    @Test
    void should_refuse_to_delete_with_a_wrong_or_missing_password_and_keep_everything() {
        Account me = account("del-wrong");
        event(me, "like");

        HttpResponse<Buffer> wrong = deleteMe(me, new JsonObject().put("password", "not-my-password"));
        assertEquals(403, wrong.statusCode());
        assertEquals("wrong_password", wrong.bodyAsJsonObject().getJsonObject("error").getString("code"));
        HttpResponse<Buffer> missing = deleteMe(me, new JsonObject());
        assertEquals(400, missing.statusCode());

        assertEquals(1, count("SELECT count(*) FROM users WHERE id = $1", me.id()));
        assertEquals(1, count("SELECT count(*) FROM events WHERE user_id = $1", me.id()));
        assertEquals(200, http.get(app.port(), "127.0.0.1", "/api/me").bearerTokenAuthentication(me.token()).send().await().statusCode());
    }

    @Test
    void should_delete_my_account_and_all_my_data_in_one_go() {
        // given
        Account me = account("del");
        Account friend = account("del-friend");
        event(me, "like");
        event(me, "play");
        app.pool().preparedQuery("INSERT INTO friendships (user_id, friend_id) VALUES ($1, $2), ($2, $1)")
                .execute(Tuple.of(me.id(), friend.id())).await();
        app.pool().preparedQuery("INSERT INTO artifacts (user_id, kind, title, content) VALUES ($1, 'lyrics', 't', '{}'::jsonb)")
                .execute(Tuple.of(me.id())).await();

        // when
        HttpResponse<Buffer> res = deleteMe(me, new JsonObject().put("password", "password-" + me.username()));

        // then
        assertEquals(200, res.statusCode(), res.bodyAsString());
        JsonObject deleted = res.bodyAsJsonObject().getJsonObject("deleted");
        assertEquals(2, deleted.getLong("events"));
        assertEquals(2, deleted.getLong("friendships"));
        assertEquals(1, deleted.getLong("artifacts"));
        assertEquals(1, deleted.getLong("account"));
        assertEquals(0, count("SELECT count(*) FROM users WHERE id = $1", me.id()));
        assertEquals(0, count("SELECT count(*) FROM events WHERE user_id = $1", me.id()));
        assertEquals(0, count("SELECT count(*) FROM friendships WHERE user_id = $1 OR friend_id = $1", me.id()));
        assertEquals(1, count("SELECT count(*) FROM users WHERE id = $1", friend.id()));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'user.self_delete' AND target = 'user:' || $1::bigint", me.id()));
        // the old token no longer works, and the name can be registered again
        assertEquals(401, http.get(app.port(), "127.0.0.1", "/api/me").bearerTokenAuthentication(me.token()).send().await().statusCode());
        HttpResponse<Buffer> login = http.post(app.port(), "127.0.0.1", "/api/auth/login")
                .sendJsonObject(new JsonObject().put("username", me.username()).put("password", "password-" + me.username())).await();
        assertEquals(401, login.statusCode());
    }

    @Test
    void should_not_let_the_only_admin_delete_themselves() {
        String token = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
        long adminId = http.get(app.port(), "127.0.0.1", "/api/me").bearerTokenAuthentication(token).send().await().bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> res = deleteMe(new Account("admin", token, adminId), new JsonObject().put("password", TestSupport.ADMIN_PASSWORD));
        assertEquals(409, res.statusCode(), res.bodyAsString());
        assertEquals("last_admin", res.bodyAsJsonObject().getJsonObject("error").getString("code"));
        assertEquals(1, count("SELECT count(*) FROM users WHERE id = $1", adminId));
    }
}
