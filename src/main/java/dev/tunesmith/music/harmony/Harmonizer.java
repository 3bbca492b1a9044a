package dev.tunesmith.music.harmony;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.ChordName;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Tune;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proposes chord symbols for a melody with a hidden Markov model learned from the corpus chords.
 *
 * <p>Hidden states are chords relative to the tonic (root interval 0–11 × quality major, minor,
 * dominant seventh, diminished), one per harmonic slot (half bar or bar); there is one model for
 * major-like and one for minor keys. Emission: the slot's melody pitch classes relative to the tonic,
 * each weighted by its length in eighths, scored as {@code Σ w(pc)·log P(pc | chord)} (naive
 * Bayes, scaled by {@value #EMISSION_SCALE}); transitions are bigrams {@code P(chord_t | chord_t−1)} with start and end
 * probabilities; all counts add-one smoothed. Decoding is Viterbi, over the states each slot allows: no chord
 * whose other third sounds in the slot's melody (F sharp over D minor), and no minor or diminished chord with a tone
 * outside the key that the melody does not play (Dm in G major); chromatic major and seventh chords, the secondary
 * dominants of the corpus (D7 in C), stay. Immutable and thread-safe.
 */
public final class Harmonizer {

    /** Classpath location of the shipped counts. */
    public static final String CLASSPATH_FILE = "models/melody/harmony.tsv";

    private static final String[] QUALITIES = {"M", "m", "7", "dim"};
    private static final int STATES = 12 * QUALITIES.length;
    private static final int MIN_STATE_COUNT = 20;

    private final double[][] start = new double[2][STATES];
    private final double[][] end = new double[2][STATES];
    private final double[][][] trans = new double[2][STATES][STATES];
    private final double[][][] emit = new double[2][STATES][12];

    private Harmonizer() {}

    /** Counts chords and melodies in the tunes. */
    public static Harmonizer train(List<Tune> tunes) {
        Harmonizer h = new Harmonizer();
        for (Tune t : tunes) {
            List<HarmonySlots.Slot> slots;
            try {
                slots = HarmonySlots.slots(t);
            } catch (IllegalArgumentException e) {
                continue;
            }
            int prev = -1;
            int mode = -1;
            for (HarmonySlots.Slot s : slots) {
                int state = state(s.chord(), s.key());
                if (state < 0) {
                    prev = -1;
                    continue;
                }
                mode = mode(s.key());
                if (prev < 0) {
                    h.start[mode][state]++;
                } else {
                    h.trans[mode][prev][state]++;
                }
                for (int pc = 0; pc < 12; pc++) {
                    h.emit[mode][state][pc] += s.weights()[pc];
                }
                prev = state;
            }
            if (prev >= 0) {
                h.end[mode][prev]++;
            }
        }
        return h;
    }

    private static int mode(Key k) {
        return k.minor() || k.mode().equals("dor") || k.mode().equals("phr") ? 1 : 0;
    }

    /** State index of a chord symbol in a key, or −1 when it is not a chord. */
    static int state(String chord, Key key) {
        if (chord == null) {
            return -1;
        }
        ChordName c = ChordName.parse(chord.replace("(", "").replace(")", ""));
        if (c == null) {
            return -1;
        }
        String q = c.quality();
        int quality;
        if (q.startsWith("dim") || q.equals("d")) {
            quality = 3;
        } else if (q.startsWith("m") && !q.startsWith("maj")) {
            quality = 1;
        } else if (q.startsWith("7") || q.startsWith("9")) {
            quality = 2;
        } else {
            quality = 0;
        }
        int rel = Math.floorMod(c.rootPitchClass() - key.tonicPitchClass(), 12);
        return rel * QUALITIES.length + quality;
    }

    /** Chord name for a state in a key, spelled by the key signature where possible. */
    static String name(int state, Key key) {
        int rel = state / QUALITIES.length;
        int pc = Math.floorMod(key.tonicPitchClass() + rel, 12);
        String root = null;
        for (int l = 0; l < 7 && root == null; l++) {
            if (Math.floorMod(Key.NATURAL[l] + key.signatureAlter(l), 12) == pc) {
                int a = key.signatureAlter(l);
                root = Key.LETTERS.charAt(l) + (a > 0 ? "#" : a < 0 ? "b" : "");
            }
        }
        if (root == null) {
            boolean sharps = key.fifths() >= 0;
            for (int l = 0; l < 7 && root == null; l++) {
                int a = sharps ? 1 : -1;
                if (Math.floorMod(Key.NATURAL[l] + a, 12) == pc) {
                    root = Key.LETTERS.charAt(l) + (sharps ? "#" : "b");
                }
            }
        }
        String q = QUALITIES[state % QUALITIES.length];
        return root + (q.equals("M") ? "" : q);
    }

    /**
     * Returns the tune with its chord symbols replaced by proposed ones: a symbol at the start of
     * every bar and wherever the chord changes.
     */
    public Tune harmonize(Tune tune) {
        Tune melody = stripped(tune);
        List<AbcElement> stripped = melody.body();
        List<HarmonySlots.Slot> slots = HarmonySlots.slots(melody);
        int[] path = viterbi(slots);
        Map<Integer, String> inserts = new TreeMap<>();
        int prev = -1;
        for (int i = 0; i < slots.size(); i++) {
            HarmonySlots.Slot s = slots.get(i);
            if (s.insertAt() >= 0 && (path[i] != prev || s.firstInBar())) {
                inserts.put(s.insertAt(), name(path[i], s.key()));
            }
            prev = path[i];
        }
        List<AbcElement> body = new ArrayList<>();
        for (int i = 0; i < stripped.size(); i++) {
            String chord = inserts.get(i);
            if (chord != null) {
                body.add(new ChordSymbol(chord));
            }
            body.add(stripped.get(i));
        }
        return new Tune(tune.header(), body);
    }

    /** Most likely chord state per slot. */
    int[] viterbi(List<HarmonySlots.Slot> slots) {
        int n = slots.size();
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        int mode = mode(slots.getFirst().key());
        boolean[] known = allowedStates(mode);
        boolean[][] allowed = new boolean[n][];
        Map<Key, boolean[]> scales = new java.util.HashMap<>();
        for (int t = 0; t < n; t++) {
            HarmonySlots.Slot slot = slots.get(t);
            allowed[t] = inKey(known, scales.computeIfAbsent(slot.key(), Harmonizer::scale), slot.weights());
        }
        double[][] logEmit = logEmission(mode);
        double[][] score = new double[n][STATES];
        int[][] back = new int[n][STATES];
        double startTotal = sum(start[mode]) + STATES;
        for (int s = 0; s < STATES; s++) {
            score[0][s] = allowed[0][s] ? Math.log((start[mode][s] + 1) / startTotal) + emission(logEmit[s], slots.getFirst().weights()) : Double.NEGATIVE_INFINITY;
        }
        for (int t = 1; t < n; t++) {
            for (int s = 0; s < STATES; s++) {
                if (!allowed[t][s]) {
                    score[t][s] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < STATES; p++) {
                    if (!allowed[t - 1][p]) {
                        continue;
                    }
                    double v = score[t - 1][p] + Math.log((trans[mode][p][s] + 1) / (sum(trans[mode][p]) + STATES));
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                score[t][s] = best + emission(logEmit[s], slots.get(t).weights());
                back[t][s] = arg;
            }
        }
        double endTotal = sum(end[mode]) + STATES;
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < STATES; s++) {
            double v = score[n - 1][s] + Math.log((end[mode][s] + 1) / endTotal);
            if (v > best) {
                best = v;
                path[n - 1] = s;
            }
        }
        for (int t = n - 1; t > 0; t--) {
            path[t - 1] = back[t][path[t]];
        }
        return path;
    }

    /** Chord tones relative to the chord's root, per quality (major, minor, dominant seventh, diminished). */
    private static final int[][] TONES = {{0, 4, 7}, {0, 3, 7}, {0, 4, 7, 10}, {0, 3, 6}};

    /**
     * The pitch classes of a key's scale relative to its tonic: the notes of its signature, and for a minor key its
     * raised sixth and seventh as well (the major dominant of harmonic minor).
     */
    static boolean[] scale(Key key) {
        boolean[] in = new boolean[12];
        for (int l = 0; l < 7; l++) {
            in[Math.floorMod(Key.NATURAL[l] + key.signatureAlter(l) - key.tonicPitchClass(), 12)] = true;
        }
        if (key.minor()) {
            in[9] = true;
            in[11] = true;
        }
        return in;
    }

    /**
     * The known states whose every chord tone is in the key or sounds in the slot's melody: a chord from outside the
     * key only where the melody itself leaves it (Dm in G major only over an F natural). Without this rule a rare
     * chord's few, peaked counts could win a slot its third clashes with ("Dm" over d–e–f♯ in G major); with none
     * left the known states stay.
     */
    private static boolean[] inKey(boolean[] known, boolean[] scale, double[] melody) {
        boolean[] ok = new boolean[STATES];
        boolean any = false;
        for (int s = 0; s < STATES; s++) {
            // a major or seventh chord from outside the key is a secondary dominant (D7 in C), common in the corpus;
            // a minor or diminished one (Dm in G major) only where the melody plays its outside tone
            ok[s] = known[s] && !clashes(s, melody) && (s % QUALITIES.length == 0 || s % QUALITIES.length == 2 || fits(s, scale, melody));
            any |= ok[s];
        }
        return any ? ok : known;
    }

    /**
     * Share of harmonised slots whose melody holds the other third of their chord: the major third over a minor
     * chord, the minor third over a major or seventh chord (diminished chords are not counted). {@code own}: the
     * tunes' own chords instead of the proposed ones, the corpus's reference rate.
     */
    public double thirdClashes(List<Tune> tunes, boolean own) {
        return share(tunes, own, (slot, state) -> state % QUALITIES.length == 3 ? null : clashes(state, slot.weights()));
    }

    /**
     * Share of harmonised slots whose chord has a tone outside the key that the slot's melody does not play (Dm in G
     * major over d–e–f♯). {@code own}: the tunes' own chords, the corpus's reference rate.
     */
    public double unsupportedChromatic(List<Tune> tunes, boolean own) {
        return share(tunes, own, (slot, state) -> !fits(state, scale(slot.key()), slot.weights()));
    }

    /** Whether a slot with this chord state counts as a hit (true), a miss (false), or not at all (null). */
    private interface SlotTest {
        Boolean test(HarmonySlots.Slot slot, int state);
    }

    /**
     * Share of the slots with a chord (the tunes' own when {@code own}, else the proposed one for the bare melody) that
     * {@code test} counts as hits, over those it counts.
     */
    private double share(List<Tune> tunes, boolean own, SlotTest test) {
        long hit = 0;
        long total = 0;
        for (Tune t : tunes) {
            List<HarmonySlots.Slot> slots;
            try {
                slots = HarmonySlots.slots(own ? t : stripped(t));
            } catch (IllegalArgumentException e) {
                continue;
            }
            int[] path = own ? null : viterbi(slots);
            for (int i = 0; i < slots.size(); i++) {
                HarmonySlots.Slot slot = slots.get(i);
                int state = own ? state(slot.chord(), slot.key()) : path[i];
                Boolean counted = state < 0 ? null : test.test(slot, state);
                if (counted != null) {
                    total++;
                    hit += counted ? 1 : 0;
                }
            }
        }
        return total == 0 ? Double.NaN : (double) hit / total;
    }

    /** Whether the melody holds the other third of the state's chord (F sharp over Dm); diminished chords never clash. */
    private static boolean clashes(int state, double[] melody) {
        int quality = state % QUALITIES.length;
        return quality != 3 && melody[(state / QUALITIES.length + (quality == 1 ? 4 : 3)) % 12] > 0;
    }

    /** Whether every tone of the state's chord is in the scale or sounds in the melody. */
    private static boolean fits(int state, boolean[] scale, double[] melody) {
        for (int tone : TONES[state % QUALITIES.length]) {
            int pc = (state / QUALITIES.length + tone) % 12;
            if (!scale[pc] && !(melody[pc] > 0)) {
                return false;
            }
        }
        return true;
    }

    private static Tune stripped(Tune tune) {
        return new Tune(tune.header(), tune.body().stream().filter(e -> !(e instanceof ChordSymbol)).toList());
    }

    private boolean[] allowedStates(int mode) {
        boolean[] ok = new boolean[STATES];
        boolean any = false;
        for (int s = 0; s < STATES; s++) {
            ok[s] = sum(emit[mode][s]) >= MIN_STATE_COUNT;
            any |= ok[s];
        }
        if (!any) {
            java.util.Arrays.fill(ok, true);
        }
        return ok;
    }

    private double[][] logEmission(int mode) {
        double[][] l = new double[STATES][12];
        for (int s = 0; s < STATES; s++) {
            double total = sum(emit[mode][s]) + 12;
            for (int pc = 0; pc < 12; pc++) {
                l[s][pc] = Math.log((emit[mode][s][pc] + 1) / total);
            }
        }
        return l;
    }

    /** Weight of the melody evidence against the chord transitions (tuned on a seed-7 split). */
    static final double EMISSION_SCALE = 0.6;

    private static double emission(double[] logEmit, double[] weights) {
        double v = 0;
        for (int pc = 0; pc < 12; pc++) {
            v += weights[pc] * logEmit[pc];
        }
        return v * EMISSION_SCALE;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s;
    }

    /**
     * Share of slots (with a chord in the tune) whose proposed chord has the same root and quality
     * class as the tune's own chord.
     */
    public double agreement(List<Tune> tunes) {
        long hit = 0;
        long total = 0;
        for (Tune t : tunes) {
            List<HarmonySlots.Slot> slots;
            try {
                slots = HarmonySlots.slots(t);
            } catch (IllegalArgumentException e) {
                continue;
            }
            int[] path = viterbi(slots);
            for (int i = 0; i < slots.size(); i++) {
                int truth = state(slots.get(i).chord(), slots.get(i).key());
                if (truth >= 0) {
                    total++;
                    if (truth == path[i]) {
                        hit++;
                    }
                }
            }
        }
        return total == 0 ? Double.NaN : (double) hit / total;
    }

    /** Writes the counts as tab-separated lines. */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Tunesmith harmonizer counts (Nottingham corpus). kind mode from to/pc value\n");
            for (int m = 0; m < 2; m++) {
                for (int s = 0; s < STATES; s++) {
                    line(w, "start", m, s, 0, start[m][s]);
                    line(w, "end", m, s, 0, end[m][s]);
                    for (int t = 0; t < STATES; t++) {
                        line(w, "trans", m, s, t, trans[m][s][t]);
                    }
                    for (int pc = 0; pc < 12; pc++) {
                        line(w, "emit", m, s, pc, emit[m][s][pc]);
                    }
                }
            }
        }
    }

    private static void line(Writer w, String kind, int m, int s, int t, double v) throws IOException {
        if (v != 0) {
            w.write(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.3f%n", kind, m, s, t, v));
        }
    }

    /** Reads counts written by {@link #write(Path)}. */
    public static Harmonizer read(InputStream in) throws IOException {
        Harmonizer h = new Harmonizer();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                int m = Integer.parseInt(f[1]);
                int s = Integer.parseInt(f[2]);
                int t = Integer.parseInt(f[3]);
                double v = Double.parseDouble(f[4]);
                switch (f[0]) {
                    case "start" -> h.start[m][s] = v;
                    case "end" -> h.end[m][s] = v;
                    case "trans" -> h.trans[m][s][t] = v;
                    case "emit" -> h.emit[m][s][t] = v;
                    default -> throw new IOException("unknown line kind " + f[0]);
                }
            }
        }
        return h;
    }

    /** Loads the shipped counts from the classpath. */
    public static Harmonizer loadShipped() {
        try (InputStream in = Harmonizer.class.getClassLoader().getResourceAsStream(CLASSPATH_FILE)) {
            if (in == null) {
                throw new IOException("classpath resource " + CLASSPATH_FILE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
