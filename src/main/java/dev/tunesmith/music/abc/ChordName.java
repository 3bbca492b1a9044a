package dev.tunesmith.music.abc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chord symbol in the Nottingham style: root with {@code #}/{@code b}, a quality suffix
 * ({@code m}, {@code 7}, {@code m7}, {@code d} diminished, {@code a} augmented, {@code 6}, {@code dim},
 * ...) and an optional bass note after {@code /} written in lower case with {@code +} for sharp and
 * {@code b} for flat ({@code D/f+}).
 *
 * @param rootLetter 0 = C … 6 = B
 * @param rootAlter −1, 0 or +1
 * @param quality suffix as written
 * @param bassLetter bass letter index or −1
 * @param bassAlter bass alteration
 */
public record ChordName(int rootLetter, int rootAlter, String quality, int bassLetter, int bassAlter) {

    private static final Pattern CHORD = Pattern.compile("([A-G])([#b]?)([^/]*)(?:/([A-Ga-g])([#b+]?))?");

    /** Parses a symbol, or returns null when it is not a chord (free text, alternatives in brackets). */
    public static ChordName parse(String text) {
        Matcher m = CHORD.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int root = Key.LETTERS.indexOf(m.group(1).charAt(0));
        int alter = m.group(2).equals("#") ? 1 : m.group(2).equals("b") ? -1 : 0;
        int bass = -1;
        int bassAlter = 0;
        if (m.group(4) != null) {
            bass = Key.LETTERS.indexOf(Character.toUpperCase(m.group(4).charAt(0)));
            String a = m.group(5);
            bassAlter = a.equals("+") || a.equals("#") ? 1 : a.equals("b") ? -1 : 0;
        }
        return new ChordName(root, alter, m.group(3), bass, bassAlter);
    }

    /** Pitch class of the root. */
    public int rootPitchClass() {
        return Math.floorMod(Key.NATURAL[rootLetter] + rootAlter, 12);
    }

    /** Moves root and bass by letter steps and semitones. */
    public ChordName transpose(int steps, int semitones) {
        int[] r = move(rootLetter, rootAlter, steps, semitones);
        int[] b = bassLetter < 0 ? new int[] {-1, 0} : move(bassLetter, bassAlter, steps, semitones);
        return new ChordName(r[0], r[1], quality, b[0], b[1]);
    }

    private static int[] move(int letter, int alter, int steps, int semitones) {
        int pc = Key.NATURAL[letter] + alter + semitones;
        int nl = Math.floorMod(letter + steps, 7);
        int a = Math.floorMod(pc - Key.NATURAL[nl] + 6, 12) - 6;
        return new int[] {nl, a};
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(Key.LETTERS.charAt(rootLetter)).append(rootAlter > 0 ? "#".repeat(rootAlter) : "b".repeat(-rootAlter)).append(quality);
        if (bassLetter >= 0) {
            s.append('/').append(Character.toLowerCase(Key.LETTERS.charAt(bassLetter)));
            s.append(bassAlter > 0 ? "+".repeat(bassAlter) : "b".repeat(-bassAlter));
        }
        return s.toString();
    }
}
