package dev.tunesmith.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.AppTestBase;
import dev.tunesmith.TestSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

class CatalogApiTest extends AppTestBase {



    private HttpResponse<Buffer> get(String path) {
        return http.get(app.port(), "127.0.0.1", path).send().await();
    }

    @Test
    void should_search_by_words_prefix_and_filter_by_tag() {
        HttpResponse<Buffer> res = get("/api/tracks?q=whisper%20nig&limit=5");
        assertEquals(200, res.statusCode());
        JsonObject body = res.bodyAsJsonObject();
        JsonArray items = body.getJsonArray("items");
        assertTrue(items.size() >= 1);
        JsonObject t = items.getJsonObject(0);
        String text = (t.getString("title") + " " + t.getString("artist") + " " + t.getString("album", "")).toLowerCase();
        assertTrue(text.contains("whisper") && text.contains("nig"), text);
        for (String key : new String[] {"id", "title", "artist", "tags", "durationSec", "features"}) {
            assertTrue(t.containsKey(key), "track lacks " + key);
        }

        JsonObject ambient = get("/api/tracks?tag=ambient&limit=100").bodyAsJsonObject();
        assertTrue(ambient.getLong("total") > 100);
        assertEquals(100, ambient.getJsonArray("items").size());
        ambient.getJsonArray("items").forEach(o -> assertTrue(((JsonObject) o).getJsonArray("tags").contains("ambient")));
    }

    @Test
    void should_page_with_offset() {
        JsonArray first = get("/api/tracks?limit=3&offset=0").bodyAsJsonObject().getJsonArray("items");
        JsonArray second = get("/api/tracks?limit=3&offset=3").bodyAsJsonObject().getJsonArray("items");
        assertEquals(3, first.size());
        assertTrue(first.stream().noneMatch(second::contains));
    }

    @Test
    void should_return_one_track_or_404() {
        long id = get("/api/tracks?limit=1").bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getLong("id");
        assertEquals(id, get("/api/tracks/" + id).bodyAsJsonObject().getLong("id"));
        HttpResponse<Buffer> missing = get("/api/tracks/999999999");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", missing.bodyAsJsonObject().getJsonObject("error").getString("code"));
        assertEquals(400, get("/api/tracks/abc").statusCode());
    }

    @Test
    void should_reject_limits_over_100() {
        HttpResponse<Buffer> res = get("/api/tracks?limit=101");
        assertEquals(400, res.statusCode());
        assertTrue(res.bodyAsJsonObject().getJsonObject("error").getString("message").contains("limit"));
    }
}
