package dev.tunesmith.recommend;

import java.time.Instant;

/**
 * One thing a user did with a track.
 *
 * @param trackId raw track id
 * @param type the wire name of an {@link EventType}
 * @param playedSec seconds played (for {@code play}); null when unknown
 * @param at when it happened
 */
public record UserEvent(long trackId, String type, Double playedSec, Instant at) {
    /** Event types understood by {@link ProfileBuilder}. */
    public static final java.util.List<String> TYPES = EventType.WIRE_NAMES;
}
