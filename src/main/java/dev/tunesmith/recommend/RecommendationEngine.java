package dev.tunesmith.recommend;

import dev.tunesmith.recommend.data.IdIndex;
import dev.tunesmith.recommend.data.UserVector;
import dev.tunesmith.recommend.engine.ServedScorer;
import dev.tunesmith.recommend.model.AlsModel;
import dev.tunesmith.recommend.model.ModelIo;
import dev.tunesmith.recommend.model.Vectors;
import dev.tunesmith.recommend.mood.FeatureQuantiles;
import dev.tunesmith.recommend.mood.GenreSounds;
import dev.tunesmith.recommend.mood.MoodModel;
import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.rerank.ConstraintCheck;
import dev.tunesmith.recommend.rerank.Reranker;
import dev.tunesmith.recommend.rerank.SystematicDraw;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable snapshot of the catalogue and the trained models that answers recommendation queries.
 * Thread-safe; the caller swaps a new snapshot in atomically (e.g. an {@code AtomicReference})
 * after retraining. Built by {@link EngineTrainer}.
 *
 * <p>Per query every item gets a blended score: the served blend ({@link ServedScorer}: EASE, ALS,
 * RP3β, item-KNN, tag content, friends and popularity, the scorer {@code ./tunesmith eval} measures
 * as {@code served}) for the user's profile, the
 * cosine between the profile's embedding centroid and the item's tag/genre embedding, the mood fit
 * (distance to the target valence/energy/tempo ranges, wanted tags and artists, similarity to the
 * request embedding), popularity and the friends' prior, each standardised and weighted by
 * {@link EngineConfig}. Hard constraints filter candidates before selection, so a returned playlist
 * cannot violate them; MMR adds diversity; the result is ordered as an energy arc.
 */
public final class RecommendationEngine {
    private static final String KIND = "engine";
    private static final int VERSION = 2;

    final List<CatalogItem> items;
    final IdIndex index;
    final int[] artistOf;
    final String[] artistNames;
    final Map<String, Integer> artistIds;
    final int[][] tagsOf;
    final int[] tagStart;
    final int[] tagFlat;
    final int duplicateKeys;
    final int[] tagPostStart;
    final int[] tagPost;
    final int[] artistPostStart;
    final int[] artistPost;
    final Map<String, Integer> tagIds;
    final int[] duplicateKey;
    final float[] valence;
    final float[] energy;
    final float[] tempo;
    final int dims;
    final float[] embeddings;
    final ServedScorer served;
    final AlsModel als;
    final float[] factorsNormalised;
    final float[] popularity;
    final float[] rawPopularity;
    final EngineConfig config;
    final Clock clock;
    /** Per item, each {@link MoodModel.Feature}'s quantile in this catalogue (NaN when unknown). */
    final float[][] quantiles;
    final FeatureQuantiles featureQuantiles;
    /** Per item: a podcast, DJ mix, audiobook or speech track (kept out of mood playlists unless asked). */
    final boolean[] spoken;
    private MoodModel moodModel = MoodModel.standard();
    /** Per quadrant region the model has, every item's fit to it (computed on first use). */
    private volatile Map<MoodModel.Region, double[]> quadrantFits;
    /** Per item: in how many of the four quadrant moods' regions it lies (computed on first use). */
    private volatile byte[] quadrantOverlap;
    /** Longest track (seconds) a mood playlist includes unless the request asks for long tracks. */
    static final int MAX_MOOD_TRACK_SEC = 12 * 60;
    /** Words that ask for long tracks ("long tracks are fine", "extended versions", "hour-long drones"), not a "long drive". */
    private static final java.util.regex.Pattern LONG_ASKED = java.util.regex.Pattern.compile(
            "\\b(?:(?:long|longer|lengthy|longest)(?:[- ]form)?\\s+(?:(?!drive|night|day|run|walk|trip|ride|commute|week|flight|journey|haul|shift)\\w+\\s+)?(?:tracks?|songs?|pieces?|ones|jams?|sets?|compositions?|epics?|drones?|works?|suites?|mixes|versions?|tunes?|stuff|music)"
                    + "|(?:long|longer) (?:ones|tracks|songs) (?:are|is) (?:fine|ok|okay|welcome|good)|length (?:is|doesn't|does not) (?:fine|matter)|epic length"
                    + "|extended|full album|whole album|hour[- ]long|any length|no length limit|long is (?:fine|ok|okay))\\b");
    private static final java.util.regex.Pattern SPOKEN = java.util.regex.Pattern.compile(
            "\\b(podcasts?|dj[ -]?mix(es)?|mixtapes?|continuous mix|spoken word|audiobooks?|interviews?|speech|talk show|radio show|lecture)\\b");

