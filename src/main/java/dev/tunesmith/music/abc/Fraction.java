package dev.tunesmith.music.abc;

/**
 * An exact, always-normalised rational number used for note lengths and bar durations.
 *
 * @param num numerator (carries the sign)
 * @param den denominator, always positive
 */
public record Fraction(long num, long den) implements Comparable<Fraction> {

    /** Zero. */
    public static final Fraction ZERO = new Fraction(0, 1);
    /** One. */
    public static final Fraction ONE = new Fraction(1, 1);

    /** Normalises sign and greatest common divisor. */
    public Fraction {
        if (den == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    /** Returns {@code n/d}. */
    public static Fraction of(long n, long d) {
        return new Fraction(n, d);
    }

    /** Returns the integer {@code n}. */
    public static Fraction of(long n) {
        return new Fraction(n, 1);
    }

    /** Parses {@code "3/2"} or {@code "2"}. */
    public static Fraction parse(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return of(Long.parseLong(s.trim()));
        }
        return of(Long.parseLong(s.substring(0, slash).trim()), Long.parseLong(s.substring(slash + 1).trim()));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    /** this + o */
    public Fraction plus(Fraction o) {
        return of(num * o.den + o.num * den, den * o.den);
    }

    /** this − o */
    public Fraction minus(Fraction o) {
        return of(num * o.den - o.num * den, den * o.den);
    }

    /** this × o */
    public Fraction times(Fraction o) {
        return of(num * o.num, den * o.den);
    }

    /** this ÷ o */
    public Fraction div(Fraction o) {
        return of(num * o.den, den * o.num);
    }

    /** True when zero. */
    public boolean isZero() {
        return num == 0;
    }

    /** True when strictly positive. */
    public boolean isPositive() {
        return num > 0;
    }

    /** Approximate value. */
    public double toDouble() {
        return (double) num / den;
    }

    @Override
    public int compareTo(Fraction o) {
        return Long.compare(num * o.den, o.num * den);
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
