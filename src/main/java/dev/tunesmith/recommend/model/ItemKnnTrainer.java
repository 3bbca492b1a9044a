package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Item-KNN: sim(i, j) = |U(i) ∩ U(j)| / (√|U(i)|·√|U(j)| + shrink), keeping the top k per item.
 */
public final class ItemKnnTrainer implements ScorerTrainer {
    private final int k;
    private final float shrink;

    /**
     * @param k neighbours kept per item
     * @param shrink added to the denominator to damp similarities of rare items
     */
    public ItemKnnTrainer(int k, float shrink) {
        this.k = k;
        this.shrink = shrink;
    }

    @Override
    public String name() {
        return "itemknn";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new ItemKnnScorer(fit(data));
    }

    /** Trains the model. */
    public ItemKnnModel fit(Interactions data) {
        int n = data.items();
        int[] nb = new int[n * k];
        float[] sims = new float[n * k];
        Arrays.fill(nb, -1);
        int chunks = 64;
        IntStream.range(0, chunks).parallel().forEach(ch -> {
            float[] acc = new float[n];
            int[] touched = new int[n];
            for (int i = ch; i < n; i += chunks) {
                int t = 0;
                for (int e = data.colStart(i); e < data.colStart(i + 1); e++) {
                    int u = data.rowAt(e);
                    for (int f = data.rowStart(u); f < data.rowStart(u + 1); f++) {
                        int j = data.colAt(f);
                        if (j != i) {
                            if (acc[j] == 0) {
                                touched[t++] = j;
                            }
                            acc[j] += 1;
                        }
                    }
                }
                double ni = Math.sqrt(data.itemCount(i));
                for (int q = 0; q < t; q++) {
                    int j = touched[q];
                    acc[j] = (float) (acc[j] / (ni * Math.sqrt(data.itemCount(j)) + shrink));
                }
                Vectors.keepTopK(acc, n, k, i, nb, sims, touched, t);
            }
        });
        return new ItemKnnModel(k, nb, sims);
    }
}
