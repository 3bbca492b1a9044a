package dev.tunesmith.playlist;

import java.util.List;

/**
 * An edit of the conversation's current playlist.
 *
 * <p>Actions: {@code set_count} (amount = new total), {@code add} (amount more), {@code remove}
 * (positions, or amount from the end), {@code swap} (positions, optional direction),
 * {@code shift} (direction for the whole list, or for positions), {@code exclude_artist},
 * {@code exclude_genre}, {@code exclude} (a term the catalogue sorts into artist or genre),
 * {@code constrain} (new tempo/energy/length/per-artist limits), {@code refresh} (a new list for the same request, none of
 * the current tracks), {@code more_by_artist} (a new list of other tracks by {@code artist}, the artist at the first
 * position, or the list's main artist), {@code order} (the same tracks reordered so the list moves in {@code direction} from
 * first to last; none: a shuffled order), {@code undo}; and the older
 * {@code more_energetic}, {@code less_energetic}, {@code longer}, {@code shorter}.
 * Directions: calmer, more_energetic, happier, sadder, faster, slower.
 *
 * @param action what to do
 * @param positions 1-based positions (-1 = the last one)
 * @param amount a count (see the action)
 * @param artist an artist, for exclude_artist and more_by_artist
 * @param genre a genre, for exclude_genre
 * @param direction for swap, shift and order
 * @param minTempo for constrain
 * @param maxTempo for constrain
 * @param minEnergy for constrain
 * @param maxEnergy for constrain
 * @param minDurationSec for constrain
 * @param maxDurationSec for constrain
 * @param maxPerArtist for constrain
 * @param minYear earliest release year, for constrain
 * @param maxYear latest release year, for constrain
 */
public record RefineRequest(String action, List<Integer> positions, Integer amount, String artist, String genre, String direction,
        Double minTempo, Double maxTempo, Double minEnergy, Double maxEnergy, Integer minDurationSec, Integer maxDurationSec,
        Integer maxPerArtist, Integer minYear, Integer maxYear) {

    /** Without year limits. */
    public RefineRequest(String action, List<Integer> positions, Integer amount, String artist, String genre, String direction,
            Double minTempo, Double maxTempo, Double minEnergy, Double maxEnergy, Integer minDurationSec, Integer maxDurationSec,
            Integer maxPerArtist) {
        this(action, positions, amount, artist, genre, direction, minTempo, maxTempo, minEnergy, maxEnergy, minDurationSec, maxDurationSec,
                maxPerArtist, null, null);
    }

    public RefineRequest {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }

    /** The original four-field edit (one position). */
    public RefineRequest(String action, Integer position, Integer amount, String artist) {
        this(action, position == null ? List.of() : List.of(position), amount, artist, null, null, null, null, null, null, null, null, null);
    }
}
