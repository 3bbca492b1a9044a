package dev.tunesmith.recommend.mood;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mood words as regions of the whole audio-feature space, scored continuously.
 *
 * <p>Every feature is first mapped to its quantile in the catalogue it is scored on
 * ({@link FeatureQuantiles}), so a region written once works on Spotify's features, on features
 * estimated from genre means and on measured ones, whatever their scale and spread. A region is, per
 * feature it cares about, a centre and a spread in that quantile space; an item's fit is
 * {@code exp(−½·mean_f((q_f − c_f)/s_f)²)} over the features the item has, in (0, 1], so the order
 * inside a region is decided by the distance to its centre, not by text.
 *
 * <p>Reasoning behind the standard regions. Valence (pleasant ↔ unpleasant) and energy (arousal)
 * place each mood in a quadrant of Russell's circumplex model of affect (J. A. Russell, "A
 * circumplex model of affect", J. Pers. Soc. Psychol. 39(6), 1980): happy = pleasant + aroused,
 * energetic/angry = aroused, sad = unpleasant + low arousal, calm/peaceful = low arousal. The other
 * features follow Spotify's published definitions of its audio features: loudness and energy rise
 * together with arousal; acousticness is high for unplugged, quiet music; instrumentalness is the
 * likelihood of no vocals (ambient, classical and focus music are mostly instrumental, sad songs are
 * mostly sung, and not as quiet as ambient music: a sung ballad sits mid-way in loudness); danceability is high for steady, strong beats (party, groovy, happy); mode 1 is
 * major, traditionally heard as brighter; speechiness is high for spoken word. Centres sit in the
 * top or bottom fifth of the catalogue for a feature that defines a mood (e.g. calm: energy at the
 * 12th percentile) and spreads are wider for features that matter less. The values are the
 * project's own reasoned placements, not fitted to any evaluation set; {@link #learned} moves them
 * towards labelled examples where a catalogue with mood labels exists.
 */
public final class MoodModel {

    /** The audio features the model reads, in the order of the item feature arrays. */
    public enum Feature {
        VALENCE, ENERGY, TEMPO, DANCEABILITY, ACOUSTICNESS, INSTRUMENTALNESS, LOUDNESS, MODE, SPEECHINESS;

        /** Lower-case name, e.g. {@code "energy"}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Number of features. */
    public static final int FEATURES = Feature.values().length;

    /**
     * What a region asks of one feature.
     *
     * @param feature the feature
     * @param centre wanted quantile in the catalogue (0–1)
     * @param spread tolerated distance (quantile units, &gt; 0); a smaller spread matters more
     */
    public record Axis(Feature feature, double centre, double spread) {
        /** Checks the ranges. */
        public Axis {
            if (centre < 0 || centre > 1 || !(spread > 0)) {
                throw new IllegalArgumentException("axis " + feature + ": centre in [0, 1], spread > 0");
            }
        }
    }

    /**
     * One mood word's region.
     *
     * @param mood the canonical mood word
     * @param axes what it asks of each feature it cares about
     */
    public record Region(String mood, List<Axis> axes) {
        /** Immutable. */
        public Region {
            axes = List.copyOf(axes);
        }

        /** The axis of {@code f}, if the region has one. */
        public Optional<Axis> axis(Feature f) {
            return axes.stream().filter(a -> a.feature() == f).findFirst();
        }
    }

    private final Map<String, Region> regions;

    /** @param regions mood word → region */
    public MoodModel(Map<String, Region> regions) {
        this.regions = Map.copyOf(regions);
    }

    /** The region of a canonical mood word, if it has one. */
    public Optional<Region> region(String mood) {
        return Optional.ofNullable(regions.get(mood));
    }

    /** All regions. */
    public Collection<Region> regions() {
        return regions.values();
    }

    /** Russell's four quadrants, as the regions that rival each other. */
    public static final List<String> QUADRANTS = List.of("happy", "sad", "energetic", "calm");
    /** A quadrant this much farther (valence–energy distance) than the nearest one is still the word's own. */
    private static final double OWN_MARGIN = 0.15;

