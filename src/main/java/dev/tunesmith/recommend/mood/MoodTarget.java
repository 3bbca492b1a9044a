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
 * @param nudges moves of the mood's region asked for later ("calmer", "happier", "faster"): the engine moves the
 *     region's centre on that feature ({@link MoodModel#nudged}), so a refined playlist keeps its mood
 */
public record MoodTarget(String text, String label, Range valence, Range energy, Range tempo,
        List<String> wantedTags, List<String> unwantedTags, List<String> wantedArtists, List<String> unwantedArtists,
        float[] embedding, List<String> moods, List<String> avoidMoods, List<String> genres, List<Nudge> nudges) {

    /**
     * A move of the region on one feature: its centre there is put at {@code centre}, a quantile of the catalogue
     * (where the playlist stood, one step further).
     *
     * @param feature the feature moved
     * @param centre the new centre, a quantile in [0, 1]
     * @param up whether the move was up (more energetic, happier, faster) or down
     */
    public record Nudge(MoodModel.Feature feature, double centre, boolean up) {
        /** Checks the range. */
        public Nudge {
            if (feature == null || !(centre >= 0 && centre <= 1)) {
                throw new IllegalArgumentException("nudge: a feature and a centre in [0, 1]");
            }
        }

        /** One step, in quantile units: a fifth of the catalogue. */
        public static final double STEP = 0.2;

        /**
         * One step up or down from {@code from}, the quantile where the playlist (or the track replaced) stands on
         * {@code feature} (NaN when unknown: the catalogue's middle), kept inside [0.03, 0.97].
         */
        public static Nudge step(MoodModel.Feature feature, double from, boolean up) {
            return by(feature, from, up ? STEP : -STEP);
        }

        /** As {@link #step}, by {@code delta} quantile units (signed, not 0). */
        public static Nudge by(MoodModel.Feature feature, double from, double delta) {
            double at = Double.isNaN(from) ? 0.5 : from;
            return new Nudge(feature, Math.max(0.03, Math.min(0.97, at + delta)), delta > 0);
        }

        /** {@code nudges} with this one in place of any on the same feature (at most one per feature). */
        public List<Nudge> replacing(List<Nudge> nudges) {
            List<Nudge> out = new java.util.ArrayList<>(nudges.stream().filter(x -> x.feature() != feature).toList());
            out.add(this);
            return List.copyOf(out);
        }

        /** The word a listener asked with: "calmer", "more energetic", "happier", "sadder", "faster", "slower". */
        public String word() {
            return switch (feature) {
                case ENERGY -> up ? "more energetic" : "calmer";
                case VALENCE -> up ? "happier" : "sadder";
                case TEMPO -> up ? "faster" : "slower";
                default -> (up ? "more " : "less ") + feature.key();
            };
        }
    }

    /** A target with no nudges. */
    public MoodTarget(String text, String label, Range valence, Range energy, Range tempo, List<String> wantedTags,
            List<String> unwantedTags, List<String> wantedArtists, List<String> unwantedArtists, float[] embedding,
            List<String> moods, List<String> avoidMoods, List<String> genres) {
        this(text, label, valence, energy, tempo, wantedTags, unwantedTags, wantedArtists, unwantedArtists, embedding,
                moods, avoidMoods, genres, List.of());
    }

    /** Immutable lists. */
    public MoodTarget {
        nudges = nudges == null ? List.of() : List.copyOf(nudges);
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
                && avoidMoods.isEmpty() && nudges.isEmpty();
    }

    /** "like R.E.M.", "similar to Brad Sucks", "R.E.M.-esque": music like an artist, not theirs ("i'd like" aside). */
    private static final java.util.regex.Pattern LIKE_ARTIST = java.util.regex.Pattern.compile("\\b(?:like|similar|sounds|sounding|"
            + "style|styled|vibes? of|vein|reminiscent|akin|inspired|esque|ish|influenced|the likes of|such as)\\b");
    private static final java.util.regex.Pattern WANT_LIKE = java.util.regex.Pattern.compile("\\b(?:i'?d|i would|would you|we'?d|we would|"
            + "i|we|you'?d|really|would)\\s+like\\b");

    /**
     * Whether the request asks for the named artists' own tracks ("songs by R.E.M.", "some brad sucks", "i'd like
     * dr. mindflip") rather than music like them ("like R.E.M.", "similar to Brad Sucks", "R.E.M.-esque").
     */
    public boolean asksForArtistsOwn() {
        if (wantedArtists.isEmpty()) {
            return false;
        }
        String t = WANT_LIKE.matcher(Language.words(text).replace('-', ' ')).replaceAll(" ");
        return !LIKE_ARTIST.matcher(t).find();
    }

    /** This target with {@code n} in place of any earlier nudge on the same feature; the rest stays as it is. */
    public MoodTarget nudged(Nudge n) {
        return new MoodTarget(text, label, valence, energy, tempo, wantedTags, unwantedTags, wantedArtists, unwantedArtists,
                embedding, moods, avoidMoods, genres, n.replacing(nudges));
    }
}
