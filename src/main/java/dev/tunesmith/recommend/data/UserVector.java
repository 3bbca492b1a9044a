package dev.tunesmith.recommend.data;

/**
 * A user's interactions as a sparse row: dense item indices (ascending) and non-negative weights
 * (play counts or profile weights). {@code self} is the user's row in the training matrix when the
 * user is a training user (so neighbour methods can skip them), or {@code -1} for a folded-in user.
 */
public record UserVector(int[] items, float[] values, int self) {

    /** Number of non-zero entries. */
    public int size() {
        return items.length;
    }

    /** Whether the item (dense index) is present. */
    public boolean contains(int item) {
        return java.util.Arrays.binarySearch(items, item) >= 0;
    }

    /** A new user (no training row) from unsorted parallel arrays; duplicates are summed. */
    public static UserVector of(int[] items, float[] values) {
        java.util.TreeMap<Integer, Float> m = new java.util.TreeMap<>();
        for (int k = 0; k < items.length; k++) {
            if (values[k] > 0) {
                m.merge(items[k], values[k], Float::sum);
            }
        }
        int[] it = new int[m.size()];
        float[] va = new float[m.size()];
        int k = 0;
        for (var e : m.entrySet()) {
            it[k] = e.getKey();
            va[k++] = e.getValue();
        }
        return new UserVector(it, va, -1);
    }
}
