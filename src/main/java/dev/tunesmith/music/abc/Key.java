package dev.tunesmith.music.abc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key (tonic + mode) and the key signature it implies.
 *
 * @param letter tonic letter index, 0 = C … 6 = B
 * @param alter tonic alteration in semitones (−1 flat, +1 sharp)
 * @param mode one of {@code maj, m, mix, dor, phr, lyd, loc}
 */
public record Key(int letter, int alter, String mode) {

    /** Letter names by index. */
    public static final String LETTERS = "CDEFGAB";
    /** Semitone of each natural letter above C. */
    public static final int[] NATURAL = {0, 2, 4, 5, 7, 9, 11};

    private static final int[] LETTER_FIFTHS = {0, 2, 4, -1, 1, 3, 5};
    private static final String SHARP_ORDER = "FCGDAEB";
    private static final String FLAT_ORDER = "BEADGCF";
    private static final Pattern KEY = Pattern.compile("\\s*([A-Ga-g])([#b]?)\\s*([A-Za-z]*).*");

    /** Validates the fields. */
    public Key {
        if (letter < 0 || letter > 6 || alter < -1 || alter > 1 || modeOffset(mode) == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("invalid key");
        }
        if (Math.abs(fifthsOf(letter, alter, mode)) > 7) {
            throw new IllegalArgumentException("key has more than 7 sharps or flats");
        }
    }

    /**
     * Parses a key field value such as {@code D}, {@code F#m}, {@code Bb}, {@code Ador}, {@code Gmaj}.
     *
     * @throws IllegalArgumentException when it is not a key
     */
    public static Key parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("key is required, e.g. D, Am, Bb or F#m");
        }
        Matcher m = KEY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid key '" + text + "': expected a tonic A-G, optional # or b, optional mode (m, dor, mix, ...)");
        }
        int letter = LETTERS.indexOf(Character.toUpperCase(m.group(1).charAt(0)));
        int alter = m.group(2).equals("#") ? 1 : m.group(2).equals("b") ? -1 : 0;
        String mode = normaliseMode(m.group(3));
        if (mode == null) {
            throw new IllegalArgumentException("invalid key '" + text + "': unknown mode '" + m.group(3) + "'");
        }
        try {
            return new Key(letter, alter, mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid key '" + text + "': " + e.getMessage());
        }
    }

    private static String normaliseMode(String raw) {
        String r = raw.toLowerCase(Locale.ROOT);
        if (r.isEmpty() || r.startsWith("maj") || r.startsWith("ion")) {
            return "maj";
        }
        if (r.equals("m") || r.startsWith("min") || r.startsWith("aeo")) {
            return "m";
        }
        for (String mode : new String[] {"mix", "dor", "phr", "lyd", "loc"}) {
            if (r.startsWith(mode)) {
                return mode;
            }
        }
        return null;
    }

    private static int modeOffset(String mode) {
        return switch (mode) {
            case "maj" -> 0;
            case "m" -> -3;
            case "mix" -> -1;
            case "dor" -> -2;
            case "phr" -> -4;
            case "lyd" -> 1;
            case "loc" -> -5;
            default -> Integer.MIN_VALUE;
        };
    }

    private static int fifthsOf(int letter, int alter, String mode) {
        return LETTER_FIFTHS[letter] + 7 * alter + modeOffset(mode);
    }

    /** Sharps (positive) or flats (negative) in the key signature. */
    public int fifths() {
        return fifthsOf(letter, alter, mode);
    }

    /** True for minor (aeolian) keys. */
    public boolean minor() {
        return mode.equals("m");
    }

    /** Pitch class of the tonic, 0 = C. */
    public int tonicPitchClass() {
        return Math.floorMod(NATURAL[letter] + alter, 12);
    }

    /** Alteration that the key signature applies to the given letter index. */
    public int signatureAlter(int letterIndex) {
        int f = fifths();
        char c = LETTERS.charAt(letterIndex);
        if (f > 0 && SHARP_ORDER.indexOf(c) < f) {
            return 1;
        }
        if (f < 0 && FLAT_ORDER.indexOf(c) < -f) {
            return -1;
        }
        return 0;
    }

    /**
     * The key {@code semitones} away (−6…+6), spelled with the fewest accidentals.
     *
     * @return the transposed key and the signed number of letter steps moved
     */
    public Transposition transpose(int semitones) {
        if (semitones == 0) {
            return new Transposition(this, 0, 0);
        }
        int pc = Math.floorMod(tonicPitchClass() + semitones, 12);
        Key best = null;
        for (int l = 0; l < 7; l++) {
            for (int a = -1; a <= 1; a++) {
                if (Math.floorMod(NATURAL[l] + a, 12) != pc || Math.abs(fifthsOf(l, a, mode)) > 7) {
                    continue;
                }
                Key k = new Key(l, a, mode);
                if (best == null || Math.abs(k.fifths()) < Math.abs(best.fifths())) {
                    best = k;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("cannot transpose " + this + " by " + semitones);
        }
        int steps = Math.floorMod(best.letter - letter, 7);
        if (semitones < 0 && steps > 0) {
            steps -= 7;
        }
        return new Transposition(best, steps, semitones);
    }

    /**
     * Result of {@link #transpose(int)}.
     *
     * @param key the new key
     * @param steps letter steps moved (signed)
     * @param semitones semitones moved (signed)
     */
    public record Transposition(Key key, int steps, int semitones) {}

    @Override
    public String toString() {
        return LETTERS.charAt(letter) + (alter == 1 ? "#" : alter == -1 ? "b" : "") + (mode.equals("maj") ? "" : mode);
    }
}
