package dev.tunesmith.bench;

import dev.tunesmith.music.MelodyRequest;
import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import dev.tunesmith.music.harmony.Harmonizer;
import dev.tunesmith.music.melody.DjlMelodyService;
import dev.tunesmith.music.melody.MelodyCorpus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench generate}: validity, speed and novelty of the melody model, agreement of the
 * harmonizer, and for lyrics (see {@link LyricsBench}) theme adherence, asked length honoured,
 * fluency (bigram perplexity against held-out corpus lines) and scheme/syllable adherence, of the
 * shipped themed generator next to the previous word-level model; printed as a table and as JSON.
 *
 * <ul>
 *   <li>validity: the tune parses, every bar has the meter's duration, the bar count is the one
 *       requested and the body ends with a bar line;
 *   <li>tokens/s: generated tokens over decoding wall time (one thread);
 *   <li>time per 16-bar tune: wall time of {@code generate} (decoding, harmonising, serialising,
 *       checking);
 *   <li>novelty: share of tunes of at least 8 bars none of whose 8-bar windows equals an 8-bar
 *       window of a corpus tune, compared transposition-free (pitch intervals and durations).
 * </ul>
 */
public final class GenerateBench {

    private static final String[] KEYS = {"D", "G", "A", "Em", "C", "Am", "F", "Bm", "Bb", "Dm", "E", "Gm"};
    private static final String[] METERS = {"4/4", "6/8", "3/4", "2/4", "9/8"};
    private static final int[] BARS = {16, 8, 32, 16};
    private static final String[] MOODS = {"lively dance", "calm and tender", null, "melancholy", "happy"};

    private GenerateBench() {}

    /**
     * Options.
     *
     * @param melodySamples tunes to generate
     * @param lyricsSamples lyrics to generate
     * @param melodyModel trained folder, or null for the shipped model
     * @param lyricsModel trained folder, or null for the shipped model
     * @param abcData Nottingham folder for novelty and harmony agreement, or null to skip those
     */
    public record Options(int melodySamples, int lyricsSamples, Path melodyModel, Path lyricsModel, Path abcData) {}

