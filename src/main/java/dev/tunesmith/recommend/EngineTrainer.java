package dev.tunesmith.recommend;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.data.IdIndex;
import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.ItemContent;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.engine.ServedScorer;
import dev.tunesmith.recommend.engine.ServedTrainer;
import dev.tunesmith.recommend.model.AlsModel;
import dev.tunesmith.recommend.model.AlsScorer;
import dev.tunesmith.recommend.model.ModelIo;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds {@link RecommendationEngine} snapshots: from the product's catalogue and all users' events
 * (items are tracks), from HetRec Last.fm (items are artists), or from bytes stored earlier.
 * Training is CPU-bound: call it on a worker thread, then swap the snapshot in.
 */
public final class EngineTrainer {
    private EngineTrainer() {}

    /**
     * Training settings.
     *
     * @param served hyper-parameters of the served blend (the {@code recommender} config section; the
     *     same {@link ServedTrainer} and settings {@code ./tunesmith eval} measures as {@code served})
     * @param weights event weights for building the interaction matrix
     * @param config weights of the query-time terms (mood, embeddings, popularity for new users, ...)
     */
    public record Options(ServedConfig served, EventWeights weights, EngineConfig config) {
        /** Defaults. */
        public static final Options DEFAULTS = new Options(ServedConfig.DEFAULTS, EventWeights.DEFAULTS, EngineConfig.DEFAULTS);
    }

    /**
     * Trains on the product's data.
     *
     * @param catalog all tracks (duplicate ids: first wins)
     * @param eventsByUser every user's events
     * @param embedder embeds each track's tags/genre text; null for no content vectors
     * @param now time the profiles are decayed to
     * @param o settings
     */
    public static RecommendationEngine train(List<CatalogItem> catalog, Map<Long, List<UserEvent>> eventsByUser,
            TextEmbedder embedder, Instant now, Options o) {
        return train(catalog, eventsByUser, Map.of(), embedder, now, o);
    }

    /**
     * The catalogue and the community as the served trainer sees them; {@link #train} and the per-version quality
     * figure ({@code eval.CommunityQuality}) build it the same way.
     *
     * @param index track id → dense item index
     * @param items the catalogue in index order, with estimated features filled in
     * @param userIds user ids in row order (sorted)
     * @param interactions the user × item matrix of positive profile weights, or null when there is none
     * @param friends per row, the rows of that user's friends
     * @param listeners per item, how many users have it in their profile
     * @param itemsPerUser per row, how many items that user has
     */
    public record TrainingData(IdIndex index, List<CatalogItem> items, List<Long> userIds, Interactions interactions, int[][] friends,
            float[] listeners, int[] itemsPerUser) {

        /** Non-zero cells of the matrix. */
        public int pairs() {
            return interactions == null ? 0 : Arrays.stream(itemsPerUser).sum();
        }
    }

