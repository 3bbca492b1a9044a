package dev.tunesmith.music.abc;

import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import java.util.ArrayList;
import java.util.List;

/** Bar durations of a tune, with tuplets applied. */
public final class TuneTiming {

    private TuneTiming() {}

    /**
     * One bar.
     *
     * @param duration sounding duration (whole note = 1)
     * @param expected bar length of the meter in force
     * @param closed ended by a bar line (false only for trailing notes after the last bar line)
     */
    public record Bar(Fraction duration, Fraction expected, boolean closed) {
        /** True when the bar is exactly as long as its meter asks. */
        public boolean full() {
            return duration.equals(expected);
        }
    }

    /** Sounding duration of one note, rest or chord (before tuplet scaling). */
    public static Fraction length(AbcElement e) {
        return switch (e) {
            case Note n -> n.length();
            case Rest r -> r.length();
            case MultiNote m -> m.notes().getFirst().length();
            default -> Fraction.ZERO;
        };
    }

    /** Bars in order; empty stretches between adjacent bar lines are skipped. */
    public static List<Bar> bars(Tune tune) {
        List<Bar> bars = new ArrayList<>();
        Fraction expected = tune.meter().barLength();
        Fraction current = Fraction.ZERO;
        Fraction factor = Fraction.ONE;
        int tupletLeft = 0;
        for (AbcElement e : tune.body()) {
            if (e instanceof Tuplet t) {
                factor = Fraction.of(t.q(), t.p());
                tupletLeft = t.r();
            } else if (e instanceof Note || e instanceof Rest || e instanceof MultiNote) {
                Fraction l = length(e);
                if (tupletLeft > 0) {
                    l = l.times(factor);
                    tupletLeft--;
                }
                current = current.plus(l);
            } else if (e instanceof BarLine) {
                if (current.isPositive()) {
                    bars.add(new Bar(current, expected, true));
                }
                current = Fraction.ZERO;
            } else if (e instanceof Field f && f.name() == 'M') {
                expected = Meter.parse(f.value()).barLength();
            }
        }
        if (current.isPositive()) {
            bars.add(new Bar(current, expected, false));
        }
        return bars;
    }

    /**
     * True when every bar is complete, the body ends with a bar line and there is at least one bar:
     * the validity rule for generated tunes (no pick-up bars).
     */
    public static boolean strictlyValid(Tune tune) {
        List<Bar> bars = bars(tune);
        if (bars.isEmpty()) {
            return false;
        }
        for (Bar b : bars) {
            if (!b.closed() || !b.full()) {
                return false;
            }
        }
        return true;
    }
}
