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

    @Test
    void should_recommend_an_artists_own_tracks_when_the_mood_names_them() {
        // the shipped catalogue has more than 10 tracks by Brad Sucks
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("byartist"));
        JsonArray brad = recommendations(token, "?k=10&mood=songs%20by%20Brad%20Sucks");
        assertEquals(10, brad.size());
        for (Object o : brad) {
            JsonObject item = (JsonObject) o;
            assertEquals("Brad Sucks", item.getJsonObject("track").getString("artist"), brad.encode());
            assertEquals("by Brad Sucks", item.getJsonArray("reasons").getString(0));
        }
    }

    @Test
    void should_keep_every_track_inside_the_length_range_asked_over_rest() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("len"));
        // given: a listener who wants upbeat songs of three to five minutes
        var res = http.get(app.port(), "127.0.0.1", "/api/me/recommendations?k=15&mood=upbeat%20songs%20for%20cooking&minDuration=180&maxDuration=300")
                .putHeader("Authorization", "Bearer " + token).send().await();
        assertEquals(200, res.statusCode(), res.bodyAsString());
        JsonArray items = res.bodyAsJsonObject().getJsonArray("items");
        assertEquals(15, items.size());
        items.forEach(o -> {
            int d = ((JsonObject) o).getJsonObject("track").getInteger("durationSec");
            assertTrue(d >= 180 && d <= 300, "a " + d + " s track in a 3–5 minute list");
        });
        JsonArray facts = res.bodyAsJsonObject().getJsonObject("constraints").getJsonArray("facts");
        assertTrue(facts.stream().anyMatch(f -> f.toString().contains("between 3:00 and 5:00 long")), facts.encode());

        // and: a short cap alone (the alias spelling), for calm music
        JsonArray shorts = recommendations(token, "?k=10&mood=calm&maxDurationSec=150");
        assertFalse(shorts.isEmpty());
        shorts.forEach(o -> assertTrue(((JsonObject) o).getJsonObject("track").getInteger("durationSec") <= 150));

        // and: asking for tracks over 12 minutes lifts the mood playlists' default that leaves them out
        JsonArray longOnes = recommendations(token, "?k=5&mood=ambient%20for%20deep%20sleep&minDuration=900");
        assertFalse(longOnes.isEmpty(), "no long track although the catalogue has some");
        longOnes.forEach(o -> assertTrue(((JsonObject) o).getJsonObject("track").getInteger("durationSec") >= 900));
        JsonArray plain = recommendations(token, "?k=40&mood=ambient%20for%20deep%20sleep");
        plain.forEach(o -> assertTrue(((JsonObject) o).getJsonObject("track").getInteger("durationSec") <= 720,
                "a long track without being asked: " + o));
    }

    @Test
    void should_name_the_length_parameter_that_is_wrong() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("badlen"));
        for (String[] c : new String[][] {{"maxDuration=4min", "maxDuration"}, {"minDuration=-5", "minDuration"},
            {"maxDuration=99999999", "maxDuration"}, {"minDuration=300&maxDuration=120", "minDuration"}, {"minDurationSec=2.5", "minDurationSec"}}) {
            var res = http.get(app.port(), "127.0.0.1", "/api/me/recommendations?k=5&" + c[0]).putHeader("Authorization", "Bearer " + token)
                    .send().await();
            assertEquals(400, res.statusCode(), c[0] + " → " + res.bodyAsString());
            JsonObject error = res.bodyAsJsonObject().getJsonObject("error");
            assertEquals(c[1], error.getString("field"), res.bodyAsString());
            assertTrue(error.getString("message").contains(c[1]), res.bodyAsString());
        }
    }

    @Test
    void should_keep_every_track_inside_the_release_years_asked_and_name_a_wrong_year() {
        String token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("years"));
        var res = http.get(app.port(), "127.0.0.1", "/api/me/recommendations?k=12&mood=calm&maxYear=2009")
                .putHeader("Authorization", "Bearer " + token).send().await();
        assertEquals(200, res.statusCode(), res.bodyAsString());
        JsonArray items = res.bodyAsJsonObject().getJsonArray("items");
        assertEquals(12, items.size());
        items.forEach(o -> {
            Integer y = ((JsonObject) o).getJsonObject("track").getInteger("year");
            assertTrue(y != null && y <= 2009, "a track of " + y + " in a list from before 2010");
        });
        JsonArray facts = res.bodyAsJsonObject().getJsonObject("constraints").getJsonArray("facts");
        assertTrue(facts.stream().anyMatch(f -> f.toString().startsWith("all from 2009 or before")), facts.encode());
        JsonArray span = recommendations(token, "?k=8&mood=upbeat&minYear=2010&maxYear=2012");
        assertFalse(span.isEmpty());
        span.forEach(o -> {
            Integer y = ((JsonObject) o).getJsonObject("track").getInteger("year");
            assertTrue(y != null && y >= 2010 && y <= 2012, "year " + y);
        });
        for (String[] c : new String[][] {{"minYear=nineties", "minYear"}, {"maxYear=99", "maxYear"}, {"minYear=2012&maxYear=2001", "minYear"}}) {
            var bad = http.get(app.port(), "127.0.0.1", "/api/me/recommendations?k=5&" + c[0]).putHeader("Authorization", "Bearer " + token)
                    .send().await();
            assertEquals(400, bad.statusCode(), c[0] + " → " + bad.bodyAsString());
            assertEquals(c[1], bad.bodyAsJsonObject().getJsonObject("error").getString("field"), bad.bodyAsString());
        }
    }

    private static double meanEnergy(JsonArray items) {
        return items.stream().mapToDouble(o -> ((JsonObject) o).getJsonObject("track").getJsonObject("features").getDouble("energy", 0.5))
                .average().orElse(0);
    }
}
