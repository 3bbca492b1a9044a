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