    /**
     * The quadrant regions (happy, sad, energetic, calm) that a request for {@code moods} is not
     * about: every quadrant except, for each word whose region has both a valence and an energy
     * centre, those within {@value #OWN_MARGIN} of the nearest quadrant centre on that plane
     * ("rainy" is both sad and calm, "party" both happy and energetic). Empty when no word has both
     * centres. A track that fits a rival as well as the request is an ambiguous one: a quiet sung
     * ballad for "calm", a bright loud anthem for "sad".
     */
    public List<Region> rivals(List<String> moods) {
        java.util.Set<String> own = new java.util.HashSet<>();
        for (String m : moods) {
            Region r = regions.get(m);
            double[] c = r == null ? null : valenceEnergy(r);
            if (c == null) {
                continue;
            }
            double nearest = Double.MAX_VALUE;
            double[] d = new double[QUADRANTS.size()];
            for (int k = 0; k < d.length; k++) {
                Region q = regions.get(QUADRANTS.get(k));
                double[] qc = q == null ? null : valenceEnergy(q);
                d[k] = qc == null ? Double.MAX_VALUE : Math.hypot(c[0] - qc[0], c[1] - qc[1]);
                nearest = Math.min(nearest, d[k]);
            }
            for (int k = 0; k < d.length; k++) {
                if (d[k] <= nearest + OWN_MARGIN) {
                    own.add(QUADRANTS.get(k));
                }
            }
        }
        if (own.isEmpty()) {
            return List.of();
        }
        return QUADRANTS.stream().filter(q -> !own.contains(q)).map(regions::get).filter(java.util.Objects::nonNull).toList();
    }

    private static double[] valenceEnergy(Region r) {
        Optional<Axis> v = r.axis(Feature.VALENCE);
        Optional<Axis> e = r.axis(Feature.ENERGY);
        return v.isPresent() && e.isPresent() ? new double[] {v.get().centre(), e.get().centre()} : null;
    }

    /**
     * One region for several words asked together ("peaceful sleep"): per feature the mean centre
     * and the smallest spread of the regions that have it. Empty when none of the words has a region.
     */
    public Optional<Region> combine(List<String> moods) {
        List<Region> rs = moods.stream().map(regions::get).filter(java.util.Objects::nonNull).toList();
        if (rs.isEmpty()) {
            return Optional.empty();
        }
        if (rs.size() == 1) {
            return Optional.of(rs.get(0));
        }
        return Optional.of(merge(String.join(" + ", moods), rs));
    }

    /**
     * {@code primary}'s axes, and {@code secondary}'s on the features {@code primary} leaves open: "fast" sets the
     * tempo and energy of "fast country", country's sound the rest.
     */
    public static Region overlay(String name, Region primary, Region secondary) {
        List<Axis> axes = new ArrayList<>(primary.axes());
        for (Axis a : secondary.axes()) {
            if (primary.axis(a.feature()).isEmpty()) {
                axes.add(a);
            }
        }
        return new Region(name, axes);
    }

    /** The widest spread a nudged axis of a region keeps (quantile units). */
    private static final double NUDGE_SPREAD = 0.1;
    /**
     * The spread of a nudge's own factor ({@link #nudgeFit}). Chosen on the generated four-mood catalogues of
     * SpotifyMoodSeparationTest: 0.15–0.2 moved further but dragged the rest of the mood along (a calmer happy list
     * lost up to 0.16 of valence), 0.25 moved 0.06–0.22 of the catalogue with at most 0.1 of drift elsewhere.
     */
    private static final double NUDGE_FIT_SPREAD = 0.25;

