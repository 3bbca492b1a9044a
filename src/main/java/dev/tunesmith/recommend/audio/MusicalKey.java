package dev.tunesmith.recommend.audio;

import java.util.Locale;

/**
 * A key: tonic pitch class (0 = C … 11 = B) and mode, with the correlation margin that chose it.
 * {@link #toString()} writes it as the API does, e.g. {@code "A minor"} or {@code "F# major"}.
 */
public record MusicalKey(int tonic, boolean major, double confidence) {

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    public MusicalKey {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic must be a pitch class 0..11, got " + tonic);
        }
    }

    /** Parses {@code "A minor"}, {@code "F# major"}, {@code "Bb minor"} (flats are read as their sharp). */
    public static MusicalKey parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a key is 'TONIC major|minor', got '" + text + "'");
        }
        int pc = pitchClass(parts[0]);
        String mode = parts[1].toLowerCase(Locale.ROOT);
        if (!mode.equals("major") && !mode.equals("minor")) {
            throw new IllegalArgumentException("mode must be major or minor, got '" + parts[1] + "'");
        }
        return new MusicalKey(pc, mode.equals("major"), 1);
    }

    /** {@code "C"}, {@code "F#"}, {@code "Bb"} → 0..11. */
    public static int pitchClass(String note) {
        String n = note.trim();
        int base = switch (Character.toUpperCase(n.charAt(0))) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            case 'B' -> 11;
            default -> throw new IllegalArgumentException("not a note name: '" + note + "'");
        };
        for (int i = 1; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '#' || c == '♯') {
                base++;
            } else if (c == 'b' || c == '♭') {
                base--;
            } else {
                throw new IllegalArgumentException("not a note name: '" + note + "'");
            }
        }
        return Math.floorMod(base, 12);
    }

    public String tonicName() {
        return NAMES[tonic];
    }

    /**
     * The MIREX key-detection score of this estimate against {@code truth}: 1 same key, 0.5 a
     * perfect fifth away (same mode), 0.3 relative major/minor, 0.2 parallel major/minor, else 0.
     */
    public double mirexScore(MusicalKey truth) {
        if (major == truth.major) {
            if (tonic == truth.tonic) {
                return 1;
            }
            int up = Math.floorMod(tonic - truth.tonic, 12);
            return up == 7 || up == 5 ? 0.5 : 0;
        }
        if (tonic == truth.tonic) {
            return 0.2;
        }
        // relative: C major ↔ A minor
        int relative = truth.major ? Math.floorMod(truth.tonic + 9, 12) : Math.floorMod(truth.tonic + 3, 12);
        return tonic == relative ? 0.3 : 0;
    }

    @Override
    public String toString() {
        return NAMES[tonic] + (major ? " major" : " minor");
    }
}
