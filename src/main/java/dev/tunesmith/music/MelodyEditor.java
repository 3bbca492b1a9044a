package dev.tunesmith.music;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.LineBreak;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import dev.tunesmith.music.abc.Fraction;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Transposer;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of an existing tune, on its parsed form: transposition to any major or minor key (a change
 * of mode lowers or raises the third, sixth and seventh degrees), tempo, cutting to fewer bars,
 * appending bars, replacing a range of bars and re-timing into another meter. Bars are the stretches between bar lines; an edited
 * tune is written with plain bar lines, four bars a line, and a final {@code |]}.
 */
public final class MelodyEditor {

    private MelodyEditor() {}

    /** Bars as the ABC has them: bars with sounding notes, not counting a pick-up before the first bar line. */
    public static int barCount(Tune tune) {
        List<TuneTiming.Bar> bars = TuneTiming.bars(tune);
        int n = 0;
        for (int i = 0; i < bars.size(); i++) {
            TuneTiming.Bar b = bars.get(i);
            if (!b.duration().isPositive() || (i == 0 && !b.full() && bars.size() > 1)) {
                continue;
            }
            n++;
        }
        return Math.max(1, n);
    }

    /** The bars' contents (bar lines and line breaks dropped; only bars with a note or rest). */
    public static List<List<AbcElement>> bars(Tune tune) {
        List<List<AbcElement>> out = new ArrayList<>();
        List<AbcElement> bar = new ArrayList<>();
        for (AbcElement e : tune.body()) {
            if (e instanceof BarLine) {
                if (sounds(bar)) {
                    out.add(bar);
                    bar = new ArrayList<>();
                }
            } else if (!(e instanceof LineBreak)) {
                bar.add(e);
            }
        }
        if (sounds(bar)) {
            out.add(bar);
        }
        return out;
    }

    private static boolean sounds(List<AbcElement> bar) {
        return bar.stream().anyMatch(e -> e instanceof Note || e instanceof Rest || e instanceof MultiNote);
    }

