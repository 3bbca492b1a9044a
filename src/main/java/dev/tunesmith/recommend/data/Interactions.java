package dev.tunesmith.recommend.data;

import java.util.Arrays;

/**
 * Immutable sparse user × item matrix of non-negative weights, stored both by row (CSR, per user)
 * and by column (CSC, per item). Indices are dense ({@link IdIndex}).
 */
public final class Interactions {
    private final int users;
    private final int items;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] rowVal;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final float[] colVal;

    private Interactions(int users, int items, int[] rowPtr, int[] colIdx, float[] rowVal) {
        this.users = users;
        this.items = items;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.rowVal = rowVal;
        int nnz = colIdx.length;
        colPtr = new int[items + 1];
        for (int k = 0; k < nnz; k++) {
            colPtr[colIdx[k] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            colPtr[i + 1] += colPtr[i];
        }
        rowIdx = new int[nnz];
        colVal = new float[nnz];
        int[] fill = Arrays.copyOf(colPtr, items);
        for (int u = 0; u < users; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                int p = fill[colIdx[k]]++;
                rowIdx[p] = u;
                colVal[p] = rowVal[k];
            }
        }
    }

    /** Builds from coordinate triples; duplicate (user, item) pairs are summed, zeros dropped. */
    public static Interactions of(int users, int items, int[] u, int[] i, float[] v, int n) {
        long[] key = new long[n];
        for (int k = 0; k < n; k++) {
            key[k] = ((long) u[k] << 32) | i[k];
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
        int[] rowPtr = new int[users + 1];
        int[] col = new int[n];
        float[] val = new float[n];
        int m = 0;
        long last = -1;
        for (int o = 0; o < n; o++) {
            int k = order[o];
            if (v[k] == 0) {
                continue;
            }
            if (m > 0 && key[k] == last) {
                val[m - 1] += v[k];
                continue;
            }
            last = key[k];
            col[m] = i[k];
            val[m] = v[k];
            rowPtr[u[k] + 1]++;
            m++;
        }
        for (int r = 0; r < users; r++) {
            rowPtr[r + 1] += rowPtr[r];
        }
        return new Interactions(users, items, rowPtr, Arrays.copyOf(col, m), Arrays.copyOf(val, m));
    }

    /** Keeps the entries for which {@code keep[k]} is true, where k is the CSR position. */
    public Interactions filter(boolean[] keep) {
        int[] rp = new int[users + 1];
        int m = 0;
        for (boolean b : keep) {
            if (b) {
                m++;
            }
        }
        int[] col = new int[m];
        float[] val = new float[m];
        int p = 0;
        for (int u = 0; u < users; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                if (keep[k]) {
                    col[p] = colIdx[k];
                    val[p++] = rowVal[k];
                }
            }
            rp[u + 1] = p;
        }
        return new Interactions(users, items, rp, col, val);
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** Number of stored entries. */
    public int nnz() {
        return colIdx.length;
    }

    /** CSR row start of user {@code u}; entries are {@code [rowStart(u), rowStart(u+1))}. */
    public int rowStart(int u) {
        return rowPtr[u];
    }

    /** Item index of CSR entry {@code k}. */
    public int colAt(int k) {
        return colIdx[k];
    }

    /** Value of CSR entry {@code k}. */
    public float valueAt(int k) {
        return rowVal[k];
    }

    /** CSC column start of item {@code i}; entries are {@code [colStart(i), colStart(i+1))}. */
    public int colStart(int i) {
        return colPtr[i];
    }

    /** User index of CSC entry {@code k}. */
    public int rowAt(int k) {
        return rowIdx[k];
    }

    /** Value of CSC entry {@code k}. */
    public float colValueAt(int k) {
        return colVal[k];
    }

    /** Number of users with an entry for item {@code i}. */
    public int itemCount(int i) {
        return colPtr[i + 1] - colPtr[i];
    }

    /** Whether user {@code u} has an entry for item {@code i} (binary search in the sorted row). */
    public boolean contains(int u, int i) {
        return Arrays.binarySearch(colIdx, rowPtr[u], rowPtr[u + 1], i) >= 0;
    }

    /** The user's row as a {@link UserVector} whose {@code self} is {@code u}. */
    public UserVector row(int u) {
        return new UserVector(
                Arrays.copyOfRange(colIdx, rowPtr[u], rowPtr[u + 1]),
                Arrays.copyOfRange(rowVal, rowPtr[u], rowPtr[u + 1]),
                u);
    }
}
