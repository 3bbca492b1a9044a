package dev.tunesmith.recommend;

import java.util.List;

/**
 * A recommended, ordered list of items with the constraints it satisfies.
 *
 * @param items items in playing order
 * @param satisfiedConstraints every constraint that was applied, with its value, and its
 *     {@link SatisfiedConstraints#shortfall() shortfall} when fewer items than requested satisfy them
 * @param label mood label the playlist was built for (may be empty)
 */
public record Playlist(List<PlaylistItem> items, SatisfiedConstraints satisfiedConstraints, String label) {
    /** Immutable copies. */
    public Playlist {
        items = List.copyOf(items);
        java.util.Objects.requireNonNull(satisfiedConstraints, "satisfiedConstraints");
    }

    /** Track ids in order. */
    public List<Long> trackIds() {
        return items.stream().map(i -> i.item().trackId()).toList();
    }
}
