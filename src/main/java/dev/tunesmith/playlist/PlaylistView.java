package dev.tunesmith.playlist;

import dev.tunesmith.catalog.Track;
import java.util.List;

/**
 * A stored playlist as its owner sees it: the tracks still in the catalogue, in order, with why each is there,
 * and what may be said about the list. {@link PlaylistJson#toJson(PlaylistView)} is its wire shape.
 */
public record PlaylistView(long id, String title, List<Entry> items, PlaylistSummary constraints) {

    public PlaylistView {
        items = List.copyOf(items);
    }

    /** One track of the list and the reasons it was chosen. */
    public record Entry(Track track, List<String> reasons) {
        public Entry {
            reasons = List.copyOf(reasons);
        }
    }
}
