package dev.tunesmith.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GET /api/me/stream: what an admin changes reaches the user's open stream at once. */
class SessionStreamTest extends AppTestBase {

    /** One server-sent event. */
    record Sse(String event, JsonObject data) {}

    /** Opens the stream and reads its events on a thread of its own; the queue gets each event and, at the end, an "end" marker. */
    private static BlockingQueue<Sse> open(String token, int[] status) throws Exception {
        BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestSupport.uri(app.port(), "/api/me/stream"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        status[0] = res.statusCode();
        Thread reader = new Thread(() -> {
            String[] name = {null};
            try {
                res.body().forEach(line -> {
                    if (line.startsWith("event: ")) {
                        name[0] = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        events.add(new Sse(name[0], new JsonObject(line.substring(6))));
                    }
                });
            } catch (RuntimeException e) {
                // the stream was cut: the end marker follows
            }
            events.add(new Sse("end", new JsonObject()));
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static void patch(String admin, long id, JsonObject body) {
        var res = http.patch(app.port(), "127.0.0.1", "/api/admin/users/" + id).putHeader("Authorization", "Bearer " + admin)
                .sendJsonObject(body).await();
        assertEquals(200, res.statusCode(), res.bodyAsString());
    }

    @Test
    void should_push_a_granted_role_and_then_the_disabling_to_the_open_stream() throws Exception {
        String name = TestSupport.uniqueUser("streamed");
        String token = TestSupport.registerAndLogin(http, app.port(), name);
        long id = idOf(token);
        String admin = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
        int[] status = new int[1];
        BlockingQueue<Sse> events = open(token, status);
        assertEquals(200, status[0]);

        Sse first = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(first, "the stream starts with the user");
        assertEquals("user", first.event());
        assertEquals(name, first.data().getString("username"));
        assertEquals(List.of("listener"), first.data().getJsonArray("roles").getList());

        long t0 = System.nanoTime();
        patch(admin, id, new JsonObject().put("roles", new JsonArray().add("listener").add("creator")));
        Sse granted = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(granted, "the granted role is pushed");
        assertEquals("user", granted.event());
        assertTrue(granted.data().getJsonArray("roles").contains("creator"), granted.data().encode());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "pushed within a few seconds");

        patch(admin, id, new JsonObject().put("roles", new JsonArray().add("listener")));
        Sse removed = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(removed);
        assertEquals(List.of("listener"), removed.data().getJsonArray("roles").getList(), "a removed role is pushed too");

        patch(admin, id, new JsonObject().put("disabled", true));
        Sse revoked = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(revoked, "the disabling is pushed");
        assertEquals("revoked", revoked.event());
        assertEquals("account_disabled", revoked.data().getJsonObject("error").getString("code"));
        Sse end = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(end);
        assertEquals("end", end.event(), "the stream ends after revoked");
    }

    @Test
    void should_not_tell_one_user_about_another_and_refuse_a_missing_token() throws Exception {
        String a = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("watcher"));
        String b = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("other"));
        String admin = TestSupport.login(http, app.port(), "admin", TestSupport.ADMIN_PASSWORD);
        int[] status = new int[1];
        BlockingQueue<Sse> events = open(a, status);
        assertEquals("user", events.poll(10, TimeUnit.SECONDS).event());
        patch(admin, idOf(b), new JsonObject().put("roles", new JsonArray().add("listener").add("creator")));
        patch(admin, idOf(a), new JsonObject().put("roles", new JsonArray().add("listener").add("creator")));
        Sse next = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(next);
        assertEquals(List.of("listener", "creator"), next.data().getJsonArray("roles").getList(), "the first event after is my own change, not b's");
        assertEquals(401, http.get(app.port(), "127.0.0.1", "/api/me/stream").send().await().statusCode());
    }
}
