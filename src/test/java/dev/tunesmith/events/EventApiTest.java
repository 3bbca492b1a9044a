package dev.tunesmith.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventApiTest extends AppTestBase {

    private static String token;
    private static long trackId;

    @BeforeAll
    static void setUp() {
        token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("ev"));
        trackId = http.get(app.port(), "127.0.0.1", "/api/tracks?tag=ambient&limit=1").send().await()
                .bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getLong("id");
    }

    private HttpResponse<Buffer> post(JsonObject body) {
        return http.post(app.port(), "127.0.0.1", "/api/me/events").putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(body).await();
    }

    private static String code(HttpResponse<Buffer> res) {
        return res.bodyAsJsonObject().getJsonObject("error").getString("code");
    }

    @Test
    void should_store_events_and_update_the_cached_profile_without_retraining() throws Exception {
        // given a profile that is already built and cached (empty)
        JsonObject before = me().getJsonObject("profile");
        assertTrue(before.getJsonArray("topTags").isEmpty());

        // when
        assertEquals(202, post(new JsonObject().put("trackId", trackId).put("type", "like")).statusCode());
        HttpResponse<Buffer> play = post(new JsonObject().put("trackId", trackId).put("type", "play").put("playedSec", 120.5));
        assertEquals(202, play.statusCode());
        assertTrue(play.bodyAsJsonObject().getLong("id") > 0);
        assertEquals(202, post(new JsonObject().put("trackId", trackId).put("type", "comment").put("text", "lovely")).statusCode());

        // then the profile shows them within a second (incremental update from the event bus)
        JsonObject profile = null;
        for (int i = 0; i < 20; i++) {
            profile = me().getJsonObject("profile");
            if (profile.getJsonObject("counts").getInteger("comment", 0) == 1) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(1, profile.getJsonObject("counts").getInteger("like"));
        assertEquals(1, profile.getJsonObject("counts").getInteger("play"));
        assertEquals(1, profile.getJsonObject("counts").getInteger("comment"));
        var trackTags = http.get(app.port(), "127.0.0.1", "/api/tracks/" + trackId).send().await().bodyAsJsonObject().getJsonArray("tags");
        assertTrue(trackTags.contains(profile.getJsonArray("topTags").getJsonObject(0).getString("name")), profile.encode());
        assertTrue(profile.getJsonObject("moodCentre").containsKey("energy"));
    }

    private JsonObject me() {
        return http.get(app.port(), "127.0.0.1", "/api/me").putHeader("Authorization", "Bearer " + token).send().await().bodyAsJsonObject();
    }

    @Test
    void should_publish_each_stored_event_on_the_event_bus() throws Throwable {
        VertxTestContext ctx = new VertxTestContext();
        Checkpoint received = ctx.checkpoint();
        var consumer = vertx.eventBus().<JsonObject>consumer(EventService.RECORDED, msg -> ctx.verify(() -> {
            if ("share".equals(msg.body().getString("type"))) {
                assertEquals(trackId, msg.body().getLong("trackId"));
                received.flag();
            }
        }));
        consumer.completion().await();
        assertEquals(202, post(new JsonObject().put("trackId", trackId).put("type", "share")).statusCode());
        assertTrue(ctx.awaitCompletion(5, TimeUnit.SECONDS));
        consumer.unregister();
        if (ctx.failed()) {
            throw ctx.causeOfFailure();
        }
    }

    @Test
    void should_reject_bad_events_with_clear_4xx_errors() {
        assertEquals("invalid_event_type", code(post(new JsonObject().put("trackId", trackId).put("type", "dance"))));
        assertEquals("invalid_track_id", code(post(new JsonObject().put("trackId", "x").put("type", "like"))));
        assertEquals("invalid_track_id", code(post(new JsonObject().put("type", "like"))));
        assertEquals("invalid_played_sec", code(post(new JsonObject().put("trackId", trackId).put("type", "play").put("playedSec", -3))));
        assertEquals("invalid_text", code(post(new JsonObject().put("trackId", trackId).put("type", "comment"))));
        assertEquals("invalid_text", code(post(new JsonObject().put("trackId", trackId).put("type", "comment").put("text", "x".repeat(2001)))));
        HttpResponse<Buffer> unknown = post(new JsonObject().put("trackId", 987654321).put("type", "like"));
        assertEquals(404, unknown.statusCode());
        HttpResponse<Buffer> anonymous = http.post(app.port(), "127.0.0.1", "/api/me/events")
                .sendJsonObject(new JsonObject().put("trackId", trackId).put("type", "like")).await();
        assertEquals(401, anonymous.statusCode());
        HttpResponse<Buffer> wrongType = http.post(app.port(), "127.0.0.1", "/api/me/events").putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{}")).await();
        assertEquals(415, wrongType.statusCode());
    }
}
