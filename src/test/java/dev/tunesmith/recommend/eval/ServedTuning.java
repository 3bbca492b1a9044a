package dev.tunesmith.recommend.eval;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.Splits;
import dev.tunesmith.recommend.data.UserVector;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.engine.ServedTrainer;
import dev.tunesmith.recommend.model.HybridTrainer;
import dev.tunesmith.recommend.model.ItemScorer;
import dev.tunesmith.recommend.model.ScorerTrainer;
import dev.tunesmith.recommend.model.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Development driver (not a test): tunes the served recommender on the inner validation split of
 * fold 0's training part (or fold k's, with {@code -Dfold=k}; the split {@code HybridTrainer}
 * uses), never on the test fold. Each
 * component is trained on the inner training part and scored on the inner validation items; the
 * blend weights are then fitted and reported on the same validation items (optimistic, but alike
 * for every variant). Run: {@code java -cp target/classes:target/test-classes:$(cat cp)
 * dev.tunesmith.recommend.eval.ServedTuning [config overrides key=value ...]}.
 */
public final class ServedTuning {
    private ServedTuning() {}

    public static void main(String[] args) throws Exception {
        HetRecData d = HetRecData.load(Path.of(System.getProperty("data", "../shared/data/lastfm-hetrec2k")));
        int[] fold = Splits.foldOfEntry(d.plays(), 5, Protocol.SEED);
        Interactions train = d.plays().filter(Splits.trainMask(fold, Integer.getInteger("fold", 0)));
        int[] inner = Splits.foldOfEntry(train, 5, Protocol.SEED ^ 0x5EEDL);
        Interactions sub = train.filter(Splits.trainMask(inner, 0));
        int[][] val = Splits.heldOut(train, inner, 0);
        ServedConfig c = ServedConfig.DEFAULTS;
        List<ServedConfig> variants = new ArrayList<>();
        for (String a : args) {
            variants.add(override(c, a));
        }
        if (variants.isEmpty()) {
            variants.add(c);
        }
        Map<String, ItemScorer> cache = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            ServedConfig sc = variants.get(v);
            ServedTrainer st = Protocol.served(d, sc);
            List<ScorerTrainer> comps = new ArrayList<>(st.components(sub));
            for (String extra : System.getProperty("extra", "").split(",")) {
                if (extra.startsWith("userknn")) {
                    comps.add(new dev.tunesmith.recommend.model.UserKnnTrainer(Integer.parseInt(extra.substring(7))));
                }
            }
            List<ItemScorer> trained = new ArrayList<>();
            StringBuilder line = new StringBuilder(args.length > 0 ? args[v] : "defaults").append(" |");
            for (ScorerTrainer t : comps) {
                String key = t.name() + "@" + key(sc, t.name());
                long t0 = System.nanoTime();
                ItemScorer s = cache.get(key);
                if (s == null) {
                    s = t.train(sub);
                    cache.put(key, s);
                }
                trained.add(s);
                double nd = Evaluator.evaluate(s, sub, val)[0];
                line.append(String.format(" %s %.4f (%.0fs)", t.name(), nd, (System.nanoTime() - t0) / 1e9));
            }
            double[] w = fit(trained, sub, val);
            line.append(String.format(" | blend %.4f cv %.4f cv-by-size %.4f w=%s", blendScore, cvScore, cvBucketScore,
                    Arrays.toString(w)));
            System.out.println(line);
        }
    }

    static double blendScore;

    /** The settings a component's training depends on (the cache key). */
    static String key(ServedConfig c, String name) {
        return switch (name) {
            case "ease" -> c.easeLambda() + "/" + c.easeMinSupport() + "/" + c.easeMaxItems() + "/" + c.easeWeighted() + "/"
                    + c.easeTagWeight() + "/" + c.content();
            case "als" -> c.alsFactors() + "/" + c.alsLambda() + "/" + c.alsAlpha() + "/" + c.alsIterations() + "/"
                    + c.alsCgSteps() + "/" + c.seed() + "/" + c.alsTagWeight() + "/" + c.content();
            case "rp3beta" -> c.rp3K() + "/" + c.rp3Alpha() + "/" + c.rp3Beta();
            case "itemknn" -> c.itemKnnK() + "/" + c.itemKnnShrink();
            default -> "";
        };
    }

    /** {@code c} with {@code name=value,name=value} overrides (record component names). */
    static ServedConfig override(ServedConfig c, String spec) throws Exception {
        var comps = ServedConfig.class.getRecordComponents();
        Object[] vals = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int k = 0; k < comps.length; k++) {
            vals[k] = comps[k].getAccessor().invoke(c);
            types[k] = comps[k].getType();
        }
        for (String kv : spec.split(",")) {
            if (kv.isBlank() || kv.equals("defaults")) {
                continue;
            }
            String[] p = kv.split("=");
            int k = 0;
            while (!comps[k].getName().equals(p[0])) {
                k++;
            }
            vals[k] = types[k] == int.class ? Integer.valueOf(p[1]) : types[k] == double.class ? Double.valueOf(p[1])
                    : types[k] == boolean.class ? Boolean.valueOf(p[1]) : Long.valueOf(p[1]);
        }
        return ServedConfig.class.getDeclaredConstructor(types).newInstance(vals);
    }

    private static double[] fit(List<ItemScorer> scorers, Interactions sub, int[][] val) {
        int n = sub.items();
        HybridTrainer.Validation v = HybridTrainer.validation(scorers, sub, val, (s, uv) -> normalise(s, n, uv));
        float[][][] z = v.z();
        boolean[][] rel = v.relevant();
        int[] size = new int[sub.users()];
        for (int u = 0; u < size.length; u++) {
            size[u] = sub.rowStart(u + 1) - sub.rowStart(u);
        }
        boolean[] all = new boolean[sub.users()];
        Arrays.fill(all, true);
        double[] best = coord(z, rel, val, all);
        blendScore = ndcg(best, z, rel, val, all);
        // 2-fold cross-validation over users: single weights, and weights per profile-size tertile
        int[] sorted = IntStream.range(0, size.length).filter(u -> z[u] != null).map(u -> size[u]).sorted().toArray();
        int t1 = sorted[sorted.length / 3];
        int t2 = sorted[2 * sorted.length / 3];
        double cvSum = 0;
        double cvBucketSum = 0;
        for (int half = 0; half < 2; half++) {
            boolean[] fitOn = new boolean[size.length];
            boolean[] evalOn = new boolean[size.length];
            for (int u = 0; u < size.length; u++) {
                fitOn[u] = u % 2 == half;
                evalOn[u] = u % 2 != half;
            }
            double[] w = coord(z, rel, val, fitOn);
            cvSum += ndcg(w, z, rel, val, evalOn) / 2;
            double bucketTotal = 0;
            int bucketUsers = 0;
            for (int bk = 0; bk < 3; bk++) {
                final int bb = bk;
                boolean[] f = new boolean[size.length];
                boolean[] e = new boolean[size.length];
                int m = 0;
                for (int u = 0; u < size.length; u++) {
                    int bu = size[u] < t1 ? 0 : size[u] < t2 ? 1 : 2;
                    f[u] = fitOn[u] && bu == bb;
                    e[u] = evalOn[u] && bu == bb && z[u] != null;
                    m += e[u] ? 1 : 0;
                }
                double[] wb = coord(z, rel, val, f);
                bucketTotal += ndcg(wb, z, rel, val, e) * m;
                bucketUsers += m;
            }
            cvBucketSum += bucketTotal / bucketUsers / 2;
        }
        cvScore = cvSum;
        cvBucketScore = cvBucketSum;
        return best;
    }

    static double cvScore;
    static double cvBucketScore;

    private static double[] coord(float[][][] z, boolean[][] rel, int[][] val, boolean[] on) {
        int nc = z[IntStream.range(0, z.length).filter(u -> z[u] != null).findFirst().getAsInt()].length;
        return HybridTrainer.coordinateAscent(nc, z, rel, val, on, HybridTrainer.FINE_GRID, 4);
    }

    static final String NORM = System.getProperty("norm", "z");

    /** z: standardised over all items; topz: centred and scaled by the top 100 unseen; rank: −log2(rank + 2). */
    static void normalise(float[] s, int n, UserVector uv) {
        if (NORM.equals("z")) {
            Vectors.standardise(s, n);
            return;
        }
        int[] top = Vectors.topK(s, n, NORM.equals("topz") ? 100 : 1000, i -> !uv.contains(i));
        if (NORM.equals("topz")) {
            double sum = 0;
            double sq = 0;
            for (int i : top) {
                sum += s[i];
                sq += (double) s[i] * s[i];
            }
            double mean = sum / top.length;
            double sd = Math.sqrt(Math.max(sq / top.length - mean * mean, 1e-12));
            for (int i = 0; i < n; i++) {
                s[i] = (float) ((s[i] - mean) / sd);
            }
            return;
        }
        float[] r = new float[n];
        java.util.Arrays.fill(r, (float) -(Math.log(1002) / Math.log(2)));
        for (int k = 0; k < top.length; k++) {
            r[top[k]] = (float) -(Math.log(k + 2) / Math.log(2));
        }
        System.arraycopy(r, 0, s, 0, n);
    }

    private static double ndcg(double[] w, float[][][] z, boolean[][] rel, int[][] val, boolean[] on) {
        return HybridTrainer.ndcg(w, z, rel, val, on);
    }
}
