package dev.tunesmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.Fraction;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Re-timing a tune into another meter, checked over many seeded random tunes (plain JUnit, no property framework). */
class MelodyEditorRetimeTest {

    private static final List<String> METERS = List.of("2/4", "3/4", "4/4", "6/8", "9/8", "12/8", "5/4", "3/8", "2/2", "7/8");
    private static final List<String> KEYS = List.of("C", "G", "D", "A", "F", "Bb", "Eb", "Am", "Em", "Dm", "F#m", "Bm");
    private static final Set<Fraction> READABLE = Set.of(Fraction.of(1, 16), Fraction.of(1, 8), Fraction.of(3, 16), Fraction.of(1, 4),
            Fraction.of(3, 8), Fraction.of(1, 2), Fraction.of(3, 4), Fraction.of(1), Fraction.of(3, 2));
    private static final int[] SIXTEENTHS = {1, 2, 2, 2, 3, 4, 4, 4, 6, 8};

    @Test
    void should_fill_every_bar_of_the_new_meter_exactly_for_many_random_tunes() {
        int checked = 0;
        for (long seed = 1; seed <= 300; seed++) {
            Random rng = new Random(seed);
            String from = METERS.get(rng.nextInt(METERS.size()));
            boolean pickup = rng.nextInt(5) == 0;
            Tune tune = AbcParser.parse(randomTune(rng, from, KEYS.get(rng.nextInt(KEYS.size())), 4 + rng.nextInt(13), pickup));
            for (String to : METERS) {
                if (to.equals(from)) {
                    continue;
                }
                Meter target = Meter.parse(to);
                Tune out = AbcParser.parse(AbcSerializer.serialize(MelodyEditor.retime(tune, target)));
                String where = "seed " + seed + ", " + from + " → " + to;
                assertEquals(to, out.field('M'), where);
                assertEquals(tune.field('K'), out.field('K'), where);
                assertEquals(MelodyEditor.barCount(tune), MelodyEditor.barCount(out), where);
                List<TuneTiming.Bar> bars = TuneTiming.bars(out);
                for (int i = 0; i < bars.size(); i++) {
                    boolean pickupBar = pickup && i == 0;
                    if (pickupBar) {
                        assertTrue(bars.get(i).duration().compareTo(target.barLength()) < 0, where + ": the pick-up stays short");
                    } else {
                        assertEquals(target.barLength(), bars.get(i).duration(), where + ": bar " + (i + 1) + " of " + bars.size());
                    }
                    assertTrue(bars.get(i).closed(), where);
                }
                for (AbcElement e : out.body()) {
                    if (e instanceof AbcElement.Note || e instanceof AbcElement.Rest || e instanceof AbcElement.MultiNote) {
                        assertTrue(READABLE.contains(TuneTiming.length(e)), where + ": unreadable length " + TuneTiming.length(e));
                    }
                    assertFalse(e instanceof AbcElement.ChordSymbol, where + ": old chords are dropped");
                }
                assertTrue(subsequence(MelodyEditor.pitches(out), MelodyEditor.pitches(tune)), where + ": the pitches keep their order");
                checked++;
            }
        }
        assertTrue(checked > 2500, "checked " + checked);
    }

    @Test
    void should_keep_every_note_and_its_order_when_the_bars_have_room() {
        for (long seed = 1; seed <= 200; seed++) {
            Random rng = new Random(seed * 31);
            Tune tune = AbcParser.parse(randomTune(rng, "4/4", KEYS.get(rng.nextInt(KEYS.size())), 8, false));
            // a bar with more notes than the new bar has semiquavers loses its shortest notes; otherwise every note stays
            for (String to : List.of("3/4", "6/8", "2/4", "12/8")) {
                long room = Meter.parse(to).barLength().div(Fraction.of(1, 16)).num();
                boolean roomy = MelodyEditor.bars(tune).stream().allMatch(b -> b.stream().filter(MelodyEditorRetimeTest::sounds).count() <= room);
                Tune out = MelodyEditor.retime(tune, Meter.parse(to));
                if (roomy) {
                    assertEquals(MelodyEditor.pitches(tune), MelodyEditor.pitches(out), "seed " + seed + " → " + to);
                }
            }
        }
    }

