package dev.tunesmith.recommend.engine;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.UserVector;
import java.util.Arrays;

/**
 * How the served recommender reads a user's play counts before its components see them: each
 * count r becomes r / (ε·m), where m is the median of that user's counts when {@code perUser} is
 * set (so a heavy and a light listener's favourite artists weigh alike) and 1 otherwise. The
 * components then apply their own log confidence (ALS: c = 1 + α·log(1 + r/(ε·m)), the
 * log(1 + r/ε) weighting of Hu, Koren and Volinsky 2008, per user). {@code epsilon = 1} without
 * {@code perUser} leaves the counts as they are.
 *
 * @param perUser divide by the user's median count
 * @param epsilon ε, the count (in medians when {@code perUser}) that weighs log 2
 */
public record PlayWeighting(boolean perUser, double epsilon) {
    /** The raw counts. */
    public static final PlayWeighting RAW = new PlayWeighting(false, 1);

    public PlayWeighting {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("play weighting ε must be positive: " + epsilon);
        }
    }

    /** Whether the counts stay as they are. */
    public boolean raw() {
        return !perUser && epsilon == 1;
    }

    /** The weighted user vector (the same instance when {@link #raw()}). */
    public UserVector apply(UserVector user) {
        if (raw() || user.size() == 0) {
            return user;
        }
        float s = scale(user.values(), 0, user.size());
        float[] v = new float[user.size()];
        for (int e = 0; e < v.length; e++) {
            v[e] = user.values()[e] / s;
        }
        return new UserVector(user.items(), v, user.self());
    }

    /** The weighted matrix (the same instance when {@link #raw()}). */
    public Interactions apply(Interactions data) {
        if (raw()) {
            return data;
        }
        int n = data.nnz();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        float[] row = new float[0];
        for (int r = 0; r < data.users(); r++) {
            int from = data.rowStart(r);
            int to = data.rowStart(r + 1);
            if (to == from) {
                continue;
            }
            if (row.length < to - from) {
                row = new float[to - from];
            }
            for (int e = from; e < to; e++) {
                row[e - from] = data.valueAt(e);
            }
            float s = scale(row, 0, to - from);
            for (int e = from; e < to; e++) {
                u[e] = r;
                i[e] = data.colAt(e);
                v[e] = data.valueAt(e) / s;
            }
        }
        return Interactions.of(data.users(), data.items(), u, i, v, n);
    }

    private float scale(float[] values, int from, int to) {
        double m = 1;
        if (perUser) {
            float[] c = Arrays.copyOfRange(values, from, to);
            Arrays.sort(c);
            int k = c.length;
            m = k % 2 == 1 ? c[k / 2] : (c[k / 2 - 1] + c[k / 2]) / 2.0;
            if (!(m > 0)) {
                m = 1;
            }
        }
        return (float) (epsilon * m);
    }
}
