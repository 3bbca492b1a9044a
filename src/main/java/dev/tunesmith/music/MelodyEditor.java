package dev.tunesmith.music;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.LineBreak;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Transposer;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of an existing tune, on its parsed form: transposition to any major or minor key (a change
 * of mode lowers or raises the third, sixth and seventh degrees), tempo, cutting to fewer bars,
 * appending bars and replacing a range of bars. Bars are the stretches between bar lines; an edited
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
}
