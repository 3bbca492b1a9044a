package dev.tunesmith.music.abc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time signature such as 6/8. {@code C} reads as 4/4 and {@code C|} as 2/2.
 *
 * @param beats numerator
 * @param unit denominator
 */
public record Meter(int beats, int unit) {

    private static final Pattern FRACTION = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*");

    /** Validates the fields. */
    public Meter {
        if (beats < 1 || beats > 16 || (unit != 1 && unit != 2 && unit != 4 && unit != 8 && unit != 16)) {
            throw new IllegalArgumentException("unsupported meter " + beats + "/" + unit);
        }
    }

    /**
     * Parses a meter field value.
     *
     * @throws IllegalArgumentException when the text is not a meter
     */
    public static Meter parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("meter is required, e.g. 4/4 or 6/8");
        }
        String t = text.strip();
        if (t.equals("C")) {
            return new Meter(4, 4);
        }
        if (t.equals("C|")) {
            return new Meter(2, 2);
        }
        Matcher m = FRACTION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid meter '" + text + "': expected N/D such as 3/4 or 6/8");
        }
        return new Meter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Bar duration as a fraction of a whole note. */
    public Fraction barLength() {
        return Fraction.of(beats, unit);
    }

    /** True for compound meters (6/8, 9/8, 12/8). */
    public boolean compound() {
        return beats % 3 == 0 && beats > 3 && unit == 8;
    }

    @Override
    public String toString() {
        return beats + "/" + unit;
    }
}
