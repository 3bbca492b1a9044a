package dev.tunesmith.music.lyrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Syllable counts and rhyme keys from the CMU Pronouncing Dictionary (shipped as
 * {@code lyrics/cmudict.tsv.gz}, BSD licence in {@code lyrics/CMUDICT-LICENSE.txt}), with a spelling
 * fallback for words it lacks. Immutable, thread-safe; the dictionary is read once per JVM.
 *
 * <p>Rhyme key: the phonemes from the last stressed vowel (primary or secondary stress; the last
 * vowel when none is stressed) to the end, stress marks removed, e.g. {@code night → AY T}. Two words
 * rhyme when any of their pronunciations share a key. Unknown words get a spelling key (last vowel
 * group and what follows, prefixed with {@code ~}) that can match only other spelling keys, and a
 * syllable count from vowel groups with the usual silent-e adjustments.
 */
public final class Pronunciations {

    /** Classpath location of the dictionary. */
    public static final String RESOURCE = "lyrics/cmudict.tsv.gz";

    private static volatile Pronunciations shared;

    private final Map<String, List<String[]>> entries;

    private Pronunciations(Map<String, List<String[]>> entries) {
        this.entries = entries;
    }

    /** The shipped dictionary (loaded on first use, ~1 s). */
    public static Pronunciations shared() {
        Pronunciations p = shared;
        if (p == null) {
            synchronized (Pronunciations.class) {
                p = shared;
                if (p == null) {
                    p = load();
                    shared = p;
                }
            }
        }
        return p;
    }

    private static Pronunciations load() {
        Map<String, List<String[]>> map = new HashMap<>(200_000);
        try (InputStream raw = Pronunciations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IOException("classpath resource " + RESOURCE + " is missing");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        map.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>(1)).add(line.substring(tab + 1).split(" "));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pronunciation dictionary", e);
        }
        return new Pronunciations(map);
    }

    /** Lower-cases and strips everything but letters and inner apostrophes. */
    public static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z']", "");
        while (w.startsWith("'") && !entriesHasApostrophe(w)) {
            w = w.substring(1);
        }
        while (w.endsWith("'") && w.length() > 1 && !w.endsWith("in'")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static boolean entriesHasApostrophe(String w) {
        return w.equals("'tis") || w.equals("'twas") || w.equals("'em") || w.equals("'cause") || w.equals("'til");
    }

    /** True when the dictionary knows the word. */
    public boolean known(String word) {
        return lookup(normalise(word)) != null;
    }

    private List<String[]> lookup(String w) {
        List<String[]> p = entries.get(w);
        if (p == null && w.endsWith("in'")) {
            p = entries.get(w.substring(0, w.length() - 1) + "g");
        }
        return p;
    }

    /** Syllables of the first pronunciation, or the spelling estimate for unknown words. */
    public int syllables(String word) {
        String w = normalise(word);
        if (w.isEmpty()) {
            return 0;
        }
        List<String[]> p = lookup(w);
        if (p == null) {
            return estimateSyllables(w);
        }
        int n = 0;
        for (String ph : p.getFirst()) {
            if (Character.isDigit(ph.charAt(ph.length() - 1))) {
                n++;
            }
        }
        return n;
    }

    /** Rhyme keys of all pronunciations (one spelling key for unknown words). */
    public List<String> rhymeKeys(String word) {
        String w = normalise(word);
        List<String[]> p = lookup(w);
        if (p == null) {
            return List.of(spellingKey(w));
        }
        List<String> keys = new ArrayList<>(p.size());
        for (String[] phones : p) {
            String k = rhymeKey(phones);
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** True when the words share a rhyme key (identical words count as rhyming). */
    public boolean rhymes(String a, String b) {
        String na = normalise(a);
        String nb = normalise(b);
        if (na.isEmpty() || nb.isEmpty()) {
            return false;
        }
        if (na.equals(nb)) {
            return true;
        }
        List<String> kb = rhymeKeys(nb);
        for (String k : rhymeKeys(na)) {
            if (kb.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Near-rhyme keys (assonance): the vowel of the last stressed syllable and whether a consonant
     * follows it, so "night", "time" and "ride" share one; empty for unknown words.
     */
    public List<String> nearRhymeKeys(String word) {
        List<String[]> p = lookup(normalise(word));
        if (p == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(p.size());
        for (String[] phones : p) {
            String[] perfect = rhymeKey(phones).split(" ");
            String k = perfect[0] + (perfect.length > 1 ? "+C" : "");
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    static String rhymeKey(String[] phones) {
        int last = -1;
        int lastVowel = -1;
        for (int i = 0; i < phones.length; i++) {
            char c = phones[i].charAt(phones[i].length() - 1);
            if (Character.isDigit(c)) {
                lastVowel = i;
                if (c == '1' || c == '2') {
                    last = i;
                }
            }
        }
        int from = last >= 0 ? last : Math.max(0, lastVowel);
        StringBuilder k = new StringBuilder();
        for (int i = from; i < phones.length; i++) {
            if (k.length() > 0) {
                k.append(' ');
            }
            k.append(phones[i].replaceAll("\\d", ""));
        }
        return k.toString();
    }

    static String spellingKey(String w) {
        String s = w.replace("'", "");
        int end = s.length();
        if (s.endsWith("e") && s.length() > 2 && !isVowel(s.charAt(s.length() - 2))) {
            end--;
        }
        int i = end - 1;
        while (i >= 0 && !isVowel(s.charAt(i))) {
            i--;
        }
        while (i > 0 && isVowel(s.charAt(i - 1))) {
            i--;
        }
        return "~" + s.substring(Math.max(0, i));
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /** Vowel groups, minus a silent final e (not -le), minus -ed after non-t/d; at least 1. */
    static int estimateSyllables(String w) {
        String s = w.replace("'", "");
        int n = 0;
        boolean prev = false;
        for (int i = 0; i < s.length(); i++) {
            boolean v = isVowel(s.charAt(i));
            if (v && !prev) {
                n++;
            }
            prev = v;
        }
        if (s.length() > 2 && s.endsWith("e") && !s.endsWith("le") && !isVowel(s.charAt(s.length() - 2))) {
            n--;
        }
        if (s.length() > 3 && s.endsWith("ed") && "td".indexOf(s.charAt(s.length() - 3)) < 0 && !isVowel(s.charAt(s.length() - 3))) {
            n--;
        }
        return Math.max(1, n);
    }
}
