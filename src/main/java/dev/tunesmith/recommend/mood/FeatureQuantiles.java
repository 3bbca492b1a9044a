package dev.tunesmith.recommend.mood;

import java.util.Arrays;

/**
 * A catalogue's own distribution of each audio feature, used to put every feature on one scale:
 * the quantile (mid-rank / n, so ties such as instrumentalness 0 share one value) of a value among
 * the catalogue's known values. Built once per catalogue snapshot; immutable.
 */
public final class FeatureQuantiles {
    private final float[][] sorted;

    private FeatureQuantiles(float[][] sorted) {
        this.sorted = sorted;
    }

    /**
     * @param raw {@code raw[f][i]}: feature f ({@link MoodModel.Feature#ordinal()}) of item i, NaN when unknown
     */
    public static FeatureQuantiles of(float[][] raw) {
        float[][] s = new float[raw.length][];
        for (int f = 0; f < raw.length; f++) {
            float[] v = raw[f];
            int n = 0;
            for (float x : v) {
                if (x == x) {
                    n++;
                }
            }
            float[] k = new float[n];
            int j = 0;
            for (float x : v) {
                if (x == x) {
                    k[j++] = x;
                }
            }
            Arrays.sort(k);
            s[f] = k;
        }
        return new FeatureQuantiles(s);
    }

    /** Number of known values of feature {@code f}. */
    public int known(int f) {
        return sorted[f].length;
    }

    /** The quantile of {@code x} for feature {@code f} in (0, 1), or NaN when x or the whole feature is unknown. */
    public float quantile(int f, float x) {
        float[] s = sorted[f];
        if (x != x || s.length == 0) {
            return Float.NaN;
        }
        int lo = lowerBound(s, x);
        int hi = upperBound(s, x);
        return (float) ((lo + hi) / 2.0 + 0.5) / (s.length + 1);
    }

    /** The raw value at quantile {@code q} of feature {@code f} (for explaining a centre), NaN when unknown. */
    public float value(int f, double q) {
        float[] s = sorted[f];
        if (s.length == 0) {
            return Float.NaN;
        }
        int i = (int) Math.max(0, Math.min(s.length - 1, Math.round(q * (s.length - 1))));
        return s[i];
    }

    /** Quantile vectors of every item: {@code out[i][f]}. */
    public float[][] transform(float[][] raw) {
        int n = raw.length == 0 ? 0 : raw[0].length;
        float[][] out = new float[n][raw.length];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < raw.length; f++) {
                out[i][f] = quantile(f, raw[f][i]);
            }
        }
        return out;
    }

    private static int lowerBound(float[] a, float x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(float[] a, float x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
