package dev.tunesmith.music.abc;

import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.ChordSymbol;
import dev.tunesmith.music.abc.AbcElement.Decoration;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.LineBreak;
import dev.tunesmith.music.abc.AbcElement.MultiNote;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Slur;
import dev.tunesmith.music.abc.AbcElement.Space;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import dev.tunesmith.music.abc.AbcElement.Variant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link Tune} as canonical ABC. Accidentals are written only where the key signature and
 * the accidentals already in force in the bar would give another pitch, so that
 * {@code parse(serialize(t))} has the same body as {@code t} (apart from spacing).
 */
public final class AbcSerializer {

    private AbcSerializer() {}

    /** Serialises a whole tune, header first. */
    public static String serialize(Tune tune) {
        StringBuilder out = new StringBuilder();
        for (Field f : tune.header()) {
            out.append(f.name()).append(':').append(f.value()).append('\n');
        }
        Key key = tune.key();
        Fraction unit = tune.unitLength();
        Map<Integer, Integer> bar = new HashMap<>();
        boolean lineStart = true;
        for (AbcElement e : tune.body()) {
            switch (e) {
                case Field f when !f.inline() -> {
                    if (!lineStart) {
                        out.append('\n');
                    }
                    out.append(f.name()).append(':').append(f.value()).append('\n');
                    lineStart = true;
                }
                case LineBreak lb -> {
                    if (!lineStart) {
                        out.append('\n');
                    }
                    lineStart = true;
                }
                default -> {
                    if (e instanceof Space && lineStart) {
                        continue;
                    }
                    lineStart = false;
                    switch (e) {
                        case Field f -> out.append('[').append(f.name()).append(':').append(f.value()).append(']');
                        case Note n -> writeNote(out, n, key, unit, bar);
                        case Rest r -> out.append(r.invisible() ? 'x' : 'z').append(length(r.length().div(unit)));
                        case MultiNote m -> {
                            out.append('[');
                            for (Note n : m.notes()) {
                                writeNote(out, n, key, unit, bar);
                            }
                            out.append(']');
                            if (m.tie()) {
                                out.append('-');
                            }
                        }
                        case ChordSymbol c -> out.append('"').append(c.text()).append('"');
                        case Tuplet t -> out.append(tuplet(t));
                        case BarLine b -> {
                            out.append(b.text());
                            bar.clear();
                        }
                        case Variant v -> out.append('[').append(v.text());
                        case Decoration d -> out.append(d.text());
                        case Slur s -> out.append(s.open() ? '(' : ')');
                        case Space s -> out.append(' ');
                        default -> throw new IllegalStateException("unhandled " + e);
                    }
                }
            }
            if (e instanceof Field f) {
                switch (f.name()) {
                    case 'K' -> key = Key.parse(f.value());
                    case 'L' -> unit = Fraction.parse(f.value());
                    default -> {}
                }
            }
        }
        if (!lineStart) {
            out.append('\n');
        }
        return out.toString();
    }

    private static String tuplet(Tuplet t) {
        if (t.p() == 3 && t.q() == 2 && t.r() == 3) {
            return "(3";
        }
        return "(" + t.p() + ":" + t.q() + ":" + t.r();
    }

    /** Writes one note, updating the bar's accidental state. */
    static void writeNote(StringBuilder out, Note n, Key key, Fraction unit, Map<Integer, Integer> bar) {
        int slot = n.letter() * 100 + n.octave();
        int current = bar.getOrDefault(slot, key.signatureAlter(n.letter()));
        if (n.alter() != current) {
            out.append(accidental(n.alter()));
            bar.put(slot, n.alter());
        }
        out.append(pitchName(n.letter(), n.octave()));
        out.append(length(n.length().div(unit)));
        if (n.tie()) {
            out.append('-');
        }
    }

    /** ABC accidental for an alteration. */
    public static String accidental(int alter) {
        return switch (alter) {
            case 2 -> "^^";
            case 1 -> "^";
            case 0 -> "=";
            case -1 -> "_";
            case -2 -> "__";
            default -> throw new IllegalArgumentException("alteration " + alter);
        };
    }

    /** Letter with octave marks, e.g. {@code C,} or {@code c'}. */
    public static String pitchName(int letter, int octave) {
        char l = Key.LETTERS.charAt(letter);
        if (octave <= 0) {
            return l + ",".repeat(-octave);
        }
        return Character.toLowerCase(l) + "'".repeat(octave - 1);
    }

    /** Length multiplier as ABC writes it ({@code ""}, {@code 2}, {@code /}, {@code 3/2}). */
    public static String length(Fraction mult) {
        if (mult.equals(Fraction.ONE)) {
            return "";
        }
        if (mult.den() == 1) {
            return Long.toString(mult.num());
        }
        if (mult.num() == 1 && mult.den() == 2) {
            return "/";
        }
        return (mult.num() == 1 ? "" : Long.toString(mult.num())) + "/" + mult.den();
    }
}