    /**
     * {@code base} (or no region at all) moved by the nudges: each nudged feature's centre is put where the nudge says
     * (a quantile: where the playlist stood, one step further) and its spread narrows to at most {@value
     * #NUDGE_SPREAD}, so the move is felt next to the region's other axes. "Calmer" on a rainy playlist is the rainy
     * region with a lower energy centre: still rainy, and calmer than before.
     *
     * @param name the moved region's name
     * @param base the region moved, or null for a request with no region of its own ("some jazz", then "calmer")
     * @param nudges the moves, at most one per feature
     */
    public static Region nudged(String name, Region base, List<MoodTarget.Nudge> nudges) {
        List<Axis> axes = new ArrayList<>(base == null ? List.of() : base.axes());
        for (MoodTarget.Nudge n : nudges) {
            double spread = NUDGE_SPREAD;
            for (java.util.Iterator<Axis> it = axes.iterator(); it.hasNext();) {
                Axis a = it.next();
                if (a.feature() == n.feature()) {
                    spread = Math.min(spread, a.spread());
                    it.remove();
                }
            }
            axes.add(new Axis(n.feature(), n.centre(), spread));
        }
        return new Region(name, axes);
    }

    /**
     * How well an item sits where the listener moved the playlist: Π exp(−½((q_f − c)/{@value #NUDGE_FIT_SPREAD})²) over
     * the nudges, 0.5 for a feature the item lacks, 1 with no nudges. An explicit "calmer" is a request, not a hint:
     * the engine multiplies a region's fit by it, so the tracks of the old energy leave the gate.
     */
    public static double nudgeFit(List<MoodTarget.Nudge> nudges, float[] q) {
        double f = 1;
        for (MoodTarget.Nudge n : nudges) {
            float v = q[n.feature().ordinal()];
            if (v != v) {
                f *= 0.5;
            } else {
                double z = (v - n.centre()) / NUDGE_FIT_SPREAD;
                f *= Math.exp(-0.5 * z * z);
            }
        }
        return f;
    }

    /**
     * Regions combined as {@link #combine} combines moods: each feature's centre the mean of the regions that
     * have it, its spread the narrowest.
     */
    public static Region merge(String name, List<Region> rs) {
        List<Axis> axes = new ArrayList<>();
        for (Feature f : Feature.values()) {
            double c = 0;
            double s = Double.MAX_VALUE;
            int n = 0;
            for (Region r : rs) {
                Optional<Axis> a = r.axis(f);
                if (a.isPresent()) {
                    c += a.get().centre();
                    s = Math.min(s, a.get().spread());
                    n++;
                }
            }
            if (n > 0) {
                axes.add(new Axis(f, c / n, s));
            }
        }
        return new Region(name, axes);
    }

    /**
     * Fit of an item in (0, 1]: exp(−½ · mean over the region's known axes of ((q − c)/s)²).
     * Unknown features (NaN) are skipped; with none known the fit is 0.
     *
     * @param r the region
     * @param q the item's feature quantiles, indexed by {@link Feature#ordinal()}, NaN when unknown
     */
    public static double fit(Region r, float[] q) {
        double d = 0;
        int known = 0;
        for (Axis a : r.axes()) {
            float v = q[a.feature().ordinal()];
            if (v != v) {
                continue;
            }
            double z = (v - a.centre()) / a.spread();
            d += z * z;
            known++;
        }
        if (known == 0) {
            return 0;
        }
        double f = Math.exp(-0.5 * d / known);
        // an item known on under half of the region's axes is only half trusted
        return known * 2 < r.axes().size() ? 0.5 * f : f;
    }

