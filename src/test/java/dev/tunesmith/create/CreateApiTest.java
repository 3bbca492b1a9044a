package dev.tunesmith.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.TuneTiming;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Create page's structured routes against the real server and database: roles, validation, exact lengths. */
class CreateApiTest extends AppTestBase {

    private static String listener;
    private static String creator;
    private static String admin;

    @BeforeAll
    static void users() {
        listener = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("listener"));
        creator = TestSupport.registerCreator(http, app.port(), TestSupport.uniqueUser("creator"));
        admin = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
    }

    private static HttpResponse<Buffer> post(String path, String token, JsonObject body) {
        return http.post(app.port(), "127.0.0.1", "/api/create/" + path).putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(body).await();
    }

    private static int artifacts(String token) {
        return http.get(app.port(), "127.0.0.1", "/api/me/artifacts").putHeader("Authorization", "Bearer " + token).send().await()
                .bodyAsJsonObject().getJsonArray("items").size();
    }

    @Test
    void should_refuse_a_listener_with_403_and_the_error_shape_and_store_nothing() {
        for (var c : java.util.List.of(
                new Object[] {"lyrics", new JsonObject().put("theme", "rain").put("lines", 4)},
                new Object[] {"melody", new JsonObject().put("bars", 8)},
                new Object[] {"harmony", new JsonObject().put("melodyId", 1)})) {
            HttpResponse<Buffer> res = post((String) c[0], listener, (JsonObject) c[1]);
            assertEquals(403, res.statusCode(), res.bodyAsString());
            JsonObject error = res.bodyAsJsonObject().getJsonObject("error");
            assertEquals("forbidden", error.getString("code"));
            assertTrue(error.getString("message").contains("creator"), error.encode());
        }
        assertEquals(0, artifacts(listener));
    }

    @Test
    void should_give_a_creator_exactly_the_bars_asked_and_harmonise_them_without_losing_a_bar() {
        for (int bars : new int[] {8, 12}) {
            HttpResponse<Buffer> res = post("melody", creator, new JsonObject().put("key", "G").put("meter", "3/4").put("bars", bars)
                    .put("mood", "calm"));
            assertEquals(200, res.statusCode(), res.bodyAsString());
            JsonObject m = res.bodyAsJsonObject();
            assertEquals(bars, m.getInteger("bars"));
            assertEquals("3/4", m.getString("meter"));
            assertEquals(bars, TuneTiming.bars(AbcParser.parse(m.getString("abc"))).size(), m.getString("abc"));
            HttpResponse<Buffer> h = post("harmony", creator, new JsonObject().put("melodyId", m.getLong("id")));
            assertEquals(200, h.statusCode(), h.bodyAsString());
            assertEquals(bars, h.bodyAsJsonObject().getInteger("bars"));
            assertTrue(h.bodyAsJsonObject().getString("abc").contains("\""), "chord symbols");
        }
    }

    @Test
    void should_give_a_creator_and_an_admin_exactly_the_lines_asked() {
        for (String token : new String[] {creator, admin}) {
            HttpResponse<Buffer> res = post("lyrics", token, new JsonObject().put("theme", "a lighthouse keeper").put("scheme", "ABAB")
                    .put("lines", 12).put("syllables", 8));
            assertEquals(200, res.statusCode(), res.bodyAsString());
            JsonObject l = res.bodyAsJsonObject();
            assertNotNull(l.getLong("id"));
            assertEquals("ABAB", l.getString("scheme"));
            assertEquals(12, l.getString("text").lines().filter(s -> !s.isBlank()).count(), l.getString("text"));
        }
    }

    @Test
    void should_reject_each_bad_field_by_name() {
        record Bad(String path, JsonObject body, String code) {}
        for (Bad b : java.util.List.of(
                new Bad("lyrics", new JsonObject().put("lines", 4), "invalid_theme"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("lines", 0), "invalid_lines"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("lines", "eight"), "invalid_lines"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("syllables", 40), "invalid_syllables"),
                new Bad("lyrics", new JsonObject().put("theme", "x").put("scheme", "AB-B"), "invalid_scheme"),
                new Bad("melody", new JsonObject().put("key", "H"), "invalid_key"),
                new Bad("melody", new JsonObject().put("meter", "4-4"), "invalid_meter"),
                new Bad("melody", new JsonObject().put("bars", 65), "invalid_bars"),
                new Bad("melody", new JsonObject().put("bars", 8.5), "invalid_bars"),
                new Bad("melody", new JsonObject().put("tempo", 90), "invalid_tempo"),
                new Bad("harmony", new JsonObject(), "invalid_melody_id"),
                new Bad("melody", new JsonObject().put("conversationId", "nope"), "invalid_conversation_id"),
                new Bad("harmony", new JsonObject().put("melodyId", "7"), "invalid_melody_id"))) {
            HttpResponse<Buffer> res = post(b.path(), creator, b.body());
            assertEquals(400, res.statusCode(), b + " -> " + res.bodyAsString());
            assertEquals(b.code(), res.bodyAsJsonObject().getJsonObject("error").getString("code"), b.toString());
        }
        assertEquals(404, post("harmony", creator, new JsonObject().put("melodyId", 999_999_999)).statusCode());
        assertEquals(404, post("melody", creator, new JsonObject().put("conversationId", java.util.UUID.randomUUID().toString())).statusCode(),
                "someone else's (or no) conversation");
    }
}
