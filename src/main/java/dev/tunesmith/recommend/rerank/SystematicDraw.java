package dev.tunesmith.recommend.rerank;

/**
 * Fixed-size unequal-probability sampling. {@link #inclusion} turns weights into inclusion
 * probabilities π_j = min(cap_j, c·w_j) that add up to the sample size, and {@link #draw} takes
 * exactly that many items by systematic sampling (Madow, 1949): the items are laid end to end as
 * intervals of length π_j and selected where one of the points u, u + 1, u + 2, … falls, so item j
 * is drawn with probability π_j exactly when u is uniform on [0, 1). Pure functions.
 */
public final class SystematicDraw {
    private SystematicDraw() {}

    /**
     * Inclusion probabilities min(cap_j, c·w_j) adding up to {@code count}, with c found by
     * bisection. When the caps add up to less than {@code count}, every item ends at its cap.
     */
    public static double[] inclusion(double[] w, int count, double[] cap) {
        double lo = 0;
        double hi = 1;
        while (sum(w, hi, cap) < count && hi < 1e300) {
            hi *= 2;
        }
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (sum(w, mid, cap) < count) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] pi = new double[w.length];
        double total = 0;
        for (int j = 0; j < w.length; j++) {
            pi[j] = Math.min(cap[j], hi * w[j]);
            total += pi[j];
        }
        if (total > count) {
            // exact sum, so the draw takes exactly count items
            double scale = count / total;
            for (int j = 0; j < w.length; j++) {
                pi[j] *= scale;
            }
        }
        for (int j = 0; j < w.length; j++) {
            pi[j] = Math.min(1, pi[j]);
        }
        return pi;
    }

    /** Which items are drawn for the start {@code u} in [0, 1), walking them in the given order. */
    public static boolean[] draw(double[] pi, double u) {
        boolean[] chosen = new boolean[pi.length];
        double cum = 0;
        for (int j = 0; j < pi.length; j++) {
            double next = cum + pi[j];
            chosen[j] = Math.floor(next - u) > Math.floor(cum - u);
            cum = next;
        }
        return chosen;
    }

    private static double sum(double[] w, double c, double[] cap) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += Math.min(cap[j], c * w[j]);
        }
        return s;
    }
}
