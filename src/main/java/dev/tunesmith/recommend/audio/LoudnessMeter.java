package dev.tunesmith.recommend.audio;

/**
 * EBU R128 / ITU-R BS.1770-4 loudness of a mono signal in constant memory: K-weighting (high
 * shelf + RLB high pass), mean square over 400 ms blocks every 100 ms, absolute gate at −70 LUFS
 * and relative gate at −10 LU for the integrated loudness; 3 s short-term values every second with
 * the −20 LU relative gate for the loudness range (LRA = 95th − 10th percentile). Gated blocks are
 * kept as histograms of 0.05 dB bins (with the power summed per bin), so a three-hour file needs
 * the same few kilobytes as a three-minute one.
 */
final class LoudnessMeter {

    private static final double LOW = -70, HIGH = 10, STEP = 0.05;
    private static final int BINS = (int) Math.round((HIGH - LOW) / STEP);

    private final Biquad shelf;
    private final Biquad highPass;
    private final int subBlock;
    private final double[] subBlocks = new double[30]; // the last 3 s of 100 ms mean squares
    private int subCount;
    private double acc;
    private int accN;

    private final long[] blockCount = new long[BINS];
    private final double[] blockPower = new double[BINS];
    private final long[] shortCount = new long[BINS];
    private final double[] shortPower = new double[BINS];

    LoudnessMeter(double sampleRate) {
        shelf = Biquad.highShelf(sampleRate, 1681.974450955533, 3.999843853973347, 0.7071752369554196);
        highPass = Biquad.highPass(sampleRate, 38.13547087602444, 0.5003270373238773);
        subBlock = (int) Math.round(sampleRate / 10);
    }

    void accept(float x) {
        double y = highPass.process(shelf.process(x));
        acc += y * y;
        if (++accN == subBlock) {
            subBlocks[subCount % subBlocks.length] = acc / accN;
            subCount++;
            acc = 0;
            accN = 0;
            if (subCount >= 4) {
                add(blockCount, blockPower, mean(4));
            }
            if (subCount >= 30 && subCount % 10 == 0) {
                add(shortCount, shortPower, mean(30));
            }
        }
    }

    private double mean(int n) {
        double s = 0;
        for (int i = 1; i <= n; i++) {
            s += subBlocks[(subCount - i) % subBlocks.length];
        }
        return s / n;
    }

    private static double lufs(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare);
    }

    private static void add(long[] count, double[] power, double meanSquare) {
        if (meanSquare <= 0) {
            return;
        }
        double l = lufs(meanSquare);
        if (l <= LOW) {
            return; // absolute gate
        }
        int bin = Math.min(BINS - 1, (int) ((l - LOW) / STEP));
        count[bin]++;
        power[bin] += meanSquare;
    }

    /** Integrated loudness in LUFS; NaN when every block is below the absolute gate (silence). */
    double integrated() {
        long n = 0;
        double p = 0;
        for (int i = 0; i < BINS; i++) {
            n += blockCount[i];
            p += blockPower[i];
        }
        if (n == 0) {
            return Double.NaN;
        }
        double gate = lufs(p / n) - 10;
        n = 0;
        p = 0;
        for (int i = Math.max(0, (int) ((gate - LOW) / STEP)); i < BINS; i++) {
            n += blockCount[i];
            p += blockPower[i];
        }
        return n == 0 ? Double.NaN : lufs(p / n);
    }

    /** Loudness range in LU (EBU Tech 3342); NaN for signals shorter than 3 s or silent. */
    double range() {
        long n = 0;
        double p = 0;
        for (int i = 0; i < BINS; i++) {
            n += shortCount[i];
            p += shortPower[i];
        }
        if (n == 0) {
            return Double.NaN;
        }
        int from = Math.max(0, (int) ((lufs(p / n) - 20 - LOW) / STEP));
        long kept = 0;
        for (int i = from; i < BINS; i++) {
            kept += shortCount[i];
        }
        if (kept == 0) {
            return Double.NaN;
        }
        return percentile(from, kept, 0.95) - percentile(from, kept, 0.10);
    }

    private double percentile(int from, long kept, double q) {
        long target = (long) Math.ceil(q * kept);
        long seen = 0;
        for (int i = from; i < BINS; i++) {
            seen += shortCount[i];
            if (seen >= Math.max(1, target)) {
                return LOW + (i + 0.5) * STEP;
            }
        }
        return HIGH;
    }
}
