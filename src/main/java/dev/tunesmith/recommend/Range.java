package dev.tunesmith.recommend;

/**
 * A closed interval [min, max] on a feature scale (0–1 for valence/energy, BPM for tempo).
 *
 * @param min lower bound (inclusive)
 * @param max upper bound (inclusive)
 */
public record Range(double min, double max) {
    /** Validates min ≤ max. */
    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
    }

    /** Whether {@code v} lies inside. */
    public boolean contains(double v) {
        return v >= min && v <= max;
    }

    /** Midpoint. */
    public double centre() {
        return (min + max) / 2;
    }

    /** Distance from {@code v} to the interval (0 inside). */
    public double distance(double v) {
        return v < min ? min - v : v > max ? v - max : 0;
    }

    /** The interval shifted by {@code d} and clipped to [lo, hi]. */
    public Range shift(double d, double lo, double hi) {
        double a = Math.max(lo, Math.min(hi, min + d));
        double b = Math.max(lo, Math.min(hi, max + d));
        return new Range(Math.min(a, b), Math.max(a, b));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.2f, %.2f]", min, max);
    }
}
