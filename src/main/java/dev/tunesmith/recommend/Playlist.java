package dev.tunesmith.recommend;

import java.util.List;
import java.util.Map;

/**
 * A recommended, ordered list of items with the constraints it satisfies.
 *
 * @param items items in playing order
 * @param satisfiedConstraints every constraint that was applied, by name, with its value
 *     (e.g. {@code maxPerArtist → 2}, {@code energy → "[0.20, 0.50]"}); {@code shortfall} appears when
 *     fewer items than requested satisfy them
 * @param label mood label the playlist was built for (may be empty)
 */
public record Playlist(List<PlaylistItem> items, Map<String, Object> satisfiedConstraints, String label) {
    /** Immutable copies. */
    public Playlist {
        items = List.copyOf(items);
        satisfiedConstraints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(satisfiedConstraints));
    }

    /** Track ids in order. */
    public List<Long> trackIds() {
        return items.stream().map(i -> i.item().trackId()).toList();
    }
}