    /** Runs the benchmark; returns the figures (also printed to {@code out}). */
    public static Map<String, Object> run(Options o, PrintStream out) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (o.melodySamples() > 0) {
            melody(o, r);
        }
        if (o.lyricsSamples() > 0) {
            lyrics(o, r, out);
        }
        out.println(table(r));
        out.println(json(r));
        return r;
    }

    private static void melody(Options o, Map<String, Object> r) {
        Set<String> corpusWindows = new HashSet<>();
        List<Tune> validation = null;
        if (o.abcData() != null && Files.isDirectory(o.abcData())) {
            MelodyCorpus corpus = MelodyCorpus.load(o.abcData(), 42, 0.05);
            List<Tune> all = new ArrayList<>(corpus.train());
            all.addAll(corpus.validation());
            for (Tune t : all) {
                corpusWindows.addAll(windows(t));
            }
            validation = corpus.validation();
        }
        try (DjlMelodyService service = o.melodyModel() == null ? DjlMelodyService.loadShipped(1) : DjlMelodyService.load(o.melodyModel(), 1)) {
            service.generateDetailed(new MelodyRequest("D", "4/4", 4, null, null, 1L, 1.0, 0.95));
            int valid = 0;
            int novel = 0;
            int checked = 0;
            long steps = 0;
            long decodeNanos = 0;
            long time16 = 0;
            int n16 = 0;
            List<String> failures = new ArrayList<>();
            double[] moodLength = new double[2];
            int[] moodNotes = new int[2];
            List<Tune> generated = new ArrayList<>();
            for (int i = 0; i < o.melodySamples(); i++) {
                MelodyRequest req = new MelodyRequest(KEYS[i % KEYS.length], METERS[i % METERS.length], BARS[i % BARS.length], MOODS[(i / METERS.length) % MOODS.length],
                        i % 3 == 0 ? 100.0 + i % 60 : null, (long) i, 1.0, 0.95);
                long start = System.nanoTime();
                try {
                    DjlMelodyService.Generated g = service.generateDetailed(req);
                    long wall = System.nanoTime() - start;
                    steps += g.steps();
                    decodeNanos += g.nanos();
                    if (req.bars() == 16) {
                        time16 += wall;
                        n16++;
                    }
                    Tune t = AbcParser.parse(g.melody().abc());
                    generated.add(t);
                    boolean ok = TuneTiming.strictlyValid(t) && TuneTiming.bars(t).size() == req.bars()
                            && t.body().stream().filter(e -> !(e instanceof AbcElement.LineBreak) && !(e instanceof AbcElement.Space)).reduce((a, b) -> b).orElse(null) instanceof AbcElement.BarLine;
                    String mood = req.moodHint() == null ? "" : req.moodHint();
                    int group = mood.contains("lively") || mood.contains("happy") ? 0 : mood.contains("calm") || mood.contains("melancholy") ? 1 : -1;
                    if (group >= 0) {
                        for (AbcElement e : t.body()) {
                            if (e instanceof AbcElement.Note n) {
                                moodLength[group] += n.length().toDouble() * 8;
                                moodNotes[group]++;
                            }
                        }
                    }
                    if (ok) {
                        valid++;
                    } else {
                        failures.add(req.toString());
                    }
                    if (!corpusWindows.isEmpty() && req.bars() >= 8) {
                        checked++;
                        if (windows(t).stream().noneMatch(corpusWindows::contains)) {
                            novel++;
                        }
                    }
                } catch (RuntimeException e) {
                    failures.add(req + ": " + e.getMessage());
                }
            }
            r.put("melody.device", service.device());
            r.put("melody.parameters", service.model().parameterCount());
            r.put("melody.samples", o.melodySamples());
            r.put("melody.validityRate", (double) valid / o.melodySamples());
            r.put("melody.tokensPerSecond", steps / Math.max(1e-9, decodeNanos / 1e9));
            r.put("melody.msPer16BarTune", n16 == 0 ? null : time16 / 1e6 / n16);
            r.put("melody.noveltyRate", checked == 0 ? null : (double) novel / checked);
            r.put("melody.noveltyChecked", checked);
            r.put("melody.meanNoteEighths.lively", moodNotes[0] == 0 ? null : moodLength[0] / moodNotes[0]);
            r.put("melody.meanNoteEighths.calm", moodNotes[1] == 0 ? null : moodLength[1] / moodNotes[1]);
            r.put("melody.failures", failures.stream().limit(5).toList());
            Harmonizer h = Harmonizer.loadShipped();
            // the other third of the chord in its slot's melody (F sharp over Dm): the corpus's own rate is the reference
            r.put("harmony.thirdClashes.generated", h.thirdClashes(generated, true));
            r.put("harmony.unsupportedChromatic.generated", h.unsupportedChromatic(generated, true));
            if (validation != null) {
                r.put("harmony.validationAgreement", h.agreement(validation));
                r.put("harmony.thirdClashes.validation", h.thirdClashes(validation, false));
                r.put("harmony.thirdClashes.corpusOwn", h.thirdClashes(validation, true));
                r.put("harmony.unsupportedChromatic.validation", h.unsupportedChromatic(validation, false));
                r.put("harmony.unsupportedChromatic.corpusOwn", h.unsupportedChromatic(validation, true));
            }
        }
    }

    private static void lyrics(Options o, Map<String, Object> r, PrintStream out) {
        Path songs = o.abcData() == null ? null : o.abcData().toAbsolutePath().getParent().resolve("gutenberg-songs");
        LyricsBench.run(o.lyricsSamples(), o.lyricsModel(), songs, r, out);
    }

    /** Transposition-free signatures of every run of 8 consecutive bars. */
    static List<String> windows(Tune t) {
        List<List<int[]>> bars = new ArrayList<>();
        List<int[]> bar = new ArrayList<>();
        for (AbcElement e : t.body()) {
            if (e instanceof AbcElement.BarLine) {
                if (!bar.isEmpty()) {
                    bars.add(bar);
                }
                bar = new ArrayList<>();
            } else if (e instanceof AbcElement.Note || e instanceof AbcElement.Rest || e instanceof AbcElement.MultiNote) {
                int pitch = switch (e) {
                    case AbcElement.Note n -> n.midi();
                    case AbcElement.MultiNote m -> m.notes().stream().mapToInt(AbcElement.Note::midi).max().orElse(-1);
                    default -> -1;
                };
                var len = TuneTiming.length(e);
                bar.add(new int[] {pitch, (int) len.num(), (int) len.den()});
            }
        }
        if (!bar.isEmpty()) {
            bars.add(bar);
        }
        List<String> out = new ArrayList<>();
        for (int s = 0; s + 8 <= bars.size(); s++) {
            StringBuilder sig = new StringBuilder();
            int ref = -1;
            for (int b = s; b < s + 8; b++) {
                for (int[] n : bars.get(b)) {
                    if (ref < 0 && n[0] >= 0) {
                        ref = n[0];
                    }
                    sig.append(n[0] < 0 ? "r" : Integer.toString(n[0] - ref)).append(':').append(n[1]).append('/').append(n[2]).append(' ');
                }
                sig.append('|');
            }
            out.add(sig.toString());
        }
        return out;
    }

    static String table(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-32s %s%n", "metric", "value"));
        s.append("-".repeat(60)).append('\n');
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (e.getValue() instanceof List || e.getKey().equals("melody.failures")) {
                continue;
            }
            Object v = e.getValue();
            String text = v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v);
            s.append(String.format(Locale.ROOT, "%-32s %s%n", e.getKey(), text));
        }
        return s.toString();
    }

    static String json(Map<String, Object> r) {
        StringBuilder s = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            s.append('"').append(e.getKey()).append("\":").append(value(e.getValue()));
        }
        return s.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(",", l.stream().map(GenerateBench::value).toList()) + "]";
        }
        String t = v.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        return '"' + t + '"';
    }
}
