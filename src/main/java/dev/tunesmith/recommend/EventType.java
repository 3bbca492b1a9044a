package dev.tunesmith.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a listener can do with a track: the one list, used by the events API, profiles and weights. */
public enum EventType {
    PLAY, SKIP, LIKE, UNLIKE, FAVORITE, UNFAVORITE, SHARE, COMMENT;

    /** The wire names ({@code play}, {@code skip}, ...), in declaration order. */
    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(EventType::wire).toList();

    /** The name used in JSON and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (EventType t : values()) {
            if (t.wire().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
