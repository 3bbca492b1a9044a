package dev.tunesmith.music.harmony;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import dev.tunesmith.music.abc.Fraction;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a tune into harmonic slots (half bars in 4/4, 2/2, 6/8, 6/4 and 12/8; whole bars otherwise)
 * and collects, per slot, the melody's pitch classes relative to the tonic weighted by duration, the
 * chord symbol in force at the slot start, and the body index where a chord symbol for the slot
 * would go. A note starting on the slot's first beat counts {@value #DOWNBEAT_WEIGHT} times. A short first bar is treated as a pick-up aligned to the end of its bar.
 */
final class HarmonySlots {

    /** Extra weight of a note that starts on the slot's first beat (tuned on a seed-7 split). */
    static final double DOWNBEAT_WEIGHT = 1.5;

    private HarmonySlots() {}

    /**
     * One slot.
     *
     * @param key key in force
     * @param weights duration in eighths per pitch class relative to the tonic
     * @param chord chord symbol in force at the start (null when none)
     * @param insertAt body index of the first note or rest starting inside the slot (−1 if none)
     * @param firstInBar true for the first slot of a bar
     */
    record Slot(Key key, double[] weights, String chord, int insertAt, boolean firstInBar) {}

    static int slotsPerBar(Meter m) {
        int b = m.beats();
        return b == 4 || b == 2 && m.unit() == 2 || b == 6 || b == 12 ? 2 : 1;
    }

    static List<Slot> slots(Tune tune) {
        List<Slot> out = new ArrayList<>();
        List<AbcElement> body = tune.body();
        Key key = tune.key();
        Meter meter = tune.meter();
        List<TuneTiming.Bar> bars = TuneTiming.bars(tune);
        Fraction position = Fraction.ZERO;
        if (!bars.isEmpty() && bars.getFirst().duration().compareTo(bars.getFirst().expected()) < 0) {
            position = bars.getFirst().expected().minus(bars.getFirst().duration());
        }
        String chord = null;
        String pendingChord = null;
        Fraction factor = Fraction.ONE;
        int tupletLeft = 0;
        Slot current = null;
        int currentIndex = -1;
        for (int i = 0; i < body.size(); i++) {
            AbcElement e = body.get(i);
            if (e instanceof ChordSymbol c) {
                pendingChord = c.text();
            } else if (e instanceof Tuplet t) {
                factor = Fraction.of(t.q(), t.p());
                tupletLeft = t.r();
            } else if (e instanceof BarLine) {
                position = Fraction.ZERO;
            } else if (e instanceof Field f && f.name() == 'K') {
                key = Key.parse(f.value());
            } else if (e instanceof Field f && f.name() == 'M') {
                meter = Meter.parse(f.value());
            } else if (e instanceof Note || e instanceof Rest || e instanceof MultiNote) {
                if (pendingChord != null) {
                    chord = pendingChord;
                    pendingChord = null;
                }
                Fraction len = TuneTiming.length(e);
                if (tupletLeft > 0) {
                    len = len.times(factor);
                    tupletLeft--;
                }
                Fraction slotLen = meter.barLength().div(Fraction.of(slotsPerBar(meter)));
                int index = (int) Math.min(slotsPerBar(meter) - 1, position.div(slotLen).toDouble());
                Fraction slotStart = slotLen.times(Fraction.of(index));
                boolean starts = current == null || index != currentIndex || position.equals(Fraction.ZERO);
                if (starts) {
                    boolean aligned = position.equals(slotStart);
                    current = new Slot(key, new double[12], chord, aligned ? i - chordOffset(body, i) : -1, index == 0);
                    out.add(current);
                    currentIndex = index;
                }
                int pc = pitchClass(e);
                if (pc >= 0) {
                    double accent = position.equals(slotStart) ? DOWNBEAT_WEIGHT : 1.0;
                    current.weights()[Math.floorMod(pc - key.tonicPitchClass(), 12)] += len.toDouble() * 8 * accent;
                }
                position = position.plus(len);
            }
        }
        return out;
    }

    /** 1 when a chord symbol directly precedes index i (so a new one replaces it), else 0. */
    private static int chordOffset(List<AbcElement> body, int i) {
        return i > 0 && body.get(i - 1) instanceof ChordSymbol ? 1 : 0;
    }

    private static int pitchClass(AbcElement e) {
        if (e instanceof Note n) {
            return Math.floorMod(n.midi(), 12);
        }
        if (e instanceof MultiNote m) {
            return Math.floorMod(m.notes().stream().mapToInt(Note::midi).max().orElse(0), 12);
        }
        return -1;
    }
}
