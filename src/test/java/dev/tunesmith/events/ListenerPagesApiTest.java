package dev.tunesmith.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes behind the listener pages: likes with remembered state, artist and album pages, "more like this". */
class ListenerPagesApiTest extends AppTestBase {

    private static String token;
    private static JsonArray tracks;

    @BeforeAll
    static void setUp() {
        token = TestSupport.registerAndLogin(http, app.port(), TestSupport.uniqueUser("pages"));
        tracks = http.get(app.port(), "127.0.0.1", "/api/tracks?tag=electronic&limit=3").send().await().bodyAsJsonObject().getJsonArray("items");
    }

    private static long track(int i) {
        return tracks.getJsonObject(i).getLong("id");
    }

    private static void event(long trackId, String type) {
        assertEquals(202, http.post(app.port(), "127.0.0.1", "/api/me/events").bearerTokenAuthentication(token)
                .sendJsonObject(new JsonObject().put("trackId", trackId).put("type", type)).await().statusCode());
    }

    private static HttpResponse<Buffer> get(String path) {
        return http.get(app.port(), "127.0.0.1", path).bearerTokenAuthentication(token).send().await();
    }

    @Test
    void should_remember_the_latest_like_and_favourite_state() {
        // given: liked then unliked track 0, liked track 1, favourite track 2 (and a like of 1 again)
        event(track(0), "like");
        event(track(1), "like");
        event(track(0), "unlike");
        event(track(2), "favorite");
        event(track(1), "like");

        // when
        JsonObject likes = get("/api/me/likes").bodyAsJsonObject();

        // then
        assertEquals(new JsonArray().add(track(1)), likes.getJsonArray("likedIds"));
        assertEquals(new JsonArray().add(track(2)), likes.getJsonArray("favoriteIds"));
        assertEquals(2, likes.getJsonArray("items").size());
        JsonObject newest = likes.getJsonArray("items").getJsonObject(0);
        assertEquals(track(1), newest.getJsonObject("track").getLong("id"), "newest first");
        assertTrue(newest.getBoolean("liked"));
        assertFalse(newest.getBoolean("favorite"));
        assertEquals(401, http.get(app.port(), "127.0.0.1", "/api/me/likes").send().await().statusCode());
    }

    @Test
    void should_show_an_artist_with_albums_and_an_album_with_its_tracks() {
        JsonObject t = tracks.getJsonObject(0);
        HttpResponse<Buffer> res = http.get(app.port(), "127.0.0.1", "/api/artists").addQueryParam("name", t.getString("artist").toUpperCase())
                .send().await();
        assertEquals(200, res.statusCode(), res.bodyAsString());
        JsonObject artist = res.bodyAsJsonObject();
        assertEquals(t.getString("artist"), artist.getString("name"));
        assertTrue(artist.getJsonArray("tracks").stream().anyMatch(o -> ((JsonObject) o).getLong("id").equals(t.getLong("id"))));
        assertEquals(artist.getInteger("trackCount"), artist.getJsonArray("tracks").size());
        if (t.getString("album") != null) {
            JsonObject album = http.get(app.port(), "127.0.0.1", "/api/albums").addQueryParam("artist", t.getString("artist"))
                    .addQueryParam("name", t.getString("album")).send().await().bodyAsJsonObject();
            assertEquals(t.getString("album"), album.getString("name"));
            assertTrue(album.getJsonArray("tracks").stream().allMatch(o -> t.getString("album").equals(((JsonObject) o).getString("album"))));
        }
        assertEquals(404, http.get(app.port(), "127.0.0.1", "/api/artists?name=no-such-artist-xyz").send().await().statusCode());
        assertEquals(400, http.get(app.port(), "127.0.0.1", "/api/albums?artist=x").send().await().statusCode());
    }

    @Test
    void should_list_tracks_like_this_one_with_reasons() {
        HttpResponse<Buffer> res = get("/api/tracks/" + track(0) + "/similar?k=5");
        assertEquals(200, res.statusCode(), res.bodyAsString());
        JsonArray items = res.bodyAsJsonObject().getJsonArray("items");
        assertEquals(5, items.size());
        for (Object o : items) {
            JsonObject item = (JsonObject) o;
            assertTrue(item.getJsonObject("track").getLong("id") != track(0), "the seed itself is not listed");
            assertTrue(item.getJsonArray("reasons").getString(0).startsWith("similar to"));
        }
    }
}
