package dev.tunesmith.music.abc;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed tune: header fields in order (the last one is {@code K:}) and the body elements.
 *
 * @param header header fields
 * @param body body elements
 */
public record Tune(List<AbcElement.Field> header, List<AbcElement> body) {

    /** Copies the lists. */
    public Tune {
        header = List.copyOf(header);
        body = List.copyOf(body);
    }

    /** Value of the first header field with that name, or null. */
    public String field(char name) {
        for (AbcElement.Field f : header) {
            if (f.name() == name) {
                return f.value();
            }
        }
        return null;
    }

    /** The tune title, or an empty string. */
    public String title() {
        String t = field('T');
        return t == null ? "" : t.strip();
    }

    /** The key at the start of the body. */
    public Key key() {
        return Key.parse(field('K'));
    }

    /** The meter at the start of the body (4/4 when absent). */
    public Meter meter() {
        String m = field('M');
        return m == null ? new Meter(4, 4) : Meter.parse(m);
    }

    /** The unit note length at the start of the body, with the ABC default rule when absent. */
    public Fraction unitLength() {
        String l = field('L');
        if (l != null) {
            return Fraction.parse(l.strip());
        }
        return meter().barLength().compareTo(Fraction.of(3, 4)) < 0 ? Fraction.of(1, 16) : Fraction.of(1, 8);
    }

    /** A copy with another header field value (replaced in place or added before {@code K:}). */
    public Tune withField(char name, String value) {
        List<AbcElement.Field> h = new ArrayList<>(header);
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).name() == name) {
                h.set(i, new AbcElement.Field(name, value, false));
                return new Tune(h, body);
            }
        }
        h.add(Math.max(0, h.size() - 1), new AbcElement.Field(name, value, false));
        return new Tune(h, body);
    }
}
