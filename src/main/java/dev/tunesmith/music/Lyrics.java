package dev.tunesmith.music;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated lyrics with the checker's report on them.
 *
 * @param title a title
 * @param text lines separated by newlines, stanzas by a blank line
 * @param scheme the requested scheme
 * @param checks the checker's report on {@code text}
 * @param sections what each stanza is ("verse", "chorus"), when the generator says
 */
public record Lyrics(String title, String text, String scheme, CheckReport checks, List<String> sections) {

    public Lyrics {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public Lyrics(String title, String text, String scheme, CheckReport checks) {
        this(title, text, scheme, checks, List.of());
    }

    /** JSON-ready map: {@code title, text, scheme, checks}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("text", text);
        m.put("scheme", scheme);
        m.put("checks", checks.toMap());
        if (!sections.isEmpty()) {
            m.put("sections", sections);
        }
        return m;
    }
}
