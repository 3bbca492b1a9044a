package dev.tunesmith.recommend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RecommendationsApiTest extends AppTestBase {



    private JsonArray recommendations(String token, String query) {
        var res = http.get(app.port(), "127.0.0.1", "/api/me/recommendations" + query).putHeader("Authorization", "Bearer " + token).send().await();
        assertEquals(200, res.statusCode(), res.bodyAsString());
        return res.bodyAsJsonObject().getJsonArray("items");
    }

    private static long tagged(JsonArray items, String tag) {
        return items.stream().filter(o -> ((JsonObject) o).getJsonObject("track").getJsonArray("tags").contains(tag)).count();
    }

    @Test
    void should_move_recommendations_towards_what_the_user_just_liked() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("rec"));
        JsonArray before = recommendations(token, "?k=20");
        JsonArray metal = http.get(app.port(), "127.0.0.1", "/api/tracks?tag=metal&limit=8").send().await().bodyAsJsonObject().getJsonArray("items");
        assertEquals(8, metal.size());
        for (int i = 0; i < metal.size(); i++) {
            http.post(app.port(), "127.0.0.1", "/api/me/events").putHeader("Authorization", "Bearer " + token)
                    .sendJsonObject(new JsonObject().put("trackId", metal.getJsonObject(i).getLong("id")).put("type", "favorite")).await();
        }
        JsonArray after = recommendations(token, "?k=20");
        assertTrue(tagged(after, "metal") > tagged(before, "metal"), "metal before " + tagged(before, "metal") + ", after " + tagged(after, "metal"));
        after.forEach(o -> assertFalse(((JsonObject) o).getJsonArray("reasons").isEmpty()));
    }

    @Test
    void should_follow_the_mood_and_validate_k() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("mood"));
        JsonArray calm = recommendations(token, "?k=10&mood=calm%20ambient%20for%20sleeping");
        JsonArray gym = recommendations(token, "?k=10&mood=gym%2C%20hard%20and%20fast");
        assertEquals(10, calm.size());
        assertTrue(meanEnergy(calm) + 0.1 < meanEnergy(gym), "calm " + meanEnergy(calm) + " vs gym " + meanEnergy(gym));
        assertEquals(400, http.get(app.port(), "127.0.0.1", "/api/me/recommendations?k=101").putHeader("Authorization", "Bearer " + token)
                .send().await().statusCode());
    }

    private static double meanEnergy(JsonArray items) {
        return items.stream().mapToDouble(o -> ((JsonObject) o).getJsonObject("track").getJsonObject("features").getDouble("energy", 0.5))
                .average().orElse(0);
    }
}