    /** {@code tune}'s header with these bars as the body. */
    public static Tune withBars(Tune tune, List<List<AbcElement>> bars) {
        List<AbcElement> body = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            body.addAll(bars.get(i));
            body.add(new BarLine(i == bars.size() - 1 ? "|]" : "|"));
            if (i % 4 == 3 && i < bars.size() - 1) {
                body.add(new LineBreak());
            }
        }
        return new Tune(tune.header(), body);
    }

    /**
     * The tune in {@code target} (major or minor). Chords are transposed with the notes when the mode
     * stays; when it changes they are dropped (harmonise the result again).
     */
    public static Tune transpose(Tune tune, Key target) {
        Tune moved = transposed(tune, target);
        // a title that names the old key ("Melody in D minor", as generated) names the new one
        return Melody.generatedTitle(tune.key()).equals(tune.field('T')) ? moved.withField('T', Melody.generatedTitle(target)) : moved;
    }

    private static Tune transposed(Tune tune, Key target) {
        Key from = tune.key();
        int diff = Math.floorMod(target.tonicPitchClass() - from.tonicPitchClass(), 12);
        if (diff > 6) {
            diff -= 12;
        }
        Tune moved = Transposer.transpose(tune, diff);
        boolean toMinor = target.minor() && !from.minor();
        boolean toMajor = !target.minor() && from.minor();
        if (!toMinor && !toMajor) {
            return moved;
        }
        int tonic = target.tonicPitchClass();
        List<AbcElement> body = new ArrayList<>();
        for (AbcElement e : moved.body()) {
            switch (e) {
                case Note n -> body.add(shift(n, tonic, toMinor));
                case MultiNote m -> body.add(new MultiNote(m.notes().stream().map(n -> shift(n, tonic, toMinor)).toList(), m.tie()));
                case ChordSymbol c -> { }
                default -> body.add(e);
            }
        }
        return new Tune(moved.header(), body).withField('K', target.toString());
    }

    private static Note shift(Note n, int tonic, boolean toMinor) {
        int degree = Math.floorMod(n.midi() - tonic, 12);
        if (toMinor && (degree == 4 || degree == 9 || degree == 11)) {
            return new Note(n.letter(), n.octave(), n.alter() - 1, n.length(), n.tie());
        }
        if (!toMinor && (degree == 3 || degree == 8 || degree == 10)) {
            return new Note(n.letter(), n.octave(), n.alter() + 1, n.length(), n.tie());
        }
        return n;
    }

    /** The tune with {@code Q:1/4=bpm}. */
    public static Tune tempo(Tune tune, int bpm) {
        if (bpm < 30 || bpm > 260) {
            throw new IllegalArgumentException("tempo must be between 30 and 260 BPM, got " + bpm);
        }
        return tune.withField('Q', "1/4=" + bpm);
    }

    /** The first {@code count} bars. */
    public static Tune firstBars(Tune tune, int count) {
        List<List<AbcElement>> bars = bars(tune);
        if (count < 1 || count > bars.size()) {
            throw new IllegalArgumentException("the tune has " + bars.size() + " bars; keep 1 to " + bars.size());
        }
        return withBars(tune, new ArrayList<>(bars.subList(0, count)));
    }

    /** {@code tune} followed by the bars of {@code more}. */
    public static Tune append(Tune tune, Tune more) {
        List<List<AbcElement>> bars = new ArrayList<>(bars(tune));
        bars.addAll(bars(more));
        return withBars(tune, bars);
    }

    /** Bars {@code from}..{@code to} (1-based, inclusive) replaced by the first bars of {@code source}. */
    public static Tune replaceBars(Tune tune, int from, int to, Tune source) {
        List<List<AbcElement>> bars = new ArrayList<>(bars(tune));
        if (from < 1 || to < from || to > bars.size()) {
            throw new IllegalArgumentException("bars " + from + "–" + to + " are not in a tune of " + bars.size() + " bars");
        }
        List<List<AbcElement>> fresh = bars(source);
        if (fresh.size() < to - from + 1) {
            throw new IllegalArgumentException("the variation has only " + fresh.size() + " bars");
        }
        for (int i = from; i <= to; i++) {
            bars.set(i - 1, fresh.get(i - from));
        }
        return withBars(tune, bars);
    }

    /** The MIDI pitches of the tune's notes in order (a chord counts as its first note; a note tied on counts once). */
    public static List<Integer> pitches(Tune tune) {
        List<Integer> out = new ArrayList<>();
        boolean tied = false;
        for (AbcElement e : tune.body()) {
            if (e instanceof Note n) {
                if (!tied || out.isEmpty() || out.getLast() != n.midi()) {
                    out.add(n.midi());
                }
                tied = n.tie();
            } else if (e instanceof MultiNote m) {
                if (!tied || out.isEmpty() || out.getLast() != m.notes().getFirst().midi()) {
                    out.add(m.notes().getFirst().midi());
                }
                tied = m.tie();
            } else if (e instanceof Rest) {
                tied = false;
            }
        }
        return out;
    }

    private static boolean readable(int len) {
        for (int r : READABLE) {
            if (r == len) {
                return true;
            }
        }
        return false;
    }

    /** A length in semiquavers as readable note values, longest first (tied when more than one). */
    private static List<Integer> pieces(int len) {
        List<Integer> out = new ArrayList<>();
        int left = len;
        while (left > 0) {
            for (int i = READABLE.length - 1; i >= 0; i--) {
                if (READABLE[i] <= left) {
                    out.add(READABLE[i]);
                    left -= READABLE[i];
                    break;
                }
            }
        }
        return out;
    }

    /** The finest note value a re-timed tune uses (a semiquaver). */
    private static final Fraction GRID = Fraction.of(1, 16);

    /** Note lengths, in semiquavers, a re-timed tune may use: plain and dotted values that print as one note. */
    private static final int[] READABLE = {1, 2, 3, 4, 6, 8, 12, 16, 24};

    /**
     * The same tune in another meter: the pitches in the same order (so the contour and the key stay),
     * bar for bar, each bar's rhythm scaled to the new bar length and snapped to readable note values
     * (semiquaver to dotted whole) that add up to exactly one bar. Onsets stay as near as they can to
     * where the old rhythm put them, relative to the bar, and a note that starts off the beat avoids
     * crossing the next beat. A bar with more notes than semiquavers in the new bar keeps its longest
     * notes. An incomplete first or last bar (a pick-up) stays incomplete, scaled the same way. Chord
     * symbols, slurs, tuplets and decorations are dropped (harmonise the result again); ties stay.
     */
    public static Tune retime(Tune tune, Meter target) {
        Fraction oldBar = tune.meter().barLength();
        Fraction newBar = target.barLength();
        int units = (int) newBar.div(GRID).num();
        if (!newBar.div(GRID).equals(Fraction.of(units))) {
            throw new IllegalArgumentException("meter " + target + " does not divide into semiquavers");
        }
        List<List<AbcElement>> events = new ArrayList<>();
        List<List<Fraction>> lengths = new ArrayList<>();
        List<AbcElement> bar = new ArrayList<>();
        List<Fraction> barLengths = new ArrayList<>();
        Fraction factor = Fraction.ONE;
        int tupletLeft = 0;
        for (AbcElement e : tune.body()) {
            switch (e) {
                case Tuplet t -> {
                    factor = Fraction.of(t.q(), t.p());
                    tupletLeft = t.r();
                }
                case Note n -> {
                    bar.add(n);
                    barLengths.add(tupletLeft-- > 0 ? n.length().times(factor) : n.length());
                }
                case MultiNote m -> {
                    bar.add(m);
                    barLengths.add(tupletLeft-- > 0 ? TuneTiming.length(m).times(factor) : TuneTiming.length(m));
                }
                case Rest r -> {
                    bar.add(r);
                    barLengths.add(tupletLeft-- > 0 ? r.length().times(factor) : r.length());
                }
                case BarLine b -> {
                    if (!bar.isEmpty()) {
                        events.add(bar);
                        lengths.add(barLengths);
                        bar = new ArrayList<>();
                        barLengths = new ArrayList<>();
                    }
                }
                default -> { }
            }
        }
        if (!bar.isEmpty()) {
            events.add(bar);
            lengths.add(barLengths);
        }
        Fraction ratio = newBar.div(oldBar);
        int beat = target.compound() ? 6 : Math.max(1, 16 / target.unit());
        List<List<AbcElement>> out = new ArrayList<>();
        for (int b = 0; b < events.size(); b++) {
            List<AbcElement> es = events.get(b);
            List<Fraction> ls = lengths.get(b);
            Fraction total = ls.stream().reduce(Fraction.ZERO, Fraction::plus);
            boolean edge = (b == 0 || b == events.size() - 1) && events.size() > 1 && total.compareTo(oldBar) < 0;
            int span = units;
            if (edge) {
                span = (int) Math.max(1, Math.min(units - 1, Math.round(total.times(ratio).div(GRID).toDouble())));
            }
            // a bar cannot hold more notes than it has semiquavers: keep the longest (the first among equals)
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < es.size(); i++) {
                keep.add(i);
            }
            while (keep.size() > span) {
                int shortest = keep.getLast();
                for (int i : keep) {
                    if (ls.get(i).compareTo(ls.get(shortest)) < 0) {
                        shortest = i;
                    }
                }
                keep.remove(Integer.valueOf(shortest));
            }
            // where the old rhythm puts each kept note's onset, in semiquavers of the new bar (or pick-up)
            double[] onset = new double[keep.size()];
            double scale = span / (total.isPositive() ? total.toDouble() : 1);
            Fraction at = Fraction.ZERO;
            int k = 0;
            for (int i = 0; i < es.size(); i++) {
                if (k < keep.size() && keep.get(k) == i) {
                    onset[k++] = at.toDouble() * scale;
                }
                at = at.plus(ls.get(i));
            }
            int[] slots = null;
            int ideal = span;
            for (int d = 0; slots == null && d < units; d++) {
                for (int cand : new int[] {ideal - d, ideal + d}) {
                    if (slots == null && cand >= keep.size() && cand >= 1 && (edge ? cand < units : cand == units)) {
                        slots = snap(onset, cand, edge && b == 0 ? units - cand : 0, beat, !edge);
                    }
                }
            }
            List<AbcElement> fresh = new ArrayList<>();
            for (int j = 0; j < keep.size(); j++) {
                AbcElement source = es.get(keep.get(j));
                List<Integer> pieces = pieces(slots[j]);
                for (int p = 0; p < pieces.size(); p++) {
                    Fraction l = GRID.times(Fraction.of(pieces.get(p)));
                    // pieces of one note are tied; the note's own tie to the next note stays on its last piece
                    boolean tie = p < pieces.size() - 1 || (source instanceof Note sn && sn.tie()) || (source instanceof MultiNote sm && sm.tie());
                    fresh.add(switch (source) {
                        case Note n -> new Note(n.letter(), n.octave(), n.alter(), l, tie);
                        case MultiNote m -> new MultiNote(m.notes().stream().map(n -> n.withLength(l)).toList(), tie);
                        case Rest r -> new Rest(l, r.invisible());
                        default -> throw new IllegalStateException();
                    });
                }
            }
            out.add(fresh);
        }
        return withBars(tune, out).withField('M', target.toString());
    }

    /**
     * Lengths (in semiquavers, each a {@link #READABLE} value) for notes whose ideal onsets are
     * {@code onset}, adding up to {@code span}: dynamic programming over the bar's semiquavers,
     * minimising the squared onset shifts plus a small cost for an off-beat note that crosses a beat
     * ({@code offset} is where the stretch starts in the bar: a pick-up ends on the bar line).
     */
    private static int[] snap(double[] onset, int span, int offset, int beat, boolean mustFill) {
        int n = onset.length;
        double[][] cost = new double[n + 1][span + 1];
        int[][] from = new int[n + 1][span + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i < n; i++) {
            for (int pos = 0; pos <= span; pos++) {
                if (cost[i][pos] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double shift = pos - onset[i];
                for (int len = 1; len <= span - pos; len++) {
                    int end = pos + len;
                    if ((i == n - 1 && end != span) || span - end < n - 1 - i) {
                        continue;
                    }
                    boolean readable = readable(len);
                    if (!readable && !mustFill) {
                        continue;
                    }
                    int start = pos + offset;
                    boolean crosses = start % beat != 0 && (start / beat) != ((start + len - 1) / beat);
                    // a length no single note can show is written as tied notes: allowed, but only when nothing else fits
                    double c = cost[i][pos] + shift * shift + (crosses ? 0.75 : 0) + (readable ? 0 : 1000);
                    if (c < cost[i + 1][end]) {
                        cost[i + 1][end] = c;
                        from[i + 1][end] = pos;
                    }
                }
            }
        }
        if (cost[n][span] == Double.POSITIVE_INFINITY) {
            return null;
        }
        int[] lens = new int[n];
        int pos = span;
        for (int i = n; i > 0; i--) {
            int p = from[i][pos];
            lens[i - 1] = pos - p;
            pos = p;
        }
        return lens;
    }
}
