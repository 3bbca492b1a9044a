package dev.tunesmith.recommend.data;

import java.util.Random;

/** Seeded per-user k-fold assignment of interactions. */
public final class Splits {
    private Splits() {}

    /**
     * Assigns every CSR entry of {@code data} to one of {@code folds} folds: each user's entries
     * are shuffled with a generator seeded by {@code seed} and dealt round-robin, so every fold
     * holds ⌊nᵤ/folds⌋ or ⌈nᵤ/folds⌉ of each user's items (20 % for 5 folds).
     */
    public static int[] foldOfEntry(Interactions data, int folds, long seed) {
        int[] fold = new int[data.nnz()];
        Random rnd = new Random(seed);
        for (int u = 0; u < data.users(); u++) {
            int from = data.rowStart(u);
            int n = data.rowStart(u + 1) - from;
            int[] perm = new int[n];
            for (int j = 0; j < n; j++) {
                perm[j] = j;
            }
            for (int j = n - 1; j > 0; j--) {
                int r = rnd.nextInt(j + 1);
                int t = perm[j];
                perm[j] = perm[r];
                perm[r] = t;
            }
            int offset = rnd.nextInt(folds);
            for (int j = 0; j < n; j++) {
                fold[from + perm[j]] = (j + offset) % folds;
            }
        }
        return fold;
    }

    /** Entries kept for training when fold {@code f} is held out. */
    public static boolean[] trainMask(int[] fold, int f) {
        boolean[] keep = new boolean[fold.length];
        for (int k = 0; k < fold.length; k++) {
            keep[k] = fold[k] != f;
        }
        return keep;
    }

    /** Held-out items (dense indices) per user for fold {@code f}. */
    public static int[][] heldOut(Interactions data, int[] fold, int f) {
        int[][] out = new int[data.users()][];
        for (int u = 0; u < data.users(); u++) {
            int m = 0;
            for (int k = data.rowStart(u); k < data.rowStart(u + 1); k++) {
                if (fold[k] == f) {
                    m++;
                }
            }
            out[u] = new int[m];
            m = 0;
            for (int k = data.rowStart(u); k < data.rowStart(u + 1); k++) {
                if (fold[k] == f) {
                    out[u][m++] = data.colAt(k);
                }
            }
        }
        return out;
    }
}