    @Test
    void should_retime_a_plain_four_four_tune_into_waltz_time_note_for_note() {
        Tune tune = AbcParser.parse("X:1\nT:Test\nM:4/4\nL:1/8\nK:G\n\"G\"G2 A2 B2 c2 | \"D\"d4 B4 | \"C\"c2 B2 A2 G2 | \"G\"G8 |]\n");
        Tune out = MelodyEditor.retime(tune, Meter.parse("3/4"));
        String abc = AbcSerializer.serialize(out);
        assertTrue(abc.contains("M:3/4"), abc);
        assertEquals(MelodyEditor.pitches(tune), MelodyEditor.pitches(out), abc);
        for (TuneTiming.Bar b : TuneTiming.bars(out)) {
            assertEquals(Fraction.of(3, 4), b.duration(), abc);
        }
        assertEquals(4, MelodyEditor.barCount(out), abc);
        assertFalse(abc.contains("\""), "chords go (harmonise again): " + abc);
    }

    private static boolean sounds(AbcElement e) {
        return e instanceof AbcElement.Note || e instanceof AbcElement.Rest || e instanceof AbcElement.MultiNote;
    }

    private static boolean subsequence(List<Integer> small, List<Integer> big) {
        int j = 0;
        for (int p : big) {
            if (j < small.size() && small.get(j) == p) {
                j++;
            }
        }
        return j == small.size();
    }

    /** A random tune whose bars are exactly full (a shorter first bar when {@code pickup}), with chords, rests, a chord of notes and a triplet now and then. */
    private static String randomTune(Random rng, String meter, String key, int bars, boolean pickup) {
        Meter m = Meter.parse(meter);
        int units = (int) m.barLength().div(Fraction.of(1, 16)).num();
        StringBuilder sb = new StringBuilder("X:1\nT:Random\nM:" + meter + "\nL:1/16\nQ:1/4=110\nK:" + key + "\n");
        String letters = "CDEFGABcdefgab";
        for (int b = 0; b < bars + (pickup ? 1 : 0); b++) {
            int left = pickup && b == 0 ? 1 + rng.nextInt(Math.max(1, units - 1)) : units;
            if (rng.nextBoolean()) {
                sb.append("\"").append(List.of("C", "G", "Am", "F", "D7").get(rng.nextInt(5))).append("\"");
            }
            while (left > 0) {
                if (left >= 4 && rng.nextInt(12) == 0) {
                    // a triplet of eighths in the time of a crotchet
                    sb.append("(3");
                    for (int i = 0; i < 3; i++) {
                        sb.append(letters.charAt(rng.nextInt(letters.length()))).append('2');
                    }
                    left -= 4;
                    continue;
                }
                int len = SIXTEENTHS[rng.nextInt(SIXTEENTHS.length)];
                len = Math.min(len, left);
                int r = rng.nextInt(14);
                if (r == 0) {
                    sb.append('z').append(len);
                } else if (r == 1) {
                    sb.append('[').append(letters.charAt(rng.nextInt(7))).append(letters.charAt(7 + rng.nextInt(7))).append(']').append(len);
                } else {
                    char letter = letters.charAt(rng.nextInt(letters.length()));
                    sb.append(rng.nextInt(6) == 0 ? "^" : "").append(letter).append(len);
                    if (left - len >= 2 && rng.nextInt(10) == 0) {
                        // a note tied on to the same pitch
                        sb.append('-').append(letter).append(2);
                        left -= 2;
                    }
                }
                left -= len;
                sb.append(rng.nextInt(3) == 0 ? " " : "");
            }
            sb.append(b == bars + (pickup ? 1 : 0) - 1 ? " |]\n" : " | ");
        }
        return sb.toString();
    }
}
