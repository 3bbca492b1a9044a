package dev.tunesmith.playlist;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a playlist (contract JSON) as M3U (extended), XSPF 1 (XML) or JSPF (XSPF as JSON). Each
 * track's location is taken from {@code locations} when it has one there (a scanned file's path for
 * local players, or a signed stream URL), else from its {@code url}.
 */
public final class PlaylistExporter {

    /** The text and its media type. */
    public record Export(String body, String contentType, String extension) {}

    private PlaylistExporter() {}

    /**
     * Where a player finds each track, by track id: an absolute file path (written as a plain path
     * in M3U and as a {@code file://} URI in XSPF/JSPF) or a URL.
     */
    @FunctionalInterface
    public interface Locations {
        Future<Map<Long, String>> of(List<Long> trackIds, long userId, String baseUrl, boolean localFiles);

        Locations NONE = (ids, user, base, local) -> Future.succeededFuture(Map.of());
    }

    public static Export export(JsonObject playlist, String format) {
        return export(playlist, format, Map.of());
    }

    public static Export export(JsonObject playlist, String format, Map<Long, String> locations) {
        return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "m3u" -> new Export(m3u(playlist, locations), "audio/x-mpegurl; charset=utf-8", "m3u");
            case "xspf" -> new Export(xspf(playlist, locations), "application/xspf+xml; charset=utf-8", "xspf");
            case "jspf" -> new Export(jspf(playlist, locations).encodePrettily(), "application/json; charset=utf-8", "jspf");
            default -> throw new IllegalArgumentException("format must be m3u, xspf or jspf");
        };
    }

    /** The track's location: from {@code locations} (a path stays a path when {@code asUri} is false), else its url. */
    static String location(JsonObject t, Map<Long, String> locations, boolean asUri) {
        String l = locations.get(t.getLong("id"));
        if (l == null) {
            return t.getString("url");
        }
        return asUri && l.startsWith("/") ? Path.of(l).toUri().toString() : l;
    }

    static String m3u(JsonObject p) {
        return m3u(p, Map.of());
    }

    static String xspf(JsonObject p) {
        return xspf(p, Map.of());
    }

    static JsonObject jspf(JsonObject p) {
        return jspf(p, Map.of());
    }

    static String m3u(JsonObject p, Map<Long, String> locations) {
        StringBuilder sb = new StringBuilder("#EXTM3U\n#PLAYLIST:").append(oneLine(p.getString("title"))).append('\n');
        for (JsonObject t : tracks(p)) {
            sb.append("#EXTINF:").append(t.getInteger("durationSec", -1)).append(',').append(oneLine(t.getString("artist")))
                    .append(" - ").append(oneLine(t.getString("title"))).append('\n');
            String l = location(t, locations, false);
            sb.append(l == null ? "#no-url-" + t.getLong("id") : l).append('\n');
        }
        return sb.toString();
    }

    static String xspf(JsonObject p, Map<Long, String> locations) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">\n");
        sb.append("  <title>").append(xml(p.getString("title"))).append("</title>\n  <trackList>\n");
        for (JsonObject t : tracks(p)) {
            sb.append("    <track>\n");
            String l = location(t, locations, true);
            if (l != null) {
                sb.append("      <location>").append(xml(l)).append("</location>\n");
            }
            sb.append("      <title>").append(xml(t.getString("title"))).append("</title>\n");
            sb.append("      <creator>").append(xml(t.getString("artist"))).append("</creator>\n");
            if (t.getString("album") != null) {
                sb.append("      <album>").append(xml(t.getString("album"))).append("</album>\n");
            }
            if (t.getInteger("durationSec") != null) {
                sb.append("      <duration>").append(t.getInteger("durationSec") * 1000L).append("</duration>\n");
            }
            sb.append("    </track>\n");
        }
        return sb.append("  </trackList>\n</playlist>\n").toString();
    }

    static JsonObject jspf(JsonObject p, Map<Long, String> locations) {
        JsonArray list = new JsonArray();
        for (JsonObject t : tracks(p)) {
            JsonObject track = new JsonObject().put("title", t.getString("title")).put("creator", t.getString("artist"));
            String l = location(t, locations, true);
            if (l != null) {
                track.put("location", new JsonArray().add(l));
            }
            if (t.getString("album") != null) {
                track.put("album", t.getString("album"));
            }
            if (t.getInteger("durationSec") != null) {
                track.put("duration", t.getInteger("durationSec") * 1000L);
            }
            list.add(track);
        }
        return new JsonObject().put("playlist", new JsonObject().put("title", p.getString("title")).put("track", list));
    }

    private static java.util.List<JsonObject> tracks(JsonObject p) {
        java.util.List<JsonObject> out = new java.util.ArrayList<>();
        p.getJsonArray("items", new JsonArray()).forEach(o -> out.add(((JsonObject) o).getJsonObject("track")));
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    private static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
