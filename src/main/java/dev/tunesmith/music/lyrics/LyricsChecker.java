package dev.tunesmith.music.lyrics;

import dev.tunesmith.music.CheckReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic lyrics checker: syllables per line and rhyme classes from {@link Pronunciations}.
 *
 * <p>With a scheme such as {@code ABAB}, the non-blank lines are cut into consecutive chunks of the
 * scheme's length (8 lines of ABAB are two quatrains, each with its own rhymes); a line is on scheme
 * when its last word rhymes with the last word of every other line in its chunk that carries the same
 * letter. Without a scheme, stanzas (blocks between blank lines) are the chunks. Rhyme class letters
 * restart in every chunk.
 */
public final class LyricsChecker {

    private final Pronunciations dict;

    /** A checker on a dictionary. */
    public LyricsChecker(Pronunciations dict) {
        this.dict = dict;
    }

    /** Validates and upper-cases a scheme; null stays null. */
    public static String normaliseScheme(String scheme) {
        if (scheme == null || scheme.isBlank()) {
            return null;
        }
        String s = scheme.strip().toUpperCase(Locale.ROOT);
        if (!s.matches("[A-Z]{1,16}")) {
            throw new IllegalArgumentException("scheme must be 1 to 16 letters such as AABB or ABAB, got '" + scheme + "'");
        }
        return s;
    }

    /** Checks a text. */
    public CheckReport check(String text, String scheme, Integer syllablesPerLine) {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (syllablesPerLine != null && (syllablesPerLine < 1 || syllablesPerLine > 40)) {
            throw new IllegalArgumentException("syllablesPerLine must be between 1 and 40, got " + syllablesPerLine);
        }
        String s = normaliseScheme(scheme);
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (s == null && !current.isEmpty()) {
                    chunks.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(line);
            if (s != null && current.size() == s.length()) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        List<CheckReport.Line> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        StringBuilder detected = new StringBuilder();
        int onScheme = 0;
        int withinOne = 0;
        int number = 0;
        for (List<String> chunk : chunks) {
            String[] last = new String[chunk.size()];
            String[] classes = new String[chunk.size()];
            char next = 'A';
            for (int i = 0; i < chunk.size(); i++) {
                last[i] = lastWord(chunk.get(i));
                for (int j = 0; j < i && classes[i] == null; j++) {
                    if (dict.rhymes(last[i], last[j])) {
                        classes[i] = classes[j];
                    }
                }
                if (classes[i] == null) {
                    classes[i] = String.valueOf(next++);
                }
            }
            if (detected.length() > 0) {
                detected.append(' ');
            }
            detected.append(String.join("", classes));
            for (int i = 0; i < chunk.size(); i++) {
                String line = chunk.get(i);
                int syl = 0;
                for (String w : words(line)) {
                    syl += dict.syllables(w);
                    String n = Pronunciations.normalise(w);
                    if (!n.isEmpty() && !dict.known(n) && !unknown.contains(n)) {
                        unknown.add(n);
                    }
                }
                Integer dev = syllablesPerLine == null ? null : syl - syllablesPerLine;
                if (dev != null && Math.abs(dev) <= 1) {
                    withinOne++;
                }
                String expected = s == null ? null : String.valueOf(s.charAt(i));
                boolean ok = true;
                if (s != null) {
                    for (int j = 0; j < chunk.size(); j++) {
                        if (j != i && s.charAt(j) == s.charAt(i) && !dict.rhymes(last[i], last[j])) {
                            ok = false;
                        }
                    }
                }
                if (ok) {
                    onScheme++;
                }
                out.add(new CheckReport.Line(++number, line, syl, dev, classes[i], expected, ok, last[i]));
            }
        }
        Double schemeRatio = s == null || number == 0 ? null : (double) onScheme / number;
        Double sylRatio = syllablesPerLine == null || number == 0 ? null : (double) withinOne / number;
        return new CheckReport(out, s, detected.toString(), syllablesPerLine, schemeRatio, sylRatio, unknown);
    }

    /** Words of a line (letters and apostrophes). */
    public static List<String> words(String line) {
        List<String> w = new ArrayList<>();
        for (String t : line.split("[^A-Za-z'’]+")) {
            if (!t.isEmpty() && !Pronunciations.normalise(t).isEmpty()) {
                w.add(t);
            }
        }
        return w;
    }

    private static String lastWord(String line) {
        List<String> w = words(line);
        return w.isEmpty() ? "" : Pronunciations.normalise(w.getLast());
    }
}
