package dev.tunesmith.recommend.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Streaming analysis of mono PCM in constant memory: feed samples with {@link #accept} in chunks of
 * any size, then call {@link #finish()} once. Nothing grows with the track's length, so a
 * three-hour file is analysed in the same few hundred kilobytes as a short one.
 *
 * <p>Two short-time Fourier transforms (JTransforms) run over one ring buffer:
 * <ul>
 *   <li>1024-point Hann frames every 256 samples: 40 mel bands (30 Hz–8 kHz, in dB) give the
 *       spectral flux onset envelope, the onset rate (peaks of the envelope above its local mean),
 *       the spectral centroid, flatness and roll-off, and the mel means and spreads of the
 *       embedding;
 *   <li>8192-point frames every 4096 samples: a 12-bin chroma (65 Hz–2.1 kHz, each frame
 *       normalised to sum 1) whose sum is correlated (Pearson) with the 24 rotations of the
 *       Krumhansl–Kessler major and minor profiles; the best is the key, the margin over the
 *       runner-up its confidence.
 * </ul>
 * Tempo: the onset envelope is cut into 6 s windows every 1.5 s; each window's autocorrelation
 * (mean removed, normalised to 1 at lag 0) is summed. The lag with the highest autocorrelation
 * times a log-normal prior around 120 BPM (one octave wide) is refined by parabolic interpolation;
 * its mean normalised autocorrelation is the confidence. Loudness and loudness range come from
 * {@link LoudnessMeter} (EBU R128).
 *
 * <p>Derived 0–1 scales (fixed formulas over the descriptors, each clamped to [0,1]):
 * energy = 0.5·(LUFS+35)/30 + 0.25·onsetRate/6 + 0.25·centroid/3500;
 * danceability = 0.6·tempoConfidence·2 + 0.4·exp(−½(log₂(BPM/118)/0.4)²);
 * acousticness = 0.4·(1−flatness/0.3) + 0.3·(1−centroid/4000) + 0.3·LRA/15;
 * brightness = centroid/4000; valence = 0.45 + 0.2·(±1 by mode)·keyConfidence·4 + 0.2·(BPM−100)/60 + 0.15·(brightness−0.5).
 */
public final class AudioAnalyser {

    /** Stored with every analysis; a new version makes the library re-analyse its tracks. */
    public static final String VERSION = "tsa-2";

    /** The sample rate the analyser is designed for (decoders resample to it). */
    public static final int SAMPLE_RATE = 22050;

    static final int N1 = 1024, H1 = 256, N2 = 8192, H2 = 4096, MELS = 40;
    private static final int RING = 8192, MASK = RING - 1;
    private static final int WINDOW = 512, WINDOW_HOP = 128, MAX_LAG = 240;
    private static final double[] KK_MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] KK_MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    static {
        // one analysis = one thread: JTransforms would otherwise fan large transforms out to a pool of its own
        // (and allocate a future per call); the library scanner runs files in parallel instead
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final double fs;
    private final double fps;
    private final float[] ring = new float[RING];
    private long total;

    private final FloatFFT_1D fft1 = new FloatFFT_1D(N1);
    private final FloatFFT_1D fft2 = new FloatFFT_1D(N2);
    private final float[] hann1 = hann(N1);
    private final float[] hann2 = hann(N2);
    private final float[] frame1 = new float[N1];
    private final float[] frame2 = new float[N2];
    private final double[] power1 = new double[N1 / 2 + 1];
    private final int[] melStart = new int[MELS];
    private final float[][] melWeights = new float[MELS][];
    private final double[] mel = new double[MELS];
    private final double[] prevMel = new double[MELS];
    private final double[] melSum = new double[MELS];
    private final double[] melSumSq = new double[MELS];
    private final int[] chromaBin;
    private final double[] chromaSum = new double[12];
    private final double[] chromaFrame = new double[12];
    private final LoudnessMeter loudness;

    private long frames1;
    private long voiced;
    private double centroidSum, flatnessSum, rolloffSum;

    private final float[] onsetRing = new float[WINDOW];
    private long onsetCount;
    private final double[] acfSum = new double[MAX_LAG + 1];
    private int acfWindows;
    private final double[] win = new double[WINDOW];
    private long onsets;
    private double onsetMean;
    private double fluxPrev2, fluxPrev1;

    public AudioAnalyser() {
        this(SAMPLE_RATE);
    }

    public AudioAnalyser(int sampleRate) {
        this.fs = sampleRate;
        this.fps = fs / H1;
        this.loudness = new LoudnessMeter(fs);
        buildMel();
        chromaBin = new int[N2 / 2 + 1];
        for (int k = 0; k <= N2 / 2; k++) {
            double f = k * fs / N2;
            chromaBin[k] = f < 65 || f > 2100 ? -1 : Math.floorMod((int) Math.round(12 * Math.log(f / 440) / Math.log(2)) + 9, 12);
        }
    }

    private static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }

    private static double hz2mel(double f) {
        return 2595 * Math.log10(1 + f / 700);
    }

    private static double mel2hz(double m) {
        return 700 * (Math.pow(10, m / 2595) - 1);
    }

    private void buildMel() {
        double lo = hz2mel(30), hi = hz2mel(Math.min(8000, fs / 2));
        double[] edges = new double[MELS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = mel2hz(lo + (hi - lo) * i / (MELS + 1)) * N1 / fs; // in bins
        }
        for (int b = 0; b < MELS; b++) {
            int start = (int) Math.floor(edges[b]);
            int end = (int) Math.ceil(edges[b + 2]);
            float[] w = new float[Math.max(1, end - start + 1)];
            double sum = 0;
            for (int k = start; k <= end && k - start < w.length; k++) {
                double x = k < edges[b + 1] ? (k - edges[b]) / (edges[b + 1] - edges[b]) : (edges[b + 2] - k) / (edges[b + 2] - edges[b + 1]);
                w[k - start] = (float) Math.max(0, x);
                sum += w[k - start];
            }
            if (sum == 0) { // narrow low bands: take the nearest bin
                w = new float[] {1};
                start = (int) Math.round(edges[b + 1]);
                sum = 1;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= (float) sum;
            }
            melStart[b] = start;
            melWeights[b] = w;
        }
    }

    /** Feeds {@code n} samples (mono, −1..1, at the analyser's sample rate). */
    public void accept(float[] samples, int n) {
        for (int i = 0; i < n; i++) {
            float x = samples[i];
            ring[(int) (total & MASK)] = x;
            total++;
            loudness.accept(x);
            if (total >= N1 && total % H1 == 0) {
                shortFrame();
            }
            if (total >= N2 && total % H2 == 0) {
                longFrame();
            }
        }
    }

    private void copyLast(float[] dst, float[] window) {
        int n = dst.length;
        long start = total - n;
        for (int i = 0; i < n; i++) {
            dst[i] = ring[(int) ((start + i) & MASK)] * window[i];
        }
    }

    private void shortFrame() {
        copyLast(frame1, hann1);
        fft1.realForward(frame1);
        int half = N1 / 2;
        power1[0] = frame1[0] * frame1[0];
        power1[half] = frame1[1] * frame1[1];
        double sum = power1[0] + power1[half];
        for (int k = 1; k < half; k++) {
            double re = frame1[2 * k], im = frame1[2 * k + 1];
            power1[k] = re * re + im * im;
            sum += power1[k];
        }
        frames1++;
        double flux = 0;
        for (int b = 0; b < MELS; b++) {
            double e = 0;
            float[] w = melWeights[b];
            for (int i = 0; i < w.length; i++) {
                int k = melStart[b] + i;
                if (k <= half) {
                    e += w[i] * power1[k];
                }
            }
            double db = 10 * Math.log10(e + 1e-10);
            mel[b] = Math.max(db, -100);
            if (frames1 > 1) {
                flux += Math.max(0, mel[b] - prevMel[b]);
            }
            prevMel[b] = mel[b];
        }
        flux /= MELS;
        // frames quieter than about −60 dBFS are left out of the spectral statistics
        if (sum > 1e-6 * N1) {
            voiced++;
            double weighted = 0, logSum = 0, arith = 0;
            for (int k = 1; k <= half; k++) {
                weighted += k * power1[k];
                logSum += Math.log(power1[k] + 1e-12);
                arith += power1[k];
            }
            double binHz = fs / N1;
            centroidSum += weighted / arith * binHz;
            flatnessSum += Math.exp(logSum / half) / (arith / half + 1e-12);
            double target = 0.85 * arith, run = 0;
            int roll = half;
            for (int k = 1; k <= half; k++) {
                run += power1[k];
                if (run >= target) {
                    roll = k;
                    break;
                }
            }
            rolloffSum += roll * binHz;
            for (int b = 0; b < MELS; b++) {
                melSum[b] += mel[b];
                melSumSq[b] += mel[b] * mel[b];
            }
        }
        onset((float) flux);
    }

    private void onset(float flux) {
        onsetRing[(int) (onsetCount % WINDOW)] = flux;
        onsetCount++;
        // a peak one frame back, above 1.5 × the running mean of the envelope (about 1 s)
        onsetMean += (flux - onsetMean) / Math.min(onsetCount, 86);
        if (onsetCount > 2 && fluxPrev1 > fluxPrev2 && fluxPrev1 >= flux && fluxPrev1 > 1.5 * onsetMean + 0.5) {
            onsets++;
        }
        fluxPrev2 = fluxPrev1;
        fluxPrev1 = flux;
        if (onsetCount >= WINDOW && (onsetCount - WINDOW) % WINDOW_HOP == 0) {
            accumulateAcf(WINDOW);
        }
    }

    private void accumulateAcf(int n) {
        double mean = 0;
        long start = onsetCount - n;
        for (int i = 0; i < n; i++) {
            win[i] = onsetRing[(int) ((start + i) % WINDOW)];
            mean += win[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            win[i] -= mean;
        }
        double zero = 0;
        for (int i = 0; i < n; i++) {
            zero += win[i] * win[i];
        }
        if (zero <= 1e-9) {
            return;
        }
        int maxLag = Math.min(MAX_LAG, n - 1);
        for (int lag = 0; lag <= maxLag; lag++) {
            double s = 0;
            for (int i = lag; i < n; i++) {
                s += win[i] * win[i - lag];
            }
            // unbiased: each lag averages over its overlap, so long lags are not penalised
            acfSum[lag] += s / zero * n / (n - lag);
        }
        acfWindows++;
    }

    private void longFrame() {
        copyLast(frame2, hann2);
        fft2.realForward(frame2);
        java.util.Arrays.fill(chromaFrame, 0);
        double sum = 0;
        for (int k = 1; k < N2 / 2; k++) {
            int pc = chromaBin[k];
            if (pc >= 0) {
                double re = frame2[2 * k], im = frame2[2 * k + 1];
                double mag = Math.sqrt(re * re + im * im);
                chromaFrame[pc] += mag;
                sum += mag;
            }
        }
        if (sum > 1e-3) {
            for (int i = 0; i < 12; i++) {
                chromaSum[i] += chromaFrame[i] / sum;
            }
        }
    }

    /** Ends the stream and computes the features. The analyser must not be used afterwards. */
    public AudioAnalysis finish() {
        double seconds = total / fs;
        if (acfWindows == 0 && onsetCount >= 2 * fps) {
            accumulateAcf((int) Math.min(onsetCount, WINDOW)); // tracks shorter than one window
        }
        double[] tempo = tempo();
        MusicalKey key = key();
        double lufs = loudness.integrated();
        double lra = loudness.range();
        double centroid = voiced == 0 ? 0 : centroidSum / voiced;
        double flatness = voiced == 0 ? 0 : flatnessSum / voiced;
        double rolloff = voiced == 0 ? 0 : rolloffSum / voiced;
        double onsetRate = seconds <= 0 ? 0 : onsets / seconds;
        double lufsOr = Double.isNaN(lufs) ? -70 : lufs;
        double lraOr = Double.isNaN(lra) ? 0 : lra;
        double bpm = tempo[0];
        double energy = clamp(0.5 * clamp((lufsOr + 35) / 30) + 0.25 * clamp(onsetRate / 6) + 0.25 * clamp(centroid / 3500));
        double tempoFit = Double.isNaN(bpm) ? 0 : Math.exp(-0.5 * Math.pow(Math.log(bpm / 118) / Math.log(2) / 0.4, 2));
        double dance = clamp(0.6 * clamp(tempo[1] * 2) + 0.4 * tempoFit);
        double acoustic = clamp(0.4 * (1 - clamp(flatness / 0.3)) + 0.3 * (1 - clamp(centroid / 4000)) + 0.3 * clamp(lraOr / 15));
        double brightness = clamp(centroid / 4000);
        double valence = clamp(0.45 + (key == null ? 0 : 0.2 * (key.major() ? 1 : -1) * clamp(key.confidence() * 4))
                + (Double.isNaN(bpm) ? 0 : 0.2 * Math.max(-1, Math.min(1, (bpm - 100) / 60))) + 0.15 * (brightness - 0.5));
        return new AudioAnalysis(VERSION, seconds, bpm, tempo[1], key, lufs, lra, energy, dance, acoustic, brightness, valence,
                centroid, flatness, rolloff, onsetRate, embedding(bpm, tempo[1], key, lufsOr, lraOr, flatness, onsetRate));
    }

    /** {bpm, confidence}; NaN bpm when there was no periodicity to measure. */
    private double[] tempo() {
        if (acfWindows == 0) {
            return new double[] {Double.NaN, 0};
        }
        int minLag = (int) Math.floor(fps * 60 / 300), maxLag = Math.min(MAX_LAG - 1, (int) Math.ceil(fps * 60 / 30));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = Math.max(2, minLag); lag <= maxLag; lag++) {
            double a = acfSum[lag] / acfWindows;
            boolean peak = acfSum[lag] >= acfSum[lag - 1] && acfSum[lag] >= acfSum[lag + 1];
            if (!peak) {
                continue;
            }
            double bpm = fps * 60 / lag;
            double prior = Math.exp(-0.5 * Math.pow(Math.log(bpm / 120) / Math.log(2), 2));
            double score = a * prior;
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0) {
            return new double[] {Double.NaN, 0};
        }
        double l = best, a = acfSum[best - 1], b = acfSum[best], c = acfSum[best + 1];
        double denom = a - 2 * b + c;
        if (denom < 0) {
            l += 0.5 * (a - c) / denom;
        }
        // refine with the second and fourth multiples when they are peaks too
        double sum = l, weight = 1;
        for (int m = 2; m <= 4; m *= 2) {
            int near = (int) Math.round(l * m);
            if (near + 1 <= MAX_LAG && near - 1 >= 1) {
                int p = near;
                for (int d = -1; d <= 1; d++) {
                    if (acfSum[near + d] > acfSum[p]) {
                        p = near + d;
                    }
                }
                if (p > 1 && p < MAX_LAG && acfSum[p] >= acfSum[p - 1] && acfSum[p] >= acfSum[p + 1] && acfSum[p] > 0) {
                    double pa = acfSum[p - 1], pb = acfSum[p], pc = acfSum[p + 1];
                    double pd = pa - 2 * pb + pc;
                    double lp = p + (pd < 0 ? 0.5 * (pa - pc) / pd : 0);
                    sum += lp;
                    weight += m;
                }
            }
        }
        double period = sum / weight;
        double confidence = clamp(acfSum[best] / acfWindows);
        return new double[] {fps * 60 / period, confidence};
    }

    private MusicalKey key() {
        double total = 0;
        for (double c : chromaSum) {
            total += c;
        }
        if (total <= 0) {
            return null;
        }
        double best = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
        int bestTonic = 0;
        boolean bestMajor = true;
        for (int mode = 0; mode < 2; mode++) {
            double[] profile = mode == 0 ? KK_MAJOR : KK_MINOR;
            for (int tonic = 0; tonic < 12; tonic++) {
                double r = correlation(chromaSum, profile, tonic);
                if (r > best) {
                    second = best;
                    best = r;
                    bestTonic = tonic;
                    bestMajor = mode == 0;
                } else if (r > second) {
                    second = r;
                }
            }
        }
        return new MusicalKey(bestTonic, bestMajor, Math.max(0, best - second));
    }

    /** Pearson correlation of the chroma with the profile rotated to {@code tonic}. */
    static double correlation(double[] chroma, double[] profile, int tonic) {
        double mx = 0, my = 0;
        for (int i = 0; i < 12; i++) {
            mx += chroma[i];
            my += profile[i];
        }
        mx /= 12;
        my /= 12;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < 12; i++) {
            double x = chroma[(i + tonic) % 12] - mx, y = profile[i] - my;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return sxx == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * The "sounds like" descriptors, 98 numbers in {@link AudioEmbeddings#GROUPS}: the 40 mel-band
     * means in dB (shape: their average removed, /10) and their spreads over time (/5), the chroma
     * rotated so the tonic comes first (key-invariant, ×4), and six rhythm and level scalars
     * (log₂ tempo/120, tempo confidence, loudness, loudness range, flatness, onset rate). Raw on
     * purpose: {@link AudioEmbeddings#standardise} scales them against the library they are compared in.
     */
    private float[] embedding(double bpm, double tempoConf, MusicalKey key, double lufs, double lra, double flatness, double onsetRate) {
        float[] e = new float[MELS * 2 + 12 + 6];
        double n = Math.max(1, voiced);
        double avg = 0;
        for (int b = 0; b < MELS; b++) {
            avg += melSum[b] / n;
        }
        avg /= MELS;
        double[] means = new double[MELS], spreads = new double[MELS];
        for (int b = 0; b < MELS; b++) {
            double m = melSum[b] / n;
            means[b] = m - avg;
            spreads[b] = Math.sqrt(Math.max(0, melSumSq[b] / n - m * m));
        }
        double spreadAvg = 0;
        for (double s : spreads) {
            spreadAvg += s / MELS;
        }
        for (int b = 0; b < MELS; b++) {
            spreads[b] -= spreadAvg;
        }
        double[] chroma = new double[12];
        double cs = 0;
        int tonic = key == null ? 0 : key.tonic();
        for (int i = 0; i < 12; i++) {
            chroma[i] = chromaSum[(i + tonic) % 12];
            cs += chroma[i];
        }
        for (int i = 0; i < 12; i++) {
            chroma[i] = cs == 0 ? 0 : chroma[i] / cs - 1.0 / 12;
        }
        double[] scalars = {
            Double.isNaN(bpm) ? 0 : Math.log(bpm / 120) / Math.log(2), tempoConf * 2, (lufs + 20) / 10, lra / 10, flatness * 5,
            onsetRate / 4 - 0.5};
        int o = 0;
        for (double v : means) {
            e[o++] = (float) (v / 10);
        }
        for (double v : spreads) {
            e[o++] = (float) (v / 5);
        }
        for (double v : chroma) {
            e[o++] = (float) (v * 4);
        }
        for (double v : scalars) {
            e[o++] = (float) Math.max(-5, Math.min(5, v));
        }
        return e;
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