    RecommendationEngine(List<CatalogItem> items, IdIndex index, float[] embeddings, int dims, ServedScorer served,
            float[] popularityCounts, EngineConfig config, Clock clock) {
        this.items = List.copyOf(items);
        this.index = index;
        this.embeddings = embeddings;
        this.dims = dims;
        this.served = served;
        this.als = served == null ? null : served.als().orElse(null);
        this.config = config;
        this.clock = clock;
        int n = items.size();
        artistOf = new int[n];
        artistIds = new HashMap<>();
        List<String> an = new ArrayList<>();
        tagIds = new HashMap<>();
        tagsOf = new int[n][];
        duplicateKey = new int[n];
        Map<String, Integer> dupIds = new HashMap<>();
        valence = new float[n];
        energy = new float[n];
        tempo = new float[n];
        for (int i = 0; i < n; i++) {
            CatalogItem it = items.get(i);
            String ak = key(it.artist());
            artistOf[i] = artistIds.computeIfAbsent(ak, k -> {
                an.add(it.artist());
                return an.size() - 1;
            });
            Set<Integer> tags = new HashSet<>();
            for (String t : it.tags()) {
                tags.add(tagIds.computeIfAbsent(key(t), k -> tagIds.size()));
            }
            if (it.genre() != null && !it.genre().isBlank()) {
                tags.add(tagIds.computeIfAbsent(key(it.genre()), k -> tagIds.size()));
            }
            tagsOf[i] = tags.stream().mapToInt(Integer::intValue).sorted().toArray();
            duplicateKey[i] = dupIds.computeIfAbsent(ak + "\u0000" + songKey(it.title()), k -> dupIds.size());
            AudioFeatures f = it.features();
            valence[i] = f.valence() == null ? Float.NaN : f.valence().floatValue();
            energy[i] = f.energy() == null ? Float.NaN : f.energy().floatValue();
            tempo[i] = f.tempo() == null ? Float.NaN : f.tempo().floatValue();
        }
        artistNames = an.toArray(String[]::new);
        duplicateKeys = dupIds.size();
        float[][] raw = new float[MoodModel.FEATURES][n];
        spoken = new boolean[n];
        for (int i = 0; i < n; i++) {
            CatalogItem it = items.get(i);
            AudioFeatures f = it.features();
            Double[] v = {f.valence(), f.energy(), f.tempo(), f.danceability(), f.acousticness(), f.instrumentalness(),
                f.loudness(), f.mode(), f.speechiness()};
            for (int k = 0; k < v.length; k++) {
                raw[k][i] = v[k] == null ? Float.NaN : v[k].floatValue();
            }
            String text = (it.title() + " " + (it.genre() == null ? "" : it.genre()) + " " + String.join(" ", it.tags()))
                    .toLowerCase(Locale.ROOT);
            spoken[i] = SPOKEN.matcher(text).find() || (f.speechiness() != null && f.speechiness() > 0.66);
        }
        // measured and estimated features are calibrated each to their own distribution: genre-mean estimates
        // are much narrower than measured values, and ranking one among the other would distort both
        boolean[] est = new boolean[n];
        for (int i = 0; i < n; i++) {
            est[i] = items.get(i).features().estimated();
        }
        featureQuantiles = FeatureQuantiles.of(raw);
        quantiles = new float[n][];
        for (boolean group : new boolean[] {false, true}) {
            float[][] part = new float[raw.length][n];
            for (int f = 0; f < raw.length; f++) {
                for (int i = 0; i < n; i++) {
                    part[f][i] = est[i] == group ? raw[f][i] : Float.NaN;
                }
            }
            float[][] q = FeatureQuantiles.of(part).transform(part);
            for (int i = 0; i < n; i++) {
                if (est[i] == group) {
                    quantiles[i] = q[i];
                }
            }
        }
        tagStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            tagStart[i + 1] = tagStart[i] + tagsOf[i].length;
        }
        tagFlat = new int[tagStart[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tagsOf[i], 0, tagFlat, tagStart[i], tagsOf[i].length);
        }
        tagPostStart = new int[tagIds.size() + 1];
        tagPost = new int[tagFlat.length];
        postings(tagStart, tagFlat, tagPostStart, tagPost);
        int[] oneEach = new int[n + 1];
        for (int i = 0; i < n; i++) {
            oneEach[i + 1] = i + 1;
        }
        artistPostStart = new int[artistNames.length + 1];
        artistPost = new int[n];
        postings(oneEach, artistOf, artistPostStart, artistPost);
        if (als != null) {
            int k = als.k();
            factorsNormalised = als.itemFactors().clone();
            for (int i = 0; i < n; i++) {
                float s = (float) Math.sqrt(Vectors.dot(factorsNormalised, i * k, factorsNormalised, i * k, k));
                for (int f = 0; f < k; f++) {
                    factorsNormalised[i * k + f] = s > 0 ? factorsNormalised[i * k + f] / s : 0;
                }
            }
        } else {
            factorsNormalised = null;
        }
        rawPopularity = popularityCounts == null ? new float[n] : popularityCounts.clone();
        popularity = shrunkPopularity(rawPopularity);
    }

    /**
     * Popularity with shrinkage, bounded in [0, 1): count / (count + {@value #POPULARITY_SHRINK}), times
     * a confidence that grows with the number of distinct listeners behind the counts
     * (max / (max + {@value #POPULARITY_SHRINK} × 4)). Not standardised, so that a handful of likes in a
     * young catalogue stays a small nudge instead of becoming the largest score of every playlist.
     */
    static float[] shrunkPopularity(float[] counts) {
        float max = 0;
        for (float c : counts) {
            max = Math.max(max, c);
        }
        float confidence = max / (max + POPULARITY_SHRINK * 4);
        float[] p = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = confidence * counts[i] / (counts[i] + POPULARITY_SHRINK);
        }
        return p;
    }

    private static final float POPULARITY_SHRINK = 10f;

    /** Inverts item → keys (CSR) into key → items (CSR). */
    private static void postings(int[] itemStart, int[] keys, int[] keyStart, int[] items) {
        for (int k : keys) {
            keyStart[k + 1]++;
        }
        for (int k = 0; k + 1 < keyStart.length; k++) {
            keyStart[k + 1] += keyStart[k];
        }
        int[] fill = java.util.Arrays.copyOf(keyStart, keyStart.length - 1);
        for (int i = 0; i + 1 < itemStart.length; i++) {
            for (int p = itemStart[i]; p < itemStart[i + 1]; p++) {
                items[fill[keys[p]]++] = i;
            }
        }
    }

    /** Words that mark a cut of a song, not another song: "Landlocked (Edit)", "Facing the Sea (Album Version)". */
    private static final java.util.regex.Pattern CUT = java.util.regex.Pattern.compile(
            "\\s*[(\\[][^)\\]]*\\b(?:edit|version|remaster(?:ed)?|mix|radio|single|album|mono|stereo|demo|extended|original|instrumental"
                    + "|acoustic|live|take|reprise)\\b[^)\\]]*[)\\]]\\s*$|\\s+-\\s+(?:radio edit|single version|album version|remaster(?:ed)?(?: \\d{4})?)\\s*$");

    /** A title without the marks of its cut, so two cuts of one song share a key. */
    static String songKey(String title) {
        String t = key(title);
        for (String prev = null; !t.equals(prev);) {
            prev = t;
            t = CUT.matcher(t).replaceAll("").trim();
        }
        return t.isEmpty() ? key(title) : t;
    }

    static String key(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).trim();
    }

    /** Number of items in the catalogue snapshot. */
    public int size() {
        return items.size();
    }

    /** The item with this track id (features possibly estimated), if present. */
    public Optional<CatalogItem> item(long trackId) {
        int i = index.index(trackId);
        return i < 0 ? Optional.empty() : Optional.of(items.get(i));
    }

    /** All items in dense-index order, with estimated features filled in. */
    public List<CatalogItem> items() {
        return items;
    }

    /** The trained ALS model, if any. */
    public Optional<AlsModel> als() {
        return Optional.ofNullable(als);
    }

    /** The served scorer (the blend {@code ./tunesmith eval} measures as {@code served}), if trained. */
    public Optional<ServedScorer> served() {
        return Optional.ofNullable(served);
    }

    /** A copy whose mood playlists use another mood model (e.g. one {@link MoodModel#learned} from labels). */
    public RecommendationEngine withMoodModel(MoodModel model) {
        RecommendationEngine e = new RecommendationEngine(items, index, embeddings, dims, served, rawPopularity, config, clock);
        e.moodModel = model;
        return e;
    }

    /** The mood model in use. */
    public MoodModel moodModel() {
        return moodModel;
    }

    /** Each item's feature quantiles in this catalogue (dense-index order), for measuring mood fit. */
    public float[] quantiles(int item) {
        return quantiles[item].clone();
    }

    /** The mean quantile of {@code f} over the tracks of this catalogue that know it; NaN when none does. */
    public double meanQuantile(Collection<Long> trackIds, MoodModel.Feature f) {
        double sum = 0;
        int n = 0;
        for (long id : trackIds) {
            int i = index.index(id);
            float q = i < 0 ? Float.NaN : quantiles[i][f.ordinal()];
            if (q == q) {
                sum += q;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The dense index of a track id, or -1. */
    public int indexOf(long trackId) {
        return index.index(trackId);
    }

    /** A copy that reads "now" (for recently-played checks) from {@code c}. */
    public RecommendationEngine withClock(Clock c) {
        RecommendationEngine e = new RecommendationEngine(items, index, embeddings, dims, served, rawPopularity, config, c);
        e.moodModel = moodModel;
        return e;
    }


    /** Recommends a playlist for the profile, mood and constraints. */
    public Playlist recommend(UserProfile profile, MoodTarget mood, Constraints c) {
        return recommend(profile, mood, c, ColdExposure.NONE);
    }

    /**
     * Recommends a playlist; a cold listener's draw reads and updates {@code exposure} (how often
     * each track was in recent cold listeners' playlists).
     */
    public Playlist recommend(UserProfile profile, MoodTarget mood, Constraints c, ColdExposure exposure) {
        MoodTarget m = mood == null ? MoodTarget.NONE : mood;
        boolean[] allowed = allowedMask(profile, m, c, Set.of());
        Scored s = score(profile, m, allowed, c.count(), c.maxPerArtist(), exposure);
        int[] pool = Vectors.topK(s.total, items.size(), Math.max(config.poolFactor() * c.count(), 200),
                i -> allowed[i]);
        int[] chosen = Reranker.select(s.total, pool, c.count(), c.maxPerArtist(), c.diversity(), view);
        int[] ordered = Reranker.flowOrder(chosen, view);
        List<PlaylistItem> out = new ArrayList<>();
        for (int i : ordered) {
            out.add(new PlaylistItem(items.get(i), s.total[i], reasons(i, s, profile, m)));
        }
        if (s.coldDraw()) {
            exposure.record(out.stream().map(x -> x.item().trackId()).toList());
        }
        return checked(new Playlist(out, describe(c, m, out.size(), "energy arc"), m.label()), c, profile, m);
    }

    /** Up to 50 of an artist's tracks, the seeds of what is "like" them. */
    private List<Integer> artistSeeds(int a) {
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < items.size() && seeds.size() < 50; i++) {
            if (artistOf[i] == a) {
                seeds.add(i);
            }
        }
        return seeds;
    }

    /** Each item's mean similarity to an artist's seeds ({@link #similarTracks}'s), plus a little popularity. */
    private float[] artistSimilarity(List<Integer> seeds) {
        float[] sim = new float[items.size()];
        for (int i = 0; i < sim.length; i++) {
            float sum = 0;
            for (int seed : seeds) {
                sum += seed == i ? 0 : view.similarity(seed, i);
            }
            sim[i] = sum / seeds.size() + 0.05f * popularity[i];
        }
        return sim;
    }

    /** How often each tag is on an artist's seeds. */
    private Map<Integer, Integer> artistTags(List<Integer> seeds) {
        Map<Integer, Integer> tagCount = new HashMap<>();
        for (int seed : seeds) {
            for (int t : tagsOf[seed]) {
                tagCount.merge(t, 1, Integer::sum);
            }
        }
        return tagCount;
    }

    /** "like Brad Sucks: shares rock, indie": the artist's own most common tags that item {@code i} carries too. */
    private String likeReason(int a, int i, Map<Integer, Integer> tagCount) {
        List<String> shared = java.util.Arrays.stream(tagsOf[i]).boxed().filter(tagCount::containsKey)
                .sorted(Comparator.comparingInt((Integer t) -> -tagCount.get(t))).limit(3).map(this::tagName).toList();
        return "like " + artistNames[a] + (shared.isEmpty() ? "" : ": shares " + String.join(", ", shared));
    }

    /**
     * "songs by Brad Sucks", "sad songs by R.E.M.": the named artists' own tracks, ranked as {@link #recommend} ranks
     * (mood fit, then taste), with no per-artist cap among them; when they have fewer tracks than asked, tracks like them
     * ({@link #similarToArtist}, under {@code c}'s per-artist cap) fill the rest, each saying which it is. Empty when
     * the catalogue has none of the artists or none of their tracks passes the constraints.
     */
    public Optional<Playlist> byArtists(UserProfile profile, MoodTarget mood, Constraints c, ColdExposure exposure) {
        MoodTarget m = mood == null ? MoodTarget.NONE : mood;
        Set<Integer> wanted = new java.util.LinkedHashSet<>();
        for (String a : m.wantedArtists()) {
            Integer id = artistIds.get(key(a));
            if (id != null) {
                wanted.add(id);
            }
        }
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        boolean[] allowed = allowedMask(profile, m, c, Set.of());
        int own = 0;
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] &= wanted.contains(artistOf[i]);
            own += allowed[i] ? 1 : 0;
        }
        if (own == 0) {
            return Optional.empty();
        }
        int take = Math.min(own, c.count());
        Scored s = score(profile, m, allowed, take, take, exposure);
        int[] pool = Vectors.topK(s.total, items.size(), own, i -> allowed[i]);
        int[] chosen = Reranker.select(s.total, pool, take, take, c.diversity(), view);
        List<PlaylistItem> out = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (int i : Reranker.flowOrder(chosen, view)) {
            List<String> r = new ArrayList<>();
            r.add("by " + artistNames[artistOf[i]]);
            reasons(i, s, profile, m).stream().filter(x -> !x.startsWith("like ")).forEach(r::add);
            out.add(new PlaylistItem(items.get(i), s.total[i], r));
            taken.add(items.get(i).trackId());
        }
        if (s.coldDraw()) {
            exposure.record(List.copyOf(taken));
        }
        int need = c.count() - out.size();
        if (need > 0) {
            // fewer tracks of theirs than asked: the rest are the tracks most like the first-named artist's (five times
            // as many as needed), ordered there as the request orders ("calmer" after "songs by X" moves the fill too)
            int a = wanted.iterator().next();
            List<Integer> seeds = artistSeeds(a);
            float[] sim = artistSimilarity(seeds);
            boolean[] others = allowedMask(profile, m, c, Set.of());
            for (int i = 0; i < others.length; i++) {
                others[i] &= !wanted.contains(artistOf[i]);
            }
            int[] near = Vectors.topK(sim, sim.length, Math.max(5 * need, 200), i -> others[i]);
            boolean[] close = new boolean[items.size()];
            for (int i : near) {
                close[i] = true;
            }
            Scored fill = score(profile, m, close, need, c.maxPerArtist(), ColdExposure.NONE);
            int[] fillPool = Vectors.topK(fill.total, items.size(), near.length, i -> close[i]);
            Map<Integer, Integer> tagCount = artistTags(seeds);
            for (int i : Reranker.select(fill.total, fillPool, need, c.maxPerArtist(), c.diversity(), view)) {
                List<String> r = new ArrayList<>();
                r.add(likeReason(a, i, tagCount));
                reasons(i, fill, profile, m).stream().filter(x -> !x.startsWith("like ")).forEach(r::add);
                out.add(new PlaylistItem(items.get(i), fill.total[i], r));
            }
        }
        Constraints lifted = c.withMaxPerArtist(Math.max(c.maxPerArtist(), take));
        return Optional.of(checked(new Playlist(out, describe(lifted, m, out.size(), "the artist's own first"), m.label()),
                lifted, profile, m));
    }

    /**
     * "sounds alike: 121 and 118 BPM, energy 45 % and 49 %" when both tracks were analysed (measured,
     * not estimated, features) and their tempo is within 8 % (or energy within 0.1) of each other.
     */
    static java.util.Optional<String> measuredAlike(CatalogItem a, CatalogItem b) {
        AudioFeatures x = a.features(), y = b.features();
        if (a.audioEmbedding() == null || b.audioEmbedding() == null || x.estimated() || y.estimated()) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (x.tempo() != null && y.tempo() != null && Math.abs(x.tempo() - y.tempo()) <= 0.08 * Math.max(x.tempo(), y.tempo())) {
            parts.add(Math.round(x.tempo()) + " and " + Math.round(y.tempo()) + " BPM");
        }
        if (x.energy() != null && y.energy() != null && Math.abs(x.energy() - y.energy()) <= 0.1) {
            parts.add("energy " + Math.round(x.energy() * 100) + " % and " + Math.round(y.energy() * 100) + " %");
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("sounds alike (measured): " + String.join(", ", parts));
    }

    /** The catalogue's spelling of an artist's name (case and outer spaces aside), if it has that artist. */
    public Optional<String> artistNamed(String artist) {
        Integer a = artistIds.get(key(artist));
        return a == null ? Optional.empty() : Optional.of(artistNames[a]);
    }

    /**
     * Up to {@code k} items most like an artist's own tracks (the mean similarity to up to 50 of them, as
     * {@link #similarTracks}), the artist's own among them under the per-artist cap; empty when the catalogue has no such
     * artist. "Something like Brad Sucks" is about the artist, not about whichever of their tracks a search finds first.
     */
    public Optional<Playlist> similarToArtist(String artist, int k, Constraints c) {
        Integer a = artistIds.get(key(artist));
        if (a == null) {
            return Optional.empty();
        }
        Constraints ck = c.withCount(k);
        List<Integer> seeds = artistSeeds(a);
        float[] sim = artistSimilarity(seeds);
        boolean[] allowed = allowedMask(null, MoodTarget.NONE, ck, Set.of());
        int[] pool = Vectors.topK(sim, sim.length, Math.max(config.poolFactor() * k, 200), i -> allowed[i]);
        int[] chosen = Reranker.select(sim, pool, k, ck.maxPerArtist(), ck.diversity(), view);
        Map<Integer, Integer> tagCount = artistTags(seeds);
        String name = artistNames[a];
        List<PlaylistItem> out = new ArrayList<>();
        for (int i : chosen) {
            List<String> r = new ArrayList<>();
            r.add(artistOf[i] == a ? "by " + name : likeReason(a, i, tagCount));
            if (factorsNormalised != null && artistOf[i] != a && seeds.stream().anyMatch(seed -> factorCos(seed, i) > 0.5f)) {
                r.add("often played by the same listeners");
            }
            out.add(new PlaylistItem(items.get(i), sim[i], r));
        }
        SatisfiedConstraints satisfied = describe(ck, MoodTarget.NONE, out.size(), "by similarity");
        return Optional.of(checked(new Playlist(out, satisfied, "like " + name), ck, null, MoodTarget.NONE));
    }

    /** Up to {@code k} items most similar to the track (embeddings and ALS factors), under the constraints. */
    public Playlist similarTracks(long trackId, int k, Constraints c) {
        Constraints ck = c.withCount(k);
        int seed = index.index(trackId);
        if (seed < 0) {
            return new Playlist(List.of(), describe(ck, MoodTarget.NONE, 0, "by similarity"),
                    "similar to unknown track " + trackId);
        }
        float[] sim = new float[items.size()];
        for (int i = 0; i < sim.length; i++) {
            sim[i] = view.similarity(seed, i) + 0.05f * popularity[i];
        }
        boolean[] allowed = allowedMask(null, MoodTarget.NONE, ck, Set.of(seed));
        int[] pool = Vectors.topK(sim, sim.length, Math.max(config.poolFactor() * k, 200), i -> allowed[i]);
        int[] chosen = Reranker.select(sim, pool, k, ck.maxPerArtist(), ck.diversity(), view);
        CatalogItem s = items.get(seed);
        List<PlaylistItem> out = new ArrayList<>();
        for (int i : chosen) {
            List<String> r = new ArrayList<>();
            r.add("similar to '" + s.title() + "' by " + s.artist());
            List<String> shared = new ArrayList<>();
            for (int t : tagsOf[i]) {
                if (java.util.Arrays.binarySearch(tagsOf[seed], t) >= 0 && shared.size() < 3) {
                    shared.add(tagName(t));
                }
            }
            if (!shared.isEmpty()) {
                r.add("shares tags: " + String.join(", ", shared));
            }
            if (factorsNormalised != null && factorCos(seed, i) > 0.5f) {
                r.add("often played by the same listeners");
            }
            measuredAlike(s, items.get(i)).ifPresent(r::add);
            out.add(new PlaylistItem(items.get(i), sim[i], r));
        }
        SatisfiedConstraints satisfied = describe(ck, MoodTarget.NONE, out.size(), "by similarity");
        return checked(new Playlist(out, satisfied, "similar to " + s.title()), ck,
                null, MoodTarget.NONE);
    }

    /**
     * Applies a refinement (swap one item, more/less energetic, longer/shorter) to a playlist made
     * by this engine for the same profile, mood and constraints.
     */
    public Playlist refine(Playlist current, Refinement r, UserProfile profile, MoodTarget mood, Constraints c) {
        MoodTarget m = mood == null ? MoodTarget.NONE : mood;
        return switch (r) {
            case Refinement.MoreEnergetic e -> recommend(profile, m.nudged(MoodTarget.Nudge.by(MoodModel.Feature.ENERGY,
                    meanQuantile(current.trackIds(), MoodModel.Feature.ENERGY), Math.abs(e.step()))), c);
            case Refinement.LessEnergetic e -> recommend(profile, m.nudged(MoodTarget.Nudge.by(MoodModel.Feature.ENERGY,
                    meanQuantile(current.trackIds(), MoodModel.Feature.ENERGY), -Math.abs(e.step()))), c);
            case Refinement.Shorter s -> {
                int keep = Math.max(0, current.items().size() - s.by());
                List<PlaylistItem> sorted = new ArrayList<>(current.items());
                sorted.sort(Comparator.comparingDouble(PlaylistItem::score).reversed());
                Set<Long> kept = new HashSet<>();
                sorted.subList(0, keep).forEach(p -> kept.add(p.item().trackId()));
                List<PlaylistItem> out = current.items().stream().filter(p -> kept.contains(p.item().trackId())).toList();
                Constraints ck = c.withCount(Math.max(1, out.size()));
                SatisfiedConstraints satisfied = describe(ck, m, out.size(), "kept from the original");
                yield checked(new Playlist(out, satisfied, current.label()), ck, profile, m);
            }
            case Refinement.Longer l -> {
                Constraints ck = c.withCount(current.items().size() + l.by());
                List<PlaylistItem> out = new ArrayList<>(current.items());
                out.addAll(fill(current.items(), -1, l.by(), profile, m, ck));
                SatisfiedConstraints satisfied = describe(ck, m, out.size(), "kept from the original");
                yield checked(new Playlist(out, satisfied, current.label()), ck, profile, m);
            }
            case Refinement.Swap w -> {
                if (w.position() < 0 || w.position() >= current.items().size()) {
                    throw new IllegalArgumentException("no item at position " + w.position());
                }
                List<PlaylistItem> out = new ArrayList<>(current.items());
                List<PlaylistItem> repl = fill(current.items(), w.position(), 1, profile, m, c);
                if (repl.isEmpty()) {
                    out.remove(w.position());
                } else {
                    out.set(w.position(), repl.get(0));
                }
                SatisfiedConstraints satisfied = describe(c, m, out.size(), "kept from the original");
                yield checked(new Playlist(out, satisfied, current.label()), c, profile, m);
            }
        };
    }

    private List<PlaylistItem> fill(List<PlaylistItem> current, int replacing, int n, UserProfile profile,
            MoodTarget m, Constraints c) {
        Set<Integer> exclude = new HashSet<>();
        Map<Integer, Integer> perArtist = new HashMap<>();
        Set<Integer> dup = new HashSet<>();
        for (int p = 0; p < current.size(); p++) {
            int i = index.index(current.get(p).item().trackId());
            if (i < 0) {
                continue;
            }
            exclude.add(i);
            if (p != replacing) {
                perArtist.merge(artistOf[i], 1, Integer::sum);
                dup.add(duplicateKey[i]);
            }
        }
        boolean[] allowed = allowedMask(profile, m, c, exclude);
        Scored s = score(profile, m, allowed, n + current.size(), c.maxPerArtist(), ColdExposure.NONE);
        int[] pool = Vectors.topK(s.total, items.size(), Math.max(config.poolFactor() * (n + current.size()), 200),
                i -> allowed[i]);
        List<PlaylistItem> out = new ArrayList<>();
        for (int i : pool) {
            if (out.size() == n) {
                break;
            }
            if (perArtist.getOrDefault(artistOf[i], 0) >= c.maxPerArtist() || dup.contains(duplicateKey[i])) {
                continue;
            }
            perArtist.merge(artistOf[i], 1, Integer::sum);
            dup.add(duplicateKey[i]);
            out.add(new PlaylistItem(items.get(i), s.total[i], reasons(i, s, profile, m)));
        }
        return out;
    }

    private Playlist checked(Playlist p, Constraints c, UserProfile profile, MoodTarget m) {
        List<String> v = ConstraintCheck.violations(p, c, profile, m, clock.instant());
        if (!v.isEmpty()) {
            throw new IllegalStateException("constraint violated (bug): " + v);
        }
        // the length limit is stated only when every returned track is known to satisfy it (read from the result)
        Range dr = c.durationSec();
        if (dr != null && !p.items().isEmpty()
                && p.items().stream().allMatch(i -> i.item().durationSec() > 0 && dr.contains(i.item().durationSec()))) {
            return new Playlist(p.items(), p.satisfiedConstraints().withDuration(dr), p.label());
        }
        return p;
    }

    private static SatisfiedConstraints describe(Constraints c, MoodTarget m, int returned, String order) {
        return SatisfiedConstraints.of(c, m, returned, order);
    }

    /**
     * The hard constraints as one boolean per item: ranges are checked on the feature arrays, and
     * exclusions (artists, tags, ids, recently played) are applied through the inverted indices, so
     * the cost is one pass plus the size of the excluded postings.
     */
    private boolean[] allowedMask(UserProfile profile, MoodTarget m, Constraints c, Set<Integer> extra) {
        int n = items.size();
        boolean[] a = new boolean[n];
        Range er = c.energy();
        Range tr = c.tempo();
        if (er == null && tr == null) {
            java.util.Arrays.fill(a, true);
        } else {
            float elo = er == null ? 0 : (float) er.min();
            float ehi = er == null ? 0 : (float) er.max();
            float tlo = tr == null ? 0 : (float) tr.min();
            float thi = tr == null ? 0 : (float) tr.max();
            for (int i = 0; i < n; i++) {
                // NaN (unknown) fails every comparison, so unknown values never pass a set range
                a[i] = (er == null || (energy[i] >= elo && energy[i] <= ehi))
                        && (tr == null || (tempo[i] >= tlo && tempo[i] <= thi));
            }
        }
        for (int i : extra) {
            a[i] = false;
        }
        Range dr = c.durationSec();
        if (dr != null) {
            for (int i = 0; i < n; i++) {
                int d = items.get(i).durationSec();
                // an unknown length (0) never passes a set range
                a[i] &= d > 0 && dr.contains(d);
            }
        }
        Range yr = c.years();
        if (yr != null) {
            for (int i = 0; i < n; i++) {
                Integer y = items.get(i).year();
                // an unknown year never passes a set range
                a[i] &= y != null && yr.contains(y);
            }
        }
        if (!m.isEmpty()) {
            // sensible defaults for mood playlists: no very long tracks, podcasts, DJ mixes or speech unless asked;
            // a length range the listener set that reaches past the default is asking for long tracks
            String asked = (m.text() + " " + String.join(" ", m.wantedTags())).toLowerCase(Locale.ROOT);
            boolean wantsLong = (dr != null && dr.max() > MAX_MOOD_TRACK_SEC) || LONG_ASKED.matcher(asked).find()
                    || SPOKEN.matcher(asked).find() || asked.contains("mix");
            boolean wantsSpoken = SPOKEN.matcher(asked).find() || asked.contains("mix");
            for (int i = 0; i < n; i++) {
                if ((!wantsLong && items.get(i).durationSec() > MAX_MOOD_TRACK_SEC) || (!wantsSpoken && spoken[i])) {
                    a[i] = false;
                }
            }
        }
        for (long id : c.excludeTrackIds()) {
            int i = index.index(id);
            if (i >= 0) {
                a[i] = false;
            }
        }
        if (c.skipRecentlyPlayed() && profile != null) {
            Instant since = clock.instant().minus(c.recentWindow());
            for (var e : profile.lastPlayed().entrySet()) {
                int i = index.index(e.getKey());
                if (i >= 0 && e.getValue().isAfter(since)) {
                    a[i] = false;
                }
            }
        }
        Set<String> artists = new HashSet<>(c.excludeArtists());
        m.unwantedArtists().forEach(x -> artists.add(key(x)));
        for (String x : artists) {
            Integer id = artistIds.get(x);
            if (id != null) {
                for (int p = artistPostStart[id]; p < artistPostStart[id + 1]; p++) {
                    a[artistPost[p]] = false;
                }
            }
        }
        Set<String> tags = new HashSet<>(c.excludeTags());
        m.unwantedTags().forEach(t -> tags.add(key(t)));
        for (String t : tags) {
            Integer id = tagIds.get(t);
            if (id != null) {
                for (int p = tagPostStart[id]; p < tagPostStart[id + 1]; p++) {
                    a[tagPost[p]] = false;
                }
            }
        }
        keepToAskedGenres(a, m, c.count(), c.maxPerArtist());
        return a;
    }

    /**
     * Tracks of a genre the request names lead the others (by just more than the allowed range of
     * scores): when the genre is too small to be a gate, its tracks come first and others fill.
     */
    private void genresFirst(float[] total, boolean[] allowed, MoodTarget m) {
        if (m.genres().isEmpty()) {
            return;
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < total.length; i++) {
            if (allowed[i]) {
                lo = Math.min(lo, total[i]);
                hi = Math.max(hi, total[i]);
            }
        }
        if (lo > hi) {
            return;
        }
        boolean[] genre = askedGenreMask(m, allowed);
        float lead = hi - lo + 1;
        for (int i = 0; i < total.length; i++) {
            if (genre[i]) {
                total[i] += lead;
            }
        }
    }

    /** The allowed tracks tagged with a genre the request names, or null when it names none. */
    private boolean[] askedGenreMask(MoodTarget m, boolean[] allowed) {
        if (m.genres().isEmpty()) {
            return null;
        }
        boolean[] genre = new boolean[allowed.length];
        for (String g : m.genres()) {
            Integer id = tagIds.get(key(g));
            if (id != null) {
                for (int q = tagPostStart[id]; q < tagPostStart[id + 1]; q++) {
                    genre[tagPost[q]] = allowed[tagPost[q]];
                }
            }
        }
        return genre;
    }

    /**
     * A genre the request names itself ("a little jazzy", "folk for a rainy day") is a gate like the
     * mood: when its allowed tracks can fill {@code count} places under the per-artist cap, only
     * those stay, so taste and CF can reorder jazz but not replace it by what the listener usually
     * plays. With fewer, the genre stays a bonus in the fit.
     */
    private void keepToAskedGenres(boolean[] a, MoodTarget m, int count, int maxPerArtist) {
        if (m.genres().isEmpty()) {
            return;
        }
        boolean[] genre = askedGenreMask(m, a);
        int[] perArtist = new int[artistNames.length];
        int room = 0;
        for (int i = 0; i < a.length; i++) {
            if (genre[i] && perArtist[artistOf[i]]++ < Math.max(1, maxPerArtist)) {
                room++;
            }
        }
        if (room >= count) {
            for (int i = 0; i < a.length; i++) {
                a[i] &= genre[i];
            }
        }
    }

    private record Scored(float[] total, float[] cf, float[] content, int[] liked, float[] fit, MoodModel.Region region,
            boolean coldDraw) {}

    /**
     * Mood first. With mood words whose regions the {@link MoodModel} knows, every allowed item gets
     * its fit (distance to the combined region's centre in this catalogue's quantiles), plus a bonus
     * for a wanted tag or artist and minus the fit of negated moods, scaled (measured features only) by 1 − {@value #RIVAL_WEIGHT} ×
     * the best fit to a rival quadrant ({@link MoodModel#rivals}); only the items inside the region (fit ≥ max(0.45, 0.7 × the best fit), between {@code minGate} and {@code maxGate} of them) stay
     * allowed, so taste, CF and popularity can only reorder tracks that fit. Returns the gate scores,
     * or null when the request has no mood region (then the older range fit applies).
     */
    private float[] moodGate(MoodTarget m, Optional<MoodModel.Region> region, boolean[] allowed, int minGate, int maxGate,
            int minInside, int count, int maxPerArtist) {
        if (region.isEmpty()) {
            return null;
        }
        int n = items.size();
        List<MoodModel.Region> avoid = m.avoidMoods().stream().map(moodModel::region).flatMap(Optional::stream).toList();
        List<MoodModel.Region> rivals = moodModel.rivals(m.moods());
        List<double[]> rivalFits = rivals.stream().map(quadrantFits()::get).toList();
        boolean[] tagBonus = wantedTagMask(m);
        float[] fit = new float[n];
        for (int i = 0; i < n; i++) {
            if (!allowed[i]) {
                continue;
            }
            double f = regionFit(region.get(), i);
            if (!m.nudges().isEmpty()) {
                f *= MoodModel.nudgeFit(m.nudges(), quantiles[i]);
            }
            // a track that fits a rival quadrant as well is ambiguous: it ranks below one that fits only this mood.
            // Not for estimated features: a genre's mean fitting two quadrants says nothing about the track.
            if (!items.get(i).features().estimated()) {
                double rival = 0;
                for (double[] r : rivalFits) {
                    rival = Math.max(rival, r[i]);
                }
                f *= 1 - RIVAL_WEIGHT * rival;
            }
            for (MoodModel.Region r : avoid) {
                f -= 0.5 * MoodModel.fit(r, quantiles[i]);
            }
            if (tagBonus != null && tagBonus[i]) {
                f += 0.35;
            }
            fit[i] = (float) f;
        }
        float best = 0;
        for (int i = 0; i < n; i++) {
            if (allowed[i]) {
                best = Math.max(best, fit[i]);
            }
        }
        float threshold = insideThreshold(best);
        if (minInside > 0) {
            // at least minInside items inside (a cold listener's draw needs room), when that many are allowed
            int[] top = Vectors.topK(fit, n, minInside, i -> allowed[i]);
            if (top.length == minInside) {
                threshold = Math.min(threshold, fit[top[minInside - 1]]);
            }
        }
        // items below the threshold only fill a playlist the region cannot fill: a fixed penalty keeps them last
        for (int i = 0; i < n; i++) {
            if (allowed[i] && fit[i] < threshold) {
                fit[i] -= 3f;
            }
        }
        int inside = 0;
        for (int i = 0; i < n; i++) {
            if (allowed[i] && fit[i] >= 0) {
                inside++;
            }
        }
        int[] keep = Vectors.topK(fit, n, Math.max(minGate, Math.min(maxGate, inside)), i -> allowed[i]);
        keep = roomForArtists(keep, fit, allowed, count, maxPerArtist);
        // tracks of a genre the request names stay candidates, in the region or not (they lead, see genresFirst)
        boolean[] asked = askedGenreMask(m, allowed);
        java.util.Arrays.fill(allowed, false);
        for (int i : keep) {
            allowed[i] = true;
        }
        if (asked != null) {
            for (int i = 0; i < n; i++) {
                allowed[i] |= asked[i];
            }
        }
        return fit;
    }

    /**
     * The gate widened, best fitting first, until its tracks can fill {@code count} places under the
     * per-artist cap (a genre with few artists, or a small catalogue, would otherwise leave the
     * playlist short although the catalogue has more tracks that fit).
     */
    private int[] roomForArtists(int[] keep, float[] fit, boolean[] allowed, int count, int maxPerArtist) {
        int cap = Math.max(1, maxPerArtist);
        int[] perArtist = new int[artistNames.length];
        int room = 0;
        for (int i : keep) {
            if (perArtist[artistOf[i]]++ < cap) {
                room++;
            }
        }
        if (room >= count) {
            return keep;
        }
        int n = fit.length;
        int[] all = Vectors.topK(fit, n, n, i -> allowed[i]);
        int k = keep.length;
        while (k < all.length && room < count) {
            if (perArtist[artistOf[all[k]]]++ < cap) {
                room++;
            }
            k++;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    private boolean[] wantedTagMask(MoodTarget m) {
        boolean[] tagBonus = null;
        for (String t : m.wantedTags()) {
            Integer id = tagIds.get(key(t));
            if (id != null) {
                if (tagBonus == null) {
                    tagBonus = new boolean[items.size()];
                }
                for (int q = tagPostStart[id]; q < tagPostStart[id + 1]; q++) {
                    tagBonus[tagPost[q]] = true;
                }
            }
        }
        return tagBonus;
    }

    /**
     * Exploration among the gated items: Gumbel noise (scale 2) seeded by the profile snapshot and
     * the request, so different listeners asking the same mood get different draws from the tracks
     * that fit instead of one fixed list, while one listener's request is reproducible.
     */
    private void explore(float[] total, boolean[] allowed, UserProfile p, MoodTarget m) {
        long seed = p.asOf().toEpochMilli() * 31 + p.itemWeights().hashCode() * 17L + m.text().hashCode();
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < total.length; i++) {
            if (allowed[i]) {
                double u = Math.max(1e-12, r.nextDouble());
                total[i] += (float) (-2.0 * Math.log(-Math.log(u)));
            }
        }
    }

    private static void standardiseOver(float[] a, boolean[] allowed) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (allowed[i]) {
                sum += a[i];
                sq += (double) a[i] * a[i];
                n++;
            }
        }
        double mu = sum / Math.max(1, n);
        double sd = Math.sqrt(Math.max(sq / Math.max(1, n) - mu * mu, 1e-12));
        for (int i = 0; i < a.length; i++) {
            a[i] = allowed[i] ? (float) ((a[i] - mu) / sd) : 0f;
        }
    }

    /** Scores the allowed items (others keep 0 and are never candidates). */
    private Scored score(UserProfile profile, MoodTarget m, boolean[] allowed, int count, int maxPerArtist,
            ColdExposure exposure) {
        int n = items.size();
        UserProfile p = profile == null ? UserProfile.empty(clock.instant()) : profile;
        float[] total = new float[n];
        // a mood playlist draws from the items inside the mood's region (fit ≥ max(0.45, 0.7 × best)): at least
        // the max(3 × count, 60) best fitting, at most 10 × count and at most 1/12 of the allowed items (so a
        // small catalogue keeps a tight gate)
        int allowedCount = 0;
        for (boolean b : allowed) {
            allowedCount += b ? 1 : 0;
        }
        // a cold listener's draw needs count / COLD_SHARE tracks to keep every track under its share
        boolean coldProfile = p.itemWeights().isEmpty() && p.friendWeights().isEmpty() && p.friendLikes().isEmpty();
        // (on a catalogue under about 700 tracks, at most a seventh of it: precision first)
        int coldRoom = coldProfile ? Math.min((int) Math.ceil(count / COLD_SHARE), allowedCount / 7) : 0;
        int minGate = Math.max(Math.max(3 * count, 60), coldRoom);
        Optional<MoodModel.Region> region = regionOf(m, allowed, count);
        float[] fit = moodGate(m, region, allowed, minGate, Math.max(minGate, Math.min(10 * count, allowedCount / 12)),
                coldRoom, count, maxPerArtist);
        List<Integer> likedList = new ArrayList<>();
        List<Float> likedW = new ArrayList<>();
        float[] negative = null;
        for (var e : p.itemWeights().entrySet()) {
            int i = index.index(e.getKey());
            if (i < 0) {
                continue;
            }
            double w = e.getValue();
            if (w > 0) {
                likedList.add(i);
                likedW.add((float) w);
            } else if (w < 0) {
                if (negative == null) {
                    negative = new float[n];
                }
                negative[i] += (float) -w;
            }
        }
        int[] liked = likedList.stream().mapToInt(Integer::intValue).toArray();
        float[] cf = null;
        boolean popularityAdded = false;
        if (served != null && (liked.length > 0 || !p.friendWeights().isEmpty())) {
            int[] ui = liked.clone();
            float[] uv = new float[ui.length];
            for (int j = 0; j < ui.length; j++) {
                uv[j] = likedW.get(j);
            }
            float[] friends = null;
            for (var e : p.friendWeights().entrySet()) {
                int i = index.index(e.getKey());
                if (i >= 0) {
                    if (friends == null) {
                        friends = new float[n];
                    }
                    friends[i] += e.getValue().floatValue();
                }
            }
            cf = new float[n];
            // the served blend (EASE, ALS, RP3β, item-KNN, content, friends, popularity), then standardised
            // over the allowed items
            served.score(UserVector.of(ui, uv), friends, cf);
            double sum = 0;
            double sq = 0;
            int counted = 0;
            for (int i = 0; i < n; i++) {
                if (allowed[i]) {
                    float v = cf[i];
                    sum += v;
                    sq += (double) v * v;
                    counted++;
                }
            }
            double mu = sum / Math.max(1, counted);
            float mean = (float) mu;
            float sd = (float) Math.sqrt(Math.max(sq / Math.max(1, counted) - mu * mu, 1e-24));
            float wc = (float) config.collaborative();
            float wp = (float) (p.isNew() ? config.popularityNewUser() : config.popularity());
            for (int i = 0; i < n; i++) {
                if (!allowed[i]) {
                    cf[i] = 0;
                    continue;
                }
                float z = (cf[i] - mean) / sd;
                cf[i] = z;
                total[i] = wc * z + wp * popularity[i];
            }
            popularityAdded = true;
        }
        float[] content = null;
        if (embeddings != null && (liked.length > 0 || negative != null)) {
            float[] centroid = new float[dims];
            for (int j = 0; j < liked.length; j++) {
                axpy(centroid, likedW.get(j), liked[j]);
            }
            if (negative != null) {
                for (int i = 0; i < n; i++) {
                    if (negative[i] > 0) {
                        axpy(centroid, -0.5f * negative[i], i);
                    }
                }
            }
            content = new float[n];
            for (int i = 0; i < n; i++) {
                if (allowed[i]) {
                    content[i] = Vectors.dot(centroid, 0, embeddings, i * dims, dims);
                }
            }
            Vectors.standardise(content, n);
            add(total, content, config.content());
        }
        if (fit != null) {
            // mood first: only gated items are allowed; their fit (standardised over the gate) leads, taste reorders
            boolean[] inRegion = new boolean[n];
            for (int i = 0; i < n; i++) {
                inRegion[i] = allowed[i] && fit[i] >= 0;
            }
            float[] z = fit.clone();
            standardiseOver(z, inRegion);
            for (int i = 0; i < n; i++) {
                // inside the region: the standardised fit; a filler from outside: far below every inside item
                total[i] += allowed[i] ? (float) config.mood() * (inRegion[i] ? z[i] : fit[i] - 10f) : 0f;
            }
            if (!coldProfile) {
                explore(total, inRegion, p, m);
            }
        } else if (!m.isEmpty()) {
            moodFit(m, total, (float) config.mood(), allowed);
        }
        if (!popularityAdded) {
            add(total, popularity, p.isNew() ? config.popularityNewUser() : config.popularity());
        }
        for (var e : p.friendLikes().entrySet()) {
            int i = index.index(e.getKey());
            if (i >= 0) {
                total[i] += (float) (config.friends() * Math.log1p(e.getValue()));
            }
        }
        // the served blend ranks what a listener does not know yet; their own tracks keep a place in
        // playlists (discovery leaves them out): + 0.5·log(1 + weight)
        for (int j = 0; j < liked.length; j++) {
            total[liked[j]] += (float) (0.5 * Math.log1p(likedW.get(j)));
        }
        if (negative != null) {
            for (int i = 0; i < n; i++) {
                total[i] -= (float) (config.negative() * negative[i]);
            }
        }
        // a cold listener with a mood region draws from it (explore's noise is for listeners with a taste); one
        // whose request names no mood ("surprise me", "some jazz") draws from the best-scoring candidates instead
        boolean drawn = coldProfile && (fit != null ? coldDraw(total, fit, allowed, count, p, m, exposure)
                : m.wantedArtists().isEmpty() && coldDraw(total, broadRegion(total, allowed, count), allowed, count, p, m,
                        exposure));
        genresFirst(total, allowed, m);
        return new Scored(total, cf, content, liked, fit, region.orElse(null), drawn);
    }

    /**
     * The region a request is scored in: its moods' ({@link MoodModel#combine}) or, when it names no
     * mood with a valence but genres whose tagged tracks cannot fill the playlist (a catalogue imported
     * with features and no tags, or with few tracks of that genre), the genres' typical sound
     * ({@link GenreSounds}), under a pace or texture the request names (which sets its own features), so "some
     * metal" still gets loud, electric tracks and "fast punk songs" fast punk-sounding ones.
     */
    private Optional<MoodModel.Region> regionOf(MoodTarget m, boolean[] allowed, int count) {
        Optional<MoodModel.Region> base = requestRegion(m, allowed, count);
        if (m.nudges().isEmpty()) {
            return base;
        }
        // "calmer", "happier", "faster" move the request's own region (or, with none, the catalogue's middle)
        String asked = base.map(r -> isMoodsOwn(r, m) ? moodWords(m) : r.mood()).orElse(!m.genres().isEmpty() ? String.join(", ", m.genres())
                : m.wantedArtists().isEmpty() ? "" : "like " + String.join(", ", m.wantedArtists()));
        String moves = String.join(", ", m.nudges().stream().map(MoodTarget.Nudge::word).toList());
        return Optional.of(MoodModel.nudged(asked.isEmpty() ? moves : asked + ", " + moves, base.orElse(null), m.nudges()));
    }

    /** Whether {@code r} is the region of the request's moods alone (not a genre's sound or a nudged one). */
    private boolean isMoodsOwn(MoodModel.Region r, MoodTarget m) {
        return moodModel.combine(m.moods()).map(MoodModel.Region::mood).filter(r.mood()::equals).isPresent();
    }

    /** The request's mood words, without those another one contains ("sad" next to "sad songs"). */
    private static String moodWords(MoodTarget m) {
        return String.join(", ", m.moods().stream().filter(x -> m.moods().stream().noneMatch(y -> !y.equals(x) && y.contains(x))).toList());
    }

    private Optional<MoodModel.Region> requestRegion(MoodTarget m, boolean[] allowed, int count) {
        Optional<MoodModel.Region> moods = moodModel.combine(m.moods());
        // a mood with a valence says how the music feels; a pace, a texture or an activity alone ("fast", "slow",
        // "acoustic", "gym") leaves the sound to the genre: "fast punk songs" is punk's sound, played fast
        boolean feels = moods.isPresent() && moods.get().axis(MoodModel.Feature.VALENCE).isPresent();
        if (feels || m.genres().isEmpty()) {
            return moods;
        }
        boolean[] tagged = askedGenreMask(m, allowed);
        int n = 0;
        for (boolean b : tagged) {
            n += b ? 1 : 0;
        }
        if (n >= count) {
            return moods;
        }
        Optional<MoodModel.Region> sound = GenreSounds.standard().combine(m.genres());
        if (moods.isEmpty() || sound.isEmpty()) {
            return moods.or(() -> sound);
        }
        return Optional.of(MoodModel.overlay(String.join(", ", m.moods()) + " " + sound.get().mood(), moods.get(), sound.get()));
    }

    /**
     * The region of a cold listener's request that names no mood: the 1.5 × count / {@link ColdExposure#TARGET}
     * best-scoring allowed tracks, as a fit of 0 inside and −1 outside. A genre the request names is already a gate
     * ({@link #keepToAskedGenres}) or leads ({@link #genresFirst}). Without it every new listener asking "surprise
     * me" got the same twenty tracks.
     */
    private float[] broadRegion(float[] total, boolean[] allowed, int count) {
        // no mood to be precise about: wide enough that a stream of such requests alone keeps every track under the
        // exposure target (at count / target exactly, the caps' floor let a few reach 11 %). Ties (a catalogue nobody
        // has played yet scores every track alike) are broken by a hash of the track id, not by the catalogue's order,
        // which is by artist name: "some music please" drew from the artists starting with A
        float[] keyed = new float[total.length];
        for (int i = 0; i < keyed.length; i++) {
            long h = items.get(i).trackId() * 0x9E3779B97F4A7C15L;
            keyed[i] = total[i] + 1e-4f * (float) ((h >>> 40) / (double) (1L << 24));
        }
        int[] top = Vectors.topK(keyed, total.length, (int) Math.ceil(1.5 * count / ColdExposure.TARGET), i -> allowed[i]);
        float[] fit = new float[total.length];
        java.util.Arrays.fill(fit, -1f);
        for (int i : top) {
            fit[i] = 0f;
        }
        return fit;
    }

    /** How much a track's fit to a rival quadrant mood discounts its fit to the asked one (see {@link #moodGate}). */
    static final double RIVAL_WEIGHT = 0.5;

    /** The most any one track may be in of the playlists that cold listeners get for one request. */
    static final double COLD_SHARE = 0.2;

    /**
     * A cold listener (no likes, plays, skips or friends) has no taste to reorder the region by, so
     * without care every new listener asking for "calm" would get the same twenty tracks. Instead
     * each track of the region gets an inclusion probability that grows with its score (fit and
     * popularity, exp(score / mood weight), one z unit of fit), capped at {@link #COLD_SHARE} (halved
     * for a track in two quadrants' regions; 1.5 × count / size when the region has fewer than count /
     * share tracks, as on a small catalogue), scaled so that they add up to {@code count};
     * then systematic sampling ({@link SystematicDraw}) draws exactly
     * that many with exactly those probabilities. The draw's start is the listener's id times the golden ratio (a Weyl sequence),
     * so n new listeners see a track about π·n times, ± 1, instead of a binomial spread around it; a
     * profile of nobody in particular starts from a hash of its time and the request. The drawn
     * tracks lead (by just more than the region's range of scores); the region's others follow in
     * random order as fillers for the constraints. The order the draw walks through is one
     * fixed order of the tracks (a hash of their ids), so requests whose regions overlap put a shared
     * track's window in about the same place. A track already in many recent cold playlists has
     * its cap lowered by {@link ColdExposure#capFactor}. Returns whether it drew (false when the
     * region holds no more than {@code count} tracks).
     */
    private boolean coldDraw(float[] total, float[] fit, boolean[] allowed, int count, UserProfile p, MoodTarget m,
            ColdExposure exposure) {
        int n = total.length;
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (allowed[i] && fit[i] >= 0) {
                size++;
            }
        }
        if (size <= count) {
            return false;
        }
        int[] region = new int[size];
        float best = Float.NEGATIVE_INFINITY;
        for (int i = 0, j = 0; i < n; i++) {
            if (allowed[i] && fit[i] >= 0) {
                region[j++] = i;
                best = Math.max(best, total[i]);
            }
        }
        double tau = Math.max(1e-3, config.mood());
        double[] w = new double[size];
        for (int j = 0; j < size; j++) {
            w[j] = Math.exp((total[region[j]] - best) / tau);
        }
        byte[] overlap = quadrantOverlap();
        double[] cap = new double[size];
        double capSum = 0;
        boolean room = size >= Math.ceil(count / COLD_SHARE);
        for (int j = 0; j < size; j++) {
            // a track inside two quadrants' regions (calm and sad, say) is drawn for both: half the share in each;
            // a region too small to spread over (a small catalogue) is capped at 1.5 × count / size: the fit
            // decides, with some spread
            cap[j] = (room ? COLD_SHARE / Math.max(1, overlap[region[j]]) : Math.min(1, 1.5 * count / size))
                    * exposure.capFactor(items.get(region[j]).trackId());
            capSum += cap[j];
        }
        if (capSum < count) {
            // many shared tracks: every track's cap grows alike until they can fill the playlist
            for (int j = 0; j < size; j++) {
                cap[j] *= count / capSum;
            }
        }
        double[] pi = SystematicDraw.inclusion(w, count, cap);
        // one fixed order for every request (by a hash of the track id), so that requests with overlapping regions
        // put a shared track's window in about the same place, and the draw's windows do not follow the score
        Integer[] byHash = new Integer[size];
        for (int j = 0; j < size; j++) {
            byHash[j] = j;
        }
        int[] unordered = region;
        java.util.Arrays.sort(byHash, java.util.Comparator.comparingLong(j -> mix(items.get(unordered[j]).trackId())));
        int[] ordered = new int[size];
        double[] orderedPi = new double[size];
        for (int j = 0; j < size; j++) {
            ordered[j] = region[byHash[j]];
            orderedPi[j] = pi[byHash[j]];
        }
        region = ordered;
        pi = orderedPi;
        long requestHash = m.text().hashCode() * 0x9E3779B97F4A7C15L;
        double golden = 0.6180339887498949;
        double start = p.listener() != 0
                ? p.listener() * golden
                : new java.util.SplittableRandom(p.asOf().toEpochMilli() * 31 + requestHash).nextDouble();
        double u = start - Math.floor(start);
        // fillers (when the per-artist cap or a duplicate drops a drawn track) come from the region in random order,
        // not by score, or the best-fitting tracks would fill in for everyone (in a region too small to spread
        // over, by score)
        java.util.SplittableRandom fill = new java.util.SplittableRandom(Double.doubleToLongBits(u) ^ requestHash);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i : region) {
            lo = Math.min(lo, total[i]);
            hi = Math.max(hi, total[i]);
        }
        // the lead is just above the region's range, so the re-ranker's scale still sets fillers from the region
        // above tracks outside it
        float lead = hi - lo + 1;
        boolean[] drawn = SystematicDraw.draw(pi, u);
        for (int j = 0; j < size; j++) {
            if (drawn[j]) {
                total[region[j]] += lead;
            } else if (room) {
                total[region[j]] = lo + (float) ((hi - lo) * fill.nextDouble());
            }
        }
        return true;
    }

    /** Item {@code i}'s fit to a region; estimated features are less certain than measured ones. */
    private double regionFit(MoodModel.Region r, int i) {
        return MoodModel.fit(r, quantiles[i]) * (items.get(i).features().estimated() ? 0.9 : 1.0);
    }

    /** The fit from which a track is inside a region whose best track fits {@code best}. */
    private static float insideThreshold(float best) {
        return Math.max(0.45f, 0.7f * best);
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /**
     * Every item's fit to the region of each of happy, sad, energetic and calm
     * ({@link MoodModel#QUADRANTS}) that the model has: read by the rival discount on every mood
     * request and by {@link #quadrantOverlap}, so computed once per engine.
     */
    private Map<MoodModel.Region, double[]> quadrantFits() {
        Map<MoodModel.Region, double[]> f = quadrantFits;
        if (f != null) {
            return f;
        }
        Map<MoodModel.Region, double[]> out = new java.util.LinkedHashMap<>();
        for (String mood : MoodModel.QUADRANTS) {
            Optional<MoodModel.Region> r = moodModel.region(mood);
            if (r.isPresent()) {
                double[] fit = new double[items.size()];
                for (int i = 0; i < fit.length; i++) {
                    fit[i] = MoodModel.fit(r.get(), quantiles[i]);
                }
                out.put(r.get(), fit);
            }
        }
        f = java.util.Collections.unmodifiableMap(out);
        quadrantFits = f;
        return f;
    }

    /**
     * For each item, in how many of the regions of happy, sad, energetic and calm (Russell's four
     * quadrants) it lies: the cold-listener gate of each over the whole catalogue.
     */
    private byte[] quadrantOverlap() {
        byte[] o = quadrantOverlap;
        if (o != null) {
            return o;
        }
        int n = items.size();
        o = new byte[n];
        int gate = Math.max(Math.max(60, (int) Math.ceil(20 / COLD_SHARE)), Math.min(200, n / 12));
        for (double[] raw : quadrantFits().values()) {
            float[] fit = new float[n];
            float best = 0;
            for (int i = 0; i < n; i++) {
                // as regionFit: estimated features are less certain than measured ones
                fit[i] = (float) (raw[i] * (items.get(i).features().estimated() ? 0.9 : 1.0));
                best = Math.max(best, fit[i]);
            }
            float threshold = insideThreshold(best);
            for (int i : Vectors.topK(fit, n, Math.min(n, gate), i -> fit[i] >= threshold)) {
                o[i]++;
            }
        }
        quadrantOverlap = o;
        return o;
    }

    /** Adds weight × mood fit of every item to {@code total}. */
    private void moodFit(MoodTarget m, float[] total, float weight, boolean[] allowed) {
        int n = items.size();
        boolean[] tagBonus = null;
        for (String t : m.wantedTags()) {
            Integer id = tagIds.get(key(t));
            if (id != null) {
                if (tagBonus == null) {
                    tagBonus = new boolean[n];
                }
                for (int p = tagPostStart[id]; p < tagPostStart[id + 1]; p++) {
                    tagBonus[tagPost[p]] = true;
                }
            }
        }
        boolean[] wantedArtist = new boolean[artistNames.length];
        boolean anyArtist = false;
        for (String a : m.wantedArtists()) {
            Integer id = artistIds.get(key(a));
            if (id != null) {
                wantedArtist[id] = true;
                anyArtist = true;
            }
        }
        // a text query matches the text part of the item vectors (audio parts, when present, follow it)
        float[] me = m.embedding() != null && embeddings != null && m.embedding().length <= dims
                ? java.util.Arrays.copyOf(m.embedding(), dims) : null;
        Range rv = m.valence();
        Range re = m.energy();
        Range rt = m.tempo();
        for (int i = 0; i < n; i++) {
            if (!allowed[i]) {
                continue;
            }
            float f = 0;
            if (rv != null) {
                f -= rangePenalty(rv, valence[i], 5f);
            }
            if (re != null) {
                f -= rangePenalty(re, energy[i], 5f);
            }
            if (rt != null) {
                f -= rangePenalty(rt, tempo[i], 0.05f);
            }
            if (tagBonus != null && tagBonus[i]) {
                f += 0.8f;
            }
            if (anyArtist && wantedArtist[artistOf[i]]) {
                f += 1f;
            }
            if (me != null) {
                f += 2f * Vectors.dot(me, 0, embeddings, i * dims, dims);
            }
            total[i] += weight * f;
        }
    }

    /** min(3, distance to the range × perUnit); 0.3 when the value is unknown. */
    private static float rangePenalty(Range r, float v, float perUnit) {
        if (v != v) {
            return 0.3f;
        }
        float lo = (float) r.min();
        float hi = (float) r.max();
        float d = v < lo ? lo - v : v > hi ? v - hi : 0f;
        return Math.min(3f, d * perUnit);
    }

    private void axpy(float[] y, float a, int item) {
        int o = item * dims;
        for (int d = 0; d < dims; d++) {
            y[d] += a * embeddings[o + d];
        }
    }

    private static void add(float[] total, float[] x, double w) {
        float wf = (float) w;
        for (int i = 0; i < total.length; i++) {
            total[i] += wf * x[i];
        }
    }

    private String tagName(int t) {
        for (var e : tagIds.entrySet()) {
            if (e.getValue() == t) {
                return e.getKey();
            }
        }
        return "";
    }

    private float factorCos(int a, int b) {
        int k = als.k();
        return Vectors.dot(factorsNormalised, a * k, factorsNormalised, b * k, k);
    }

    private List<String> reasons(int i, Scored s, UserProfile profile, MoodTarget m) {
        List<String> r = new ArrayList<>();
        CatalogItem it = items.get(i);
        UserProfile p = profile == null ? UserProfile.empty(clock.instant()) : profile;
        Integer plays = p.artistPlays().get(it.artist());
        if (plays != null && plays > 0) {
            r.add("you played " + it.artist() + (plays == 1 ? " once" : " " + plays + " times"));
        }
        Double own = p.itemWeights().get(it.trackId());
        if (own != null && own > 0) {
            // a mood playlist may include the listener's own tracks, and says so
            r.add("already one of yours (liked or played)");
        }
        if (s.liked.length > 0) {
            int best = -1;
            float bestSim = 0.5f;
            int limit = Math.min(s.liked.length, 200);
            for (int q = 0; q < limit; q++) {
                int j = s.liked[q];
                if (j == i || artistOf[j] == artistOf[i]) {
                    continue;
                }
                float sim = view.similarity(i, j);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = j;
                }
            }
            if (best >= 0) {
                r.add("similar to '" + items.get(best).title() + "' by " + items.get(best).artist() + ", which you like");
            } else if (s.cf != null && s.cf[i] > 1.5f) {
                r.add("listeners with similar taste play this");
            }
        }
        Optional<MoodModel.Region> region = Optional.ofNullable(s.region);
        if (region.isPresent()) {
            List<String> words = MoodModel.describe(region.get(), quantiles[i], 3);
            boolean est = it.features().estimated();
            // "sad songs" already says "sad"; a genre's sound is named by the genre ("metal: loud, electric", "slow metal: …")
            String what = isMoodsOwn(region.get(), m) ? moodWords(m) : region.get().mood();
            if (!words.isEmpty()) {
                r.add(what + ": " + String.join(", ", words) + (est ? " (estimated features)" : ""));
            } else {
                r.add("among the closest to '" + what + "' here" + (est ? " (estimated features)" : ""));
            }
        } else if (!m.isEmpty() && !m.label().isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (m.energy() != null && !Float.isNaN(energy[i])) {
                parts.add(String.format(Locale.ROOT, "energy %.2f", energy[i]));
            }
            if (m.valence() != null && !Float.isNaN(valence[i])) {
                parts.add(String.format(Locale.ROOT, "valence %.2f", valence[i]));
            }
            if (m.tempo() != null && !Float.isNaN(tempo[i])) {
                parts.add(String.format(Locale.ROOT, "tempo %.0f BPM", tempo[i]));
            }
            for (String t : m.wantedTags()) {
                Integer id = tagIds.get(key(t));
                if (id != null && java.util.Arrays.binarySearch(tagsOf[i], id) >= 0) {
                    parts.add("tagged " + key(t));
                    break;
                }
            }
            if (!parts.isEmpty()) {
                boolean est = it.features().estimated() && (m.energy() != null || m.valence() != null);
                r.add("matches '" + m.label() + "': " + String.join(", ", parts) + (est ? " (estimated)" : ""));
            }
        }
        Integer friends = p.friendLikes().get(it.trackId());
        if (friends != null && friends > 0) {
            r.add("liked by " + friends + (friends == 1 ? " friend" : " friends"));
        }
        for (UserProfile.TagWeight tw : p.topTags()) {
            Integer id = tagIds.get(tw.tag());
            if (id != null && java.util.Arrays.binarySearch(tagsOf[i], id) >= 0) {
                r.add("you often listen to " + tw.tag());
                break;
            }
        }
        if (r.isEmpty()) {
            if (m.embedding() != null && embeddings != null && !m.text().isBlank()) {
                r.add("genre and tags close to '" + m.text().trim() + "'");
            } else if (p.isNew()) {
                r.add(rawPopularity[i] > 0 ? "popular with listeners here" : "picked to explore the catalogue");
            } else {
                r.add(s.cf != null && s.cf[i] > 0 ? "fits your taste profile" : "picked to explore the catalogue");
            }
        }
        return r;
    }

    /** 1 − 2 × mean |Δ quantile| over the features both items have, clamped to [0, 1]; NaN when none. */
    private float audioSimilarity(int a, int b) {
        float d = 0;
        int k = 0;
        float[] qa = quantiles[a];
        float[] qb = quantiles[b];
        for (int f = 0; f < qa.length; f++) {
            if (qa[f] == qa[f] && qb[f] == qb[f]) {
                d += Math.abs(qa[f] - qb[f]);
                k++;
            }
        }
        return k == 0 ? Float.NaN : Math.max(0f, 1f - 2f * d / k);
    }

    private boolean sharesTag(int a, int b) {
        for (int t : tagsOf[a]) {
            if (java.util.Arrays.binarySearch(tagsOf[b], t) >= 0) {
                return true;
            }
        }
        return false;
    }

    private final Reranker.Items view = new Reranker.Items() {
        @Override
        public int artist(int i) {
            return artistOf[i];
        }

        @Override
        public int artistCount() {
            return artistNames.length;
        }

        @Override
        public int duplicateKeyCount() {
            return duplicateKeys;
        }

        @Override
        public int duplicateKey(int i) {
            return duplicateKey[i];
        }

        @Override
        public float similarity(int a, int b) {
            // diversity from sound and genre (audio-feature quantiles, shared tags), plus the learned
            // similarity (tag embeddings, ALS factors) where there is one; never from names
            float sound = audioSimilarity(a, b);
            if (embeddings != null) {
                float e = Vectors.dot(embeddings, a * dims, embeddings, b * dims, dims);
                float learned = factorsNormalised == null ? e : 0.5f * (e + factorCos(a, b));
                return Float.isNaN(sound) ? learned : 0.5f * (learned + sound);
            }
            if (factorsNormalised != null) {
                return Float.isNaN(sound) ? factorCos(a, b) : 0.5f * (factorCos(a, b) + sound);
            }
            float genre = sharesTag(a, b) ? 1f : 0f;
            return Float.isNaN(sound) ? genre : 0.5f * (genre + sound);
        }

        @Override
        public float energy(int i) {
            return energy[i];
        }

        @Override
        public float tempo(int i) {
            return tempo[i];
        }
    };

    /**
     * Serialises the trained parts (ids, estimated features, embeddings, popularity, ALS) in a
     * versioned binary format; the catalogue itself is not included ({@link EngineTrainer#restore}).
     */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, VERSION, out -> {
            index.write(out);
            out.writeInt(items.size());
            for (int i = 0; i < items.size(); i++) {
                AudioFeatures f = items.get(i).features();
                out.writeFloat(valence[i]);
                out.writeFloat(energy[i]);
                out.writeFloat(tempo[i]);
                out.writeBoolean(f.estimated());
            }
            out.writeInt(dims);
            out.writeInt(embeddings == null ? -1 : embeddings.length);
            if (embeddings != null) {
                for (float x : embeddings) {
                    out.writeFloat(x);
                }
            }
            for (float x : rawPopularity) {
                out.writeFloat(x);
            }
            byte[] a = served == null ? new byte[0] : served.toBytes();
            out.writeInt(a.length);
            out.write(a);
        });
    }
}
