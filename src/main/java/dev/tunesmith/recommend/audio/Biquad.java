package dev.tunesmith.recommend.audio;

/** A second-order IIR section in transposed direct form II, designed with the RBJ cookbook formulas. */
final class Biquad {

    private final double b0, b1, b2, a1, a2;
    private double z1, z2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    /** High shelf with gain {@code db} at {@code fc} (BS.1770 stage 1: +4 dB above ~1.5 kHz). */
    static Biquad highShelf(double fs, double fc, double db, double q) {
        double a = Math.pow(10, db / 40);
        double w = 2 * Math.PI * fc / fs;
        double alpha = Math.sin(w) / (2 * q);
        double cos = Math.cos(w);
        double sq = 2 * Math.sqrt(a) * alpha;
        return new Biquad(
                a * ((a + 1) + (a - 1) * cos + sq),
                -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - sq),
                (a + 1) - (a - 1) * cos + sq,
                2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - sq);
    }

    /** High pass at {@code fc} (BS.1770 stage 2, the RLB filter: 38 Hz, Q 0.5). */
    static Biquad highPass(double fs, double fc, double q) {
        double w = 2 * Math.PI * fc / fs;
        double alpha = Math.sin(w) / (2 * q);
        double cos = Math.cos(w);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    double process(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
}