    /**
     * Words a listener understands for why an item fits, only for axes the item actually matches
     * (within one spread of a centre in the lower or upper 30 % of the catalogue, and the item itself
     * in the lower or upper 40 %), strongest
     * first, e.g. {@code ["low energy", "acoustic"]}.
     */
    public static List<String> describe(Region r, float[] q, int max) {
        List<Axis> sorted = new ArrayList<>(r.axes());
        sorted.sort(java.util.Comparator.comparingDouble(Axis::spread));
        List<String> out = new ArrayList<>();
        for (Axis a : sorted) {
            float v = q[a.feature().ordinal()];
            if (v != v || Math.abs(v - a.centre()) > a.spread() || Math.abs(a.centre() - 0.5) < 0.2) {
                continue;
            }
            boolean high = a.centre() > 0.5;
            // the item itself must lie clearly on that side of the catalogue's median
            if ((high && v < 0.6) || (!high && v > 0.4)) {
                continue;
            }
            String w = a.feature() == Feature.VALENCE && !high && a.centre() > 0.2 ? "subdued" : word(a.feature(), high);
            if (w != null && out.size() < max) {
                out.add(w);
            }
        }
        return out;
    }

    private static String word(Feature f, boolean high) {
        return switch (f) {
            case VALENCE -> high ? "bright, positive" : "melancholic";
            case ENERGY -> high ? "high energy" : "low energy";
            case TEMPO -> high ? "fast" : "slow";
            case DANCEABILITY -> high ? "danceable" : "not dance-driven";
            case ACOUSTICNESS -> high ? "acoustic" : "electric";
            case INSTRUMENTALNESS -> high ? "instrumental" : "sung";
            case LOUDNESS -> high ? "loud" : "quiet";
            case MODE -> high ? "major key" : "minor key";
            case SPEECHINESS -> high ? "spoken" : null;
        };
    }

    /**
     * A model whose regions moved towards labelled examples: per mood and axis, the centre becomes
     * (k·prior + n·mean)/(k + n) and the spread √((k·prior² + n·var)/(k + n)) (clamped to
     * [0.08, 0.5]) over the n examples that know the feature; moods without examples keep the prior.
     *
     * @param examples mood word → feature quantile vectors of items labelled with it
     * @param priorWeight k, how many examples the prior counts for
     */
    public MoodModel learned(Map<String, List<float[]>> examples, double priorWeight) {
        Map<String, Region> out = new LinkedHashMap<>(regions);
        for (var e : examples.entrySet()) {
            Region prior = regions.get(e.getKey());
            if (prior == null || e.getValue().isEmpty()) {
                continue;
            }
            List<Axis> axes = new ArrayList<>();
            for (Axis a : prior.axes()) {
                double sum = 0;
                double sq = 0;
                int n = 0;
                for (float[] q : e.getValue()) {
                    float v = q[a.feature().ordinal()];
                    if (v == v) {
                        sum += v;
                        sq += v * v;
                        n++;
                    }
                }
                if (n == 0) {
                    axes.add(a);
                    continue;
                }
                double mean = sum / n;
                double var = Math.max(sq / n - mean * mean, 0);
                double k = priorWeight;
                double c = (k * a.centre() + n * mean) / (k + n);
                double s = Math.sqrt((k * a.spread() * a.spread() + n * var) / (k + n));
                axes.add(new Axis(a.feature(), Math.max(0, Math.min(1, c)), Math.max(0.08, Math.min(0.5, s))));
            }
            out.put(e.getKey(), new Region(prior.mood(), axes));
        }
        return new MoodModel(out);
    }

