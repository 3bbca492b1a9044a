package dev.tunesmith.music;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generated lyrics with the checker's report on them.
 *
 * @param title a title
 * @param text lines separated by newlines, stanzas by a blank line
 * @param scheme the requested scheme
 * @param checks the checker's report on {@code text}
 */
public record Lyrics(String title, String text, String scheme, CheckReport checks) {

    /** JSON-ready map: {@code title, text, scheme, checks}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("text", text);
        m.put("scheme", scheme);
        m.put("checks", checks.toMap());
        return m;
    }
}
