package dev.tunesmith.recommend.constraint;

import dev.tunesmith.recommend.mood.Language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches artist names the way people type them: case, punctuation and diacritics do not matter
 * ("blazar" names "BLAZAR!", "bjork" names "Björk"), a leading "the" is optional, one typo is
 * forgiven in names of six letters or more, and a credit that lists several artists
 * ("Arturo Toscanini, NBC Symphony Orchestra", "Tab &amp; Anitek") is named by any one of them. A
 * number may be typed in digits or in words ("matchbox 20" names "Matchbox Twenty", "maroon five"
 * names "Maroon 5", {@link Language#digits}): the chat's reader writes number words as digits.
 */
public final class ArtistNames {
    private ArtistNames() {}

    /** "The BLAZAR!" → "blazar"; "Björk" → "bjork"; "Matchbox Twenty" → "matchbox 20". */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        s = Language.digits(s.replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").trim().replaceAll("\\s+", " "));
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    /** The separate artists of a credit: "A, B &amp; C feat. D" → [a, b, c, d] (keys). */
    static List<String> parts(String credit) {
        List<String> out = new ArrayList<>();
        for (String p : credit.split("(?i)\\s*(?:,|&|\\+|/|;|\\bfeat\\.?|\\bft\\.?|\\bfeaturing\\b|\\bvs\\.?|\\bx\\b|\\band\\b|\\bwith\\b)\\s*")) {
            String k = key(p);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /** Whether {@code query} (as a listener typed it) names the artist credited as {@code credit}. */
    public static boolean names(String query, String credit) {
        String q = key(query);
        if (q.isEmpty()) {
            return false;
        }
        String c = key(credit);
        if (q.equals(c) || close(q, c)) {
            return true;
        }
        if (q.replace(" ", "").equals(c.replace(" ", ""))) {
            return true;
        }
        for (String p : parts(credit)) {
            if (q.equals(p) || close(q, p)) {
                return true;
            }
        }
        return false;
    }

    /** The credits in {@code artists} that {@code query} names. */
    public static Set<String> matching(String query, Collection<String> artists) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : artists) {
            if (names(query, a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean close(String a, String b) {
        return Math.min(a.length(), b.length()) >= 6 && Math.abs(a.length() - b.length()) <= 1 && distance(a, b) <= 1
                && a.replaceAll("\\D", "").equals(b.replaceAll("\\D", "")); // a number is never a typo: "maroon 6" is not "maroon 5"
    }

    /** Levenshtein distance (small strings). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
