package dev.tunesmith.playlist;

import dev.tunesmith.catalog.Track;
import java.util.List;

/**
 * Tracks recommended but not stored (discovery, "more like this"), best first, with their scores and reasons.
 *
 * @param constraints what may be said about the list, or null where none is given (similar tracks)
 */
public record Recommendations(List<Scored> items, PlaylistSummary constraints) {

    public Recommendations {
        items = List.copyOf(items);
    }

    /** A recommended track, its blended score and the reasons for it. */
    public record Scored(Track track, double score, List<String> reasons) {
        public Scored {
            reasons = List.copyOf(reasons);
        }
    }
}
