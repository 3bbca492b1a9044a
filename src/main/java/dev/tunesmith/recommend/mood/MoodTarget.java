package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.Range;
import java.util.List;

/**
 * What a free-text mood request asks for. Ranges are soft targets for ranking (null: no
 * preference); unwanted tags and artists are hard exclusions.
 *
 * @param text the original request
 * @param label short human label, e.g. "melancholic, hopeful"
 * @param valence target valence range (0–1) or null
 * @param energy target energy range (0–1) or null
 * @param tempo target tempo range (BPM) or null
 * @param wantedTags tags that should be favoured (lower case)
 * @param unwantedTags tags to exclude (lower case)
 * @param wantedArtists artists to favour
 * @param unwantedArtists artists to exclude
 * @param embedding embedding of the request without its negated parts, or null
 * @param moods canonical mood words asked for (their {@link MoodModel} regions are combined)
 * @param avoidMoods canonical mood words negated ("not sad"), whose regions push items down
 * @param genres genre or tag words the request names itself ("jazz", "a little jazzy", "folky"), a
 *     subset of {@code wantedTags}: a playlist keeps to them when the catalogue has enough of them
 */
public record MoodTarget(String text, String label, Range valence, Range energy, Range tempo,
        List<String> wantedTags, List<String> unwantedTags, List<String> wantedArtists, List<String> unwantedArtists,
        float[] embedding, List<String> moods, List<String> avoidMoods, List<String> genres) {

    /** Immutable lists. */
    public MoodTarget {
        genres = genres == null ? List.of() : List.copyOf(genres);
        wantedTags = List.copyOf(wantedTags);
        unwantedTags = List.copyOf(unwantedTags);
        wantedArtists = List.copyOf(wantedArtists);
        unwantedArtists = List.copyOf(unwantedArtists);
        moods = moods == null ? List.of() : List.copyOf(moods);
        avoidMoods = avoidMoods == null ? List.of() : List.copyOf(avoidMoods);
    }

    /** A target that names no genre itself. */
    public MoodTarget(String text, String label, Range valence, Range energy, Range tempo, List<String> wantedTags,
            List<String> unwantedTags, List<String> wantedArtists, List<String> unwantedArtists, float[] embedding,
            List<String> moods, List<String> avoidMoods) {
        this(text, label, valence, energy, tempo, wantedTags, unwantedTags, wantedArtists, unwantedArtists, embedding,
                moods, avoidMoods, List.of());
    }

    /** A target without mood words (ranges, tags and artists only). */
    public MoodTarget(String text, String label, Range valence, Range energy, Range tempo, List<String> wantedTags,
            List<String> unwantedTags, List<String> wantedArtists, List<String> unwantedArtists, float[] embedding) {
        this(text, label, valence, energy, tempo, wantedTags, unwantedTags, wantedArtists, unwantedArtists, embedding,
                List.of(), List.of());
    }

    /** No mood: rank by taste only. */
    public static final MoodTarget NONE =
            new MoodTarget("", "", null, null, null, List.of(), List.of(), List.of(), List.of(), null);

    /** Whether this target asks for nothing. */
    public boolean isEmpty() {
        return valence == null && energy == null && tempo == null && wantedTags.isEmpty() && unwantedTags.isEmpty()
                && wantedArtists.isEmpty() && unwantedArtists.isEmpty() && embedding == null && moods.isEmpty()
                && avoidMoods.isEmpty();
    }

    private List<String> withMood(String extra) {
        List<String> out = new java.util.ArrayList<>(moods);
        out.add(extra);
        return out;
    }

    /** This target with the energy range moved by {@code delta} (creates one around 0.5 if absent). */
    public MoodTarget shiftEnergy(double delta) {
        Range e = energy == null ? new Range(0.35, 0.65) : energy;
        String l = (label.isEmpty() ? "" : label + ", ") + (delta > 0 ? "more energetic" : "calmer");
        return new MoodTarget(text, l, valence, e.shift(delta, 0, 1), tempo, wantedTags, unwantedTags, wantedArtists,
                unwantedArtists, embedding, moods.isEmpty() ? moods : withMood(delta > 0 ? "energetic" : "low energy"),
                avoidMoods, genres);
    }
}