    /** The standard regions, one per mood word of {@link MoodVocabulary#standard()} (see the class comment). */
    public static MoodModel standard() {
        Map<String, Region> m = new LinkedHashMap<>();
        put(m, "calm", "energy .12 .15, loudness .15 .2, acousticness .85 .2, instrumentalness .7 .3, valence .3 .3,"
                + " danceability .3 .3, tempo .35 .35");
        put(m, "relaxed", "energy .18 .18, loudness .2 .22, acousticness .8 .25, valence .35 .3, danceability .35 .3,"
                + " tempo .4 .35, instrumentalness .65 .35");
        put(m, "peaceful", "energy .1 .15, loudness .12 .2, acousticness .85 .2, instrumentalness .65 .3, valence .35 .3,"
                + " tempo .3 .35, danceability .3 .3");
        put(m, "melancholic", "valence .15 .2, energy .3 .25, acousticness .65 .3, mode 0 .6, danceability .35 .3,"
                + " instrumentalness .3 .35");
        put(m, "sad", "valence .12 .18, energy .3 .25, acousticness .65 .3, mode 0 .6, danceability .35 .3,"
                + " instrumentalness .2 .3, tempo .4 .35, loudness .4 .3");
        put(m, "sad songs", "valence .12 .18, energy .3 .25, acousticness .65 .3, mode 0 .6, danceability .35 .3,"
                + " instrumentalness .15 .25, loudness .4 .3");
        put(m, "hopeful", "valence .7 .25, energy .55 .25, mode 1 .6, acousticness .45 .3");
        put(m, "happy", "valence .85 .18, danceability .72 .25, energy .65 .25, mode 1 .6, acousticness .35 .3,"
                + " instrumentalness .25 .3");
        put(m, "energetic", "energy .88 .15, loudness .85 .2, tempo .65 .3, acousticness .12 .2, danceability .6 .3,"
                + " valence .5 .35");
        put(m, "low energy", "energy .15 .18, loudness .2 .25");
        put(m, "hard", "energy .92 .12, loudness .9 .15, valence .3 .3, acousticness .08 .15");
        put(m, "angry", "energy .9 .15, loudness .88 .2, valence .15 .2, acousticness .08 .15, mode 0 .7");
        put(m, "fast", "tempo .85 .15, energy .75 .25");
        put(m, "slow", "tempo .15 .2, energy .3 .3");
        put(m, "gym", "energy .88 .15, danceability .72 .25, tempo .7 .25, loudness .85 .2, acousticness .12 .2");
        put(m, "running", "tempo .8 .2, energy .85 .18, danceability .6 .3");
        put(m, "focus", "instrumentalness .8 .25, speechiness .2 .25, energy .3 .25, valence .4 .3, acousticness .6 .3");
        put(m, "sleep", "energy .05 .12, loudness .08 .15, acousticness .85 .2, instrumentalness .7 .3, tempo .2 .3,"
                + " danceability .25 .3");
        put(m, "party", "danceability .85 .18, energy .8 .2, valence .7 .25, loudness .8 .2, acousticness .15 .25");
        put(m, "romantic", "valence .55 .3, energy .35 .25, acousticness .6 .3, danceability .5 .3, instrumentalness .25 .3");
        put(m, "dark", "valence .1 .18, mode 0 .6, energy .55 .3, acousticness .35 .3");
        put(m, "dreamy", "energy .2 .2, acousticness .6 .3, instrumentalness .65 .3, valence .45 .3");
        put(m, "rainy", "valence .25 .25, energy .3 .25, acousticness .7 .3");
        put(m, "evening", "energy .35 .3");
        put(m, "morning", "valence .65 .25, energy .45 .25, acousticness .6 .3");
        put(m, "summer", "valence .8 .2, danceability .72 .25, energy .7 .25");
        put(m, "driving", "energy .72 .2, tempo .6 .3, valence .6 .3");
        put(m, "background", "energy .25 .2, instrumentalness .6 .3, acousticness .65 .3, speechiness .2 .25");
        put(m, "nostalgic", "valence .45 .3, energy .4 .3");
        put(m, "epic", "energy .8 .2, loudness .8 .2, instrumentalness .6 .35");
        put(m, "groovy", "danceability .85 .15, valence .7 .25, energy .65 .25");
        put(m, "acoustic", "acousticness .9 .15");
        put(m, "instrumental", "instrumentalness .85 .15, speechiness .15 .25");
        put(m, "vocals", "instrumentalness .15 .2");
        return new MoodModel(m);
    }

    private static void put(Map<String, Region> m, String mood, String spec) {
        List<Axis> axes = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] f = part.trim().split(" ");
            axes.add(new Axis(Feature.valueOf(f[0].toUpperCase(Locale.ROOT)), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2])));
        }
        m.put(mood, new Region(mood, axes));
    }
}
