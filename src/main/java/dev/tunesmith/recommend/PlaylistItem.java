package dev.tunesmith.recommend;

import java.util.List;

/**
 * One recommended item.
 *
 * @param item the catalogue item
 * @param score blended relevance (higher is better; comparable within one playlist only)
 * @param reasons human-readable reasons, strongest first, never empty
 */
public record PlaylistItem(CatalogItem item, double score, List<String> reasons) {
    /** Immutable reasons. */
    public PlaylistItem {
        reasons = List.copyOf(reasons);
    }
}
