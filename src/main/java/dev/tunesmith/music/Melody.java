package dev.tunesmith.music;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generated melody.
 *
 * @param abc complete ABC tune (header, melody with chord symbols, final bar line)
 * @param key key as written in {@code K:}
 * @param meter meter as written in {@code M:}
 * @param bars number of bars
 */
public record Melody(String abc, String key, String meter, int bars) {

    /** The title a generated melody gets, naming its key: "Melody in D minor", "Melody in Bb major". */
    public static String generatedTitle(dev.tunesmith.music.abc.Key key) {
        String s = key.toString();
        String tonic = key.minor() ? s.substring(0, s.length() - 1) : s;
        return "Melody in " + tonic + (key.minor() ? " minor" : " major");
    }

    /** JSON-ready map: {@code abc, key, meter, bars}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("abc", abc);
        m.put("key", key);
        m.put("meter", meter);
        m.put("bars", bars);
        return m;
    }
}
