package dev.tunesmith.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaylistExporterTest {

    private static JsonObject playlist() {
        JsonObject scanned = new JsonObject().put("id", 7L).put("title", "Elf Land").put("artist", "A. Aubry").put("durationSec", 27);
        JsonObject remote = new JsonObject().put("id", 8L).put("title", "Remote").put("artist", "B").put("url", "https://example.org/b.mp3");
        return new JsonObject().put("title", "Mix").put("items", new JsonArray()
                .add(new JsonObject().put("track", scanned)).add(new JsonObject().put("track", remote)));
    }

    @Test
    void should_write_local_paths_as_paths_in_m3u_and_as_file_uris_in_xspf_and_jspf() {
        Map<Long, String> local = Map.of(7L, "/music/Wesnoth OST/elf land.ogg");
        String m3u = PlaylistExporter.export(playlist(), "m3u", local).body();
        assertTrue(m3u.contains("\n/music/Wesnoth OST/elf land.ogg\n"), m3u);
        assertTrue(m3u.contains("\nhttps://example.org/b.mp3\n"), "other tracks keep their url");
        String xspf = PlaylistExporter.export(playlist(), "xspf", local).body();
        assertTrue(xspf.contains("<location>file:///music/Wesnoth%20OST/elf%20land.ogg</location>"), xspf);
        JsonObject jspf = new JsonObject(PlaylistExporter.export(playlist(), "jspf", local).body());
        assertEquals("file:///music/Wesnoth%20OST/elf%20land.ogg",
                jspf.getJsonObject("playlist").getJsonArray("track").getJsonObject(0).getJsonArray("location").getString(0));
    }

    @Test
    void should_write_stream_urls_unchanged() {
        String url = "http://host:8080/api/tracks/7/stream?u=1&exp=2&sig=abc";
        String xspf = PlaylistExporter.export(playlist(), "xspf", Map.of(7L, url)).body();
        assertTrue(xspf.contains("<location>http://host:8080/api/tracks/7/stream?u=1&amp;exp=2&amp;sig=abc</location>"), xspf);
        assertTrue(PlaylistExporter.export(playlist(), "m3u", Map.of(7L, url)).body().contains("\n" + url + "\n"));
    }
}