    /** Builds the {@link TrainingData} of {@link #train}'s arguments. */
    public static TrainingData trainingData(List<CatalogItem> catalog, Map<Long, List<UserEvent>> eventsByUser,
            Map<Long, List<Long>> friendsByUser, Instant now, Options o) {
        IdIndex index = IdIndex.of(catalog.stream().mapToLong(CatalogItem::trackId).toArray());
        CatalogItem[] ordered = new CatalogItem[index.size()];
        for (CatalogItem c : catalog) {
            int i = index.index(c.trackId());
            if (ordered[i] == null) {
                ordered[i] = c;
            }
        }
        List<CatalogItem> items = withEstimatedFeatures(Arrays.asList(ordered));
        Map<Long, CatalogItem> byId = new HashMap<>();
        items.forEach(c -> byId.put(c.trackId(), c));
        ProfileBuilder pb = new ProfileBuilder(byId::get, o.weights());
        List<Long> userIds = new ArrayList<>(eventsByUser.keySet());
        userIds.sort(null);
        List<int[]> ui = new ArrayList<>();
        List<Float> vals = new ArrayList<>();
        float[] pop = new float[items.size()];
        int[] perUser = new int[userIds.size()];
        for (int u = 0; u < userIds.size(); u++) {
            UserProfile p = pb.build(eventsByUser.get(userIds.get(u)), now);
            for (var e : p.itemWeights().entrySet()) {
                int i = index.index(e.getKey());
                if (i >= 0 && e.getValue() > 0) {
                    ui.add(new int[] {u, i});
                    vals.add(e.getValue().floatValue());
                    pop[i]++;
                    perUser[u]++;
                }
            }
        }
        Map<Long, Integer> row = new HashMap<>();
        for (int u = 0; u < userIds.size(); u++) {
            row.put(userIds.get(u), u);
        }
        int[][] friends = new int[userIds.size()][];
        for (int u = 0; u < userIds.size(); u++) {
            friends[u] = friendsByUser.getOrDefault(userIds.get(u), List.of()).stream()
                    .map(row::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
        }
        if (ui.isEmpty()) {
            return new TrainingData(index, items, userIds, null, friends, pop, perUser);
        }
        int n = ui.size();
        int[] us = new int[n];
        int[] is = new int[n];
        float[] vs = new float[n];
        for (int k = 0; k < n; k++) {
            us[k] = ui.get(k)[0];
            is[k] = ui.get(k)[1];
            vs[k] = vals.get(k);
        }
        return new TrainingData(index, items, userIds, Interactions.of(userIds.size(), items.size(), us, is, vs, n), friends, pop, perUser);
    }

    /**
     * Trains on the product's data, with the friends graph for the served blend's friends component.
     *
     * @param catalog all tracks (duplicate ids: first wins)
     * @param eventsByUser every user's events
     * @param friendsByUser user id → ids of their friends (may be empty)
     * @param embedder embeds each track's tags/genre text; null for no content vectors
     * @param now time the profiles are decayed to
     * @param o settings
     */
    public static RecommendationEngine train(List<CatalogItem> catalog, Map<Long, List<UserEvent>> eventsByUser,
            Map<Long, List<Long>> friendsByUser, TextEmbedder embedder, Instant now, Options o) {
        TrainingData d = trainingData(catalog, eventsByUser, friendsByUser, now, o);
        List<CatalogItem> items = d.items();
        IdIndex index = d.index();
        float[] pop = d.listeners();
        ServedScorer served = d.interactions() == null ? null : new ServedTrainer(o.served(), content(items), d.friends()).train(d.interactions());
        float[] emb = withAudio(embedder == null ? null : embed(embedder, items), items);
        int dims = emb == null ? 0 : emb.length / Math.max(1, items.size());
        return new RecommendationEngine(items, index, emb, dims, served, pop, o.config(), Clock.systemUTC());
    }

    /** The catalogue's genre and style tags as the served blend's content (weight 1 per tag). */
    public static ItemContent content(List<CatalogItem> items) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] tags = new int[items.size()][];
        float[][] counts = new float[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            CatalogItem c = items.get(i);
            java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
            for (String tag : c.tags()) {
                t.add(ids.computeIfAbsent(tag.toLowerCase(Locale.ROOT).trim(), k -> ids.size()));
            }
            if (c.genre() != null && !c.genre().isBlank()) {
                t.add(ids.computeIfAbsent(c.genre().toLowerCase(Locale.ROOT).trim(), k -> ids.size()));
            }
            tags[i] = t.stream().mapToInt(Integer::intValue).toArray();
            counts[i] = new float[tags[i].length];
            Arrays.fill(counts[i], 1f);
        }
        return new ItemContent(Math.max(1, ids.size()), tags, counts);
    }

    /**
     * An engine over HetRec artists: an artist becomes a {@link CatalogItem} (title and artist = the
     * artist's name, tags = its five most assigned tags, no audio features), the served blend is
     * trained on all play counts with the artists' tags and the friends graph.
     */
    public static RecommendationEngine fromHetRec(HetRecData d, TextEmbedder embedder, Options o) {
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < d.items().size(); i++) {
            int[] t = d.itemTags()[i];
            float[] c = d.itemTagCounts()[i];
            Integer[] order = new Integer[t.length];
            for (int j = 0; j < t.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Float.compare(c[b], c[a]));
            List<String> tags = new ArrayList<>();
            for (int j = 0; j < Math.min(5, t.length); j++) {
                tags.add(d.tagNames()[t[order[j]]]);
            }
            String name = d.artistNames()[i] == null ? "artist " + d.items().id(i) : d.artistNames()[i];
            items.add(new CatalogItem(d.items().id(i), name, name, tags, tags.isEmpty() ? null : tags.get(0), null, 0));
        }
        ServedScorer served = new ServedTrainer(o.served(),
                d.content(), d.friends()).train(d.plays());
        float[] pop = new float[items.size()];
        for (int i = 0; i < pop.length; i++) {
            pop[i] = d.plays().itemCount(i);
        }
        float[] emb = embedder == null ? null : embed(embedder, items);
        int dims = emb == null ? 0 : emb.length / Math.max(1, items.size());
        return new RecommendationEngine(items, d.items(), emb, dims, served, pop, o.config(), Clock.systemUTC());
    }

    /**
     * An engine over a catalogue with factors trained elsewhere (benchmarks, external training).
     *
     * @param catalog items in the order of the factor rows (ids must be distinct)
     * @param als item factors, one row per catalogue item
     * @param popularity users per item (may be null)
     */
    public static RecommendationEngine fromFactors(List<CatalogItem> catalog, AlsModel als, float[] popularity,
            EngineConfig config) {
        IdIndex index = IdIndex.of(catalog.stream().mapToLong(CatalogItem::trackId).toArray());
        if (index.size() != catalog.size() || als.items() != catalog.size()) {
            throw new IllegalArgumentException("catalogue ids must be distinct and match the factor rows");
        }
        CatalogItem[] ordered = new CatalogItem[catalog.size()];
        float[] f = new float[als.itemFactors().length];
        float[] pop = new float[catalog.size()];
        int k = als.k();
        for (int j = 0; j < catalog.size(); j++) {
            int i = index.index(catalog.get(j).trackId());
            ordered[i] = catalog.get(j);
            System.arraycopy(als.itemFactors(), j * k, f, i * k, k);
            pop[i] = popularity == null ? 0 : popularity[j];
        }
        AlsModel reordered = new AlsModel(k, als.lambda(), als.alpha(), f, als.gram(), als.weightedLambda());
        ServedScorer served = new ServedScorer(List.of("als"), List.of(new AlsScorer(reordered)), new double[] {1},
                catalog.size());
        return new RecommendationEngine(Arrays.asList(ordered), index, null, 0, served, pop, config,
                Clock.systemUTC());
    }

    /**
     * An engine whose ALS item factors were trained elsewhere (Spark MLlib, {@code train recommender --engine spark}):
     * {@code factors} holds one row of {@code k} per track id; catalogue tracks without a row get zeros (cold items,
     * reached through content and popularity). {@code regParam} is applied per interaction (ALS-WR, as Spark does),
     * so folding a user in at query time solves Spark's own objective.
     */
    public static RecommendationEngine fromAlsFactors(List<CatalogItem> catalog, Map<Long, float[]> factors, Map<Long, Float> popularity,
            int k, double regParam, double alpha, TextEmbedder embedder, EngineConfig config) {
        IdIndex index = IdIndex.of(catalog.stream().mapToLong(CatalogItem::trackId).toArray());
        CatalogItem[] ordered = new CatalogItem[index.size()];
        for (CatalogItem c : catalog) {
            if (ordered[index.index(c.trackId())] == null) {
                ordered[index.index(c.trackId())] = c;
            }
        }
        List<CatalogItem> items = withEstimatedFeatures(Arrays.asList(ordered));
        float[] y = new float[items.size() * k];
        float[] pop = new float[items.size()];
        double[] gram = new double[k * k];
        for (int i = 0; i < items.size(); i++) {
            long id = items.get(i).trackId();
            float[] f = factors.get(id);
            pop[i] = popularity.getOrDefault(id, 0f);
            if (f == null) {
                continue;
            }
            if (f.length != k) {
                throw new IllegalArgumentException("track " + id + " has " + f.length + " factors, expected " + k);
            }
            System.arraycopy(f, 0, y, i * k, k);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    gram[a * k + b] += (double) f[a] * f[b];
                }
            }
        }
        float[] emb = embedder == null ? null : embed(embedder, items);
        int dims = emb == null ? 0 : emb.length / Math.max(1, items.size());
        // the served blend with ALS as its only component: Spark's factors, folded in per user like any served ALS
        ServedScorer served = new ServedScorer(List.of("als"), List.of(new AlsScorer(new AlsModel(k, regParam, alpha, y, gram, true))),
                new double[] {1.0}, index.size());
        return new RecommendationEngine(items, index, emb, dims, served, pop, config, Clock.systemUTC());
    }

    /** Rebuilds an engine from {@link RecommendationEngine#toBytes()} and the current catalogue. */
    public static RecommendationEngine restore(List<CatalogItem> catalog, byte[] bytes, EngineConfig config) {
        return ModelIo.fromBytes(bytes, "engine", 2, in -> read(catalog, in, config));
    }

    private static RecommendationEngine read(List<CatalogItem> catalog, DataInputStream in, EngineConfig config)
            throws IOException {
        IdIndex index = IdIndex.read(in);
        int n = in.readInt();
        Map<Long, CatalogItem> byId = new HashMap<>();
        catalog.forEach(c -> byId.putIfAbsent(c.trackId(), c));
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float v = in.readFloat();
            float e = in.readFloat();
            float t = in.readFloat();
            boolean est = in.readBoolean();
            CatalogItem c = byId.get(index.id(i));
            if (c == null) {
                throw new IllegalArgumentException("catalogue lacks track " + index.id(i) + "; retrain the engine");
            }
            AudioFeatures f = c.features();
            items.add(new CatalogItem(c.trackId(), c.title(), c.artist(), c.tags(), c.genre(),
                    new AudioFeatures(nan(v), nan(e), f.danceability(), f.acousticness(), nan(t), est, f.instrumentalness(),
                            f.loudness(), f.mode(), f.speechiness()), c.durationSec(), c.audioEmbedding(), c.year()));
        }
        int dims = in.readInt();
        int len = in.readInt();
        float[] emb = null;
        if (len >= 0) {
            emb = new float[len];
            for (int j = 0; j < len; j++) {
                emb[j] = in.readFloat();
            }
        }
        float[] pop = new float[n];
        for (int j = 0; j < n; j++) {
            pop[j] = in.readFloat();
        }
        byte[] a = new byte[in.readInt()];
        in.readFully(a);
        ServedScorer served = a.length == 0 ? null : ServedScorer.fromBytes(a);
        // the features not stored (danceability, acousticness, ...) are estimated again as in training
        return new RecommendationEngine(withEstimatedFeatures(items), index, emb, dims, served, pop, config,
                Clock.systemUTC());
    }

    private static Double nan(float x) {
        return Float.isNaN(x) ? null : (double) x;
    }

    /** Share of the similarity of two analysed tracks that comes from how they sound (the rest from their tags). */
    static final double AUDIO_WEIGHT = 0.6;

    /**
     * Appends the measured audio embedding (standardised over the analysed items, see
     * {@link dev.tunesmith.recommend.audio.AudioEmbeddings}) to each item's text vector: analysed items get
     * [√(1−w)·text, √w·audio], the others [text, 0], so a dot product is unchanged between two
     * catalogue tracks, (1−w)·text + w·audio between two scanned ones, and text-only in between.
     * Returns {@code text} itself when no item has an audio embedding.
     */
    static float[] withAudio(float[] text, List<CatalogItem> items) {
        int n = items.size();
        int audioDims = 0;
        for (CatalogItem c : items) {
            if (c.audioEmbedding() != null) {
                audioDims = Math.max(audioDims, c.audioEmbedding().length);
            }
        }
        if (audioDims == 0 || n == 0) {
            return text;
        }
        // standardised over the analysed items of this catalogue, unit length each
        List<float[]> raw = new ArrayList<>();
        for (CatalogItem c : items) {
            if (c.audioEmbedding() != null) {
                raw.add(c.audioEmbedding());
            }
        }
        java.util.Iterator<float[]> standard = dev.tunesmith.recommend.audio.AudioEmbeddings.standardise(raw).iterator();
        int textDims = text == null ? 0 : text.length / n;
        int dims = textDims + audioDims;
        float[] out = new float[n * dims];
        float wt = (float) Math.sqrt(1 - AUDIO_WEIGHT), wa = (float) Math.sqrt(AUDIO_WEIGHT);
        for (int i = 0; i < n; i++) {
            float[] a = items.get(i).audioEmbedding() == null ? null : standard.next();
            float scale = a == null || textDims == 0 ? 1f : wt;
            for (int d = 0; d < textDims; d++) {
                out[i * dims + d] = scale * text[i * textDims + d];
            }
            if (a != null) {
                float sa = textDims == 0 ? 1f : wa;
                for (int d = 0; d < a.length; d++) {
                    out[i * dims + textDims + d] = sa * a[d];
                }
            }
        }
        return out;
    }

    /** Embeds each item's {@link CatalogItem#descriptor()} (batches of 256), flattened items × dims. */
    public static float[] embed(TextEmbedder embedder, List<CatalogItem> items) {
        float[] out = null;
        int dims = 0;
        for (int from = 0; from < items.size(); from += 256) {
            List<String> segs = items.subList(from, Math.min(items.size(), from + 256)).stream()
                    .map(c -> c.descriptor().isBlank() ? c.artist() : c.descriptor()).toList();
            List<float[]> emb = embedder.embedAll(segs);
            for (int j = 0; j < emb.size(); j++) {
                float[] v = emb.get(j);
                if (out == null) {
                    dims = v.length;
                    out = new float[items.size() * dims];
                }
                double s = 0;
                for (float x : v) {
                    s += x * x;
                }
                float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0;
                for (int d = 0; d < dims; d++) {
                    out[(from + j) * dims + d] = v[d] * inv;
                }
            }
        }
        return out;
    }

    /**
     * Fills missing audio features with the mean of items sharing the genre, else sharing a tag,
     * else the catalogue mean, and marks them estimated. Fields no item has stay null.
     */
    public static List<CatalogItem> withEstimatedFeatures(List<CatalogItem> items) {
        List<Function<AudioFeatures, Double>> fields = List.of(AudioFeatures::valence, AudioFeatures::energy,
                AudioFeatures::danceability, AudioFeatures::acousticness, AudioFeatures::tempo,
                AudioFeatures::instrumentalness, AudioFeatures::loudness, AudioFeatures::mode, AudioFeatures::speechiness);
        int nf = fields.size();
        Map<String, double[]> byGroup = new HashMap<>();
        double[] global = new double[2 * nf];
        for (CatalogItem c : items) {
            AudioFeatures f = c.features();
            for (String g : groups(c)) {
                double[] acc = byGroup.computeIfAbsent(g, k -> new double[2 * nf]);
                accumulate(acc, f, fields);
            }
            accumulate(global, f, fields);
        }
        List<CatalogItem> out = new ArrayList<>();
        for (CatalogItem c : items) {
            AudioFeatures f = c.features();
            Double[] v = new Double[nf];
            boolean est = f.estimated();
            for (int k = 0; k < nf; k++) {
                v[k] = fields.get(k).apply(f);
                if (v[k] == null) {
                    for (String g : groups(c)) {
                        double[] acc = byGroup.get(g);
                        if (acc[nf + k] > 0) {
                            v[k] = acc[k] / acc[nf + k];
                            break;
                        }
                    }
                    if (v[k] == null && global[nf + k] > 0) {
                        v[k] = global[k] / global[nf + k];
                    }
                    est |= v[k] != null;
                }
            }
            out.add(new CatalogItem(c.trackId(), c.title(), c.artist(), c.tags(), c.genre(),
                    new AudioFeatures(v[0], v[1], v[2], v[3], v[4], est && hasAny(v), v[5], v[6], v[7], v[8]),
                    c.durationSec(), c.audioEmbedding(), c.year()));
        }
        return out;
    }

    private static boolean hasAny(Double[] v) {
        for (Double d : v) {
            if (d != null) {
                return true;
            }
        }
        return false;
    }

    private static List<String> groups(CatalogItem c) {
        List<String> g = new ArrayList<>();
        if (c.genre() != null && !c.genre().isBlank()) {
            g.add("g:" + c.genre().toLowerCase(Locale.ROOT));
        }
        for (String t : c.tags()) {
            g.add("t:" + t.toLowerCase(Locale.ROOT));
        }
        return g;
    }

    private static void accumulate(double[] acc, AudioFeatures f, List<Function<AudioFeatures, Double>> fields) {
        int nf = fields.size();
        for (int k = 0; k < nf; k++) {
            Double x = fields.get(k).apply(f);
            if (x != null && !f.estimated()) {
                acc[k] += x;
                acc[nf + k] += 1;
            }
        }
    }
}
