package dev.tunesmith.music.lyrics;

import dev.tunesmith.music.CheckReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tools for a songwriter's own words: a review of their lyrics (syllables per line, the rhyme scheme
 * found, weak rhymes, concrete suggestions), rhymes for a word (perfect and near, with syllable
 * counts), a continuation of their verse and a rewrite of one line to rhyme with a given word. The
 * rhyme vocabulary is the songwriting lexicon plus the 3,000 most frequent words of the song corpus
 * (the shipped lyrics model's vocabulary), restricted to words CMUdict knows.
 */
public final class Songwriter {

    /** A word and its syllables. */
    public record Word(String word, int syllables) {}

    /** Rhymes for a word. */
    public record Rhymes(String word, int syllables, List<Word> perfect, List<Word> near) {}

    /** A pair of lines meant to rhyme that rhyme only weakly (same word, or a near rhyme), or not at all. */
    public record WeakRhyme(int line, int partner, String word, String partnerWord, String kind) {}

    /** The review of a text. */
    public record Review(CheckReport report, String schemeFound, int typicalSyllables, List<WeakRhyme> weakRhymes, List<String> suggestions) {}

    private final Pronunciations dict;
    private final LyricsChecker checker;
    private final ThemedLyricsGenerator generator;
    private final List<String> vocabulary;
    private final Map<String, List<String>> perfectIndex = new HashMap<>();
    private final Map<String, List<String>> nearIndex = new HashMap<>();

    public Songwriter(Pronunciations dict, ThemedLyricsGenerator generator) {
        this.dict = dict;
        this.checker = new LyricsChecker(dict);
        this.generator = generator;
        Set<String> words = new TreeSet<>(generator.vocabulary());
        for (String w : corpusVocabulary()) {
            if (w.length() > 1 && w.chars().allMatch(c -> Character.isLetter(c) || c == '\'') && dict.known(w)) {
                words.add(w);
            }
        }
        words.add("i");
        vocabulary = List.copyOf(words);
        for (String w : vocabulary) {
            dict.rhymeKeys(w).forEach(k -> perfectIndex.computeIfAbsent(k, x -> new ArrayList<>()).add(w));
            dict.nearRhymeKeys(w).forEach(k -> nearIndex.computeIfAbsent(k, x -> new ArrayList<>()).add(w));
        }
    }

    private static List<String> corpusVocabulary() {
        try (InputStream in = Songwriter.class.getClassLoader().getResourceAsStream(ModelLyricsGenerator.CLASSPATH_DIR + "vocab.txt")) {
            if (in == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith("<")) {
                        out.add(line.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Perfect and near rhymes for {@code word}, fewest syllables first, at most {@code limit} of each. */
    public Rhymes rhymes(String word, int limit) {
        String w = Pronunciations.normalise(word == null ? "" : word);
        if (w.isEmpty()) {
            throw new IllegalArgumentException("which word should I find rhymes for?");
        }
        Set<String> perfect = new LinkedHashSet<>();
        for (String k : dict.rhymeKeys(w)) {
            for (String r : perfectIndex.getOrDefault(k, List.of())) {
                if (!r.equals(w) && !r.contains("'") && !homophoneLike(r, w)) {
                    perfect.add(r);
                }
            }
        }
        Set<String> near = new LinkedHashSet<>();
        for (String k : dict.nearRhymeKeys(w)) {
            for (String r : nearIndex.getOrDefault(k, List.of())) {
                if (!r.equals(w) && !perfect.contains(r) && !r.contains("'")) {
                    near.add(r);
                }
            }
        }
        return new Rhymes(w, dict.syllables(w), words(perfect, limit), words(near, limit));
    }

    private static boolean homophoneLike(String a, String b) {
        return a.endsWith(b) || b.endsWith(a);
    }

    /** Everyday words (the songwriting lexicon) first, then the corpus's; fewer syllables first within each. */
    private List<Word> words(Set<String> in, int limit) {
        Set<String> everyday = generator.vocabulary();
        return in.stream().filter(x -> x.length() > 2 || everyday.contains(x)).map(x -> new Word(x, dict.syllables(x)))
                .sorted(Comparator.comparing((Word x) -> !everyday.contains(x.word())).thenComparingInt(Word::syllables).thenComparing(Word::word))
                .limit(limit).toList();
    }

    /** Reviews a text; {@code scheme} and {@code syllables} may be null (then the found scheme and the median are used). */
    public Review check(String text, String scheme, Integer syllables) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("paste the lyrics to check");
        }
        CheckReport found = checker.check(text, null, null);
        List<Integer> counts = found.lines().stream().map(CheckReport.Line::syllables).sorted().toList();
        int typical = counts.isEmpty() ? 0 : counts.get(counts.size() / 2);
        String wanted = scheme == null || scheme.isBlank() ? guessScheme(found) : LyricsChecker.normaliseScheme(scheme);
        CheckReport report = checker.check(text, wanted, syllables == null ? typical : syllables);
        int target = syllables == null ? typical : syllables;
        List<WeakRhyme> weak = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        List<CheckReport.Line> lines = report.lines();
        int k = wanted == null ? 0 : wanted.length();
        for (int i = 0; k > 0 && i < lines.size(); i++) {
            int chunk = i / k;
            for (int j = chunk * k; j < i; j++) {
                if (wanted.charAt(j - chunk * k) != wanted.charAt(i - chunk * k)) {
                    continue;
                }
                String a = lines.get(j).lastWord();
                String b = lines.get(i).lastWord();
                String kind = a.equals(b) ? "same word" : dict.rhymes(a, b) ? null
                        : dict.nearRhymeKeys(a).stream().anyMatch(dict.nearRhymeKeys(b)::contains) ? "near rhyme" : "no rhyme";
                if (kind != null) {
                    weak.add(new WeakRhyme(i + 1, j + 1, b, a, kind));
                    List<String> options = rhymes(a, 6).perfect().stream().map(Word::word).filter(x -> !x.equals(b)).limit(6).toList();
                    String what = switch (kind) {
                        case "same word" -> String.format(Locale.ROOT, "line %d repeats '%s' from line %d (an identical rhyme)", i + 1, b, j + 1);
                        case "near rhyme" -> String.format(Locale.ROOT, "line %d ends with '%s', only a near rhyme for '%s' (line %d)", i + 1, b, a, j + 1);
                        default -> String.format(Locale.ROOT, "line %d ends with '%s', which does not rhyme with '%s' (line %d)", i + 1, b, a, j + 1);
                    };
                    suggestions.add(what + (options.isEmpty() ? "" : "; perfect rhymes: " + String.join(", ", options)));
                }
                break;
            }
        }
        for (CheckReport.Line l : lines) {
            int off = l.syllables() - target;
            if (Math.abs(off) > 1) {
                suggestions.add(String.format(Locale.ROOT, "line %d has %d syllables, %d %s the %d of the others: %s a word or two", l.number(),
                        l.syllables(), Math.abs(off), off > 0 ? "over" : "under", target, off > 0 ? "drop" : "add"));
            }
        }
        if (!report.unknownWords().isEmpty()) {
            suggestions.add("not in the pronunciation dictionary (syllables estimated from spelling): " + String.join(", ", report.unknownWords()));
        }
        return new Review(report, wanted == null ? found.detectedScheme() : wanted, typical, weak, suggestions);
    }

    private static final List<String> COMMON = List.of("ABAB", "AABB", "ABCB", "ABBA", "AAAA", "AA");

    /**
     * The scheme the writer most likely meant: of the common schemes, the one whose pairs the first
     * stanza's end words satisfy best (a satisfied pair counts 1, a missed one -0.5); null when none
     * scores above 0 (the text does not rhyme).
     */
    String guessScheme(CheckReport found) {
        List<String> ends = found.lines().stream().map(CheckReport.Line::lastWord).limit(4).toList();
        String best = null;
        double bestScore = 0;
        for (String scheme : COMMON) {
            if (scheme.length() > ends.size()) {
                continue;
            }
            double score = 0;
            for (int i = 0; i < scheme.length(); i++) {
                for (int j = i + 1; j < scheme.length(); j++) {
                    if (scheme.charAt(i) == scheme.charAt(j)) {
                        score += dict.rhymes(ends.get(i), ends.get(j)) && !ends.get(i).equals(ends.get(j)) ? 1 : -0.5;
                    }
                }
            }
            if (score > bestScore) {
                best = scheme;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Lines that continue the text: they keep its rhyme pattern (the last stanza's, else {@code scheme}
     * or ABAB), its typical syllable count and its own words as the theme.
     */
    public List<String> continueVerse(String text, int count, String scheme, Long seed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("paste the verse to continue");
        }
        if (count < 1 || count > 16) {
            throw new IllegalArgumentException("I can add 1 to 16 lines, not " + count);
        }
        String[] stanzas = text.strip().split("\\n\\s*\\n");
        String last = stanzas[stanzas.length - 1];
        CheckReport found = checker.check(last, null, null);
        String pattern = scheme != null && !scheme.isBlank() ? LyricsChecker.normaliseScheme(scheme) : guessScheme(found);
        if (pattern == null) {
            pattern = "ABAB";
        }
        List<String> ends = found.lines().stream().map(CheckReport.Line::lastWord).toList();
        int prior = ends.size() % pattern.length();
        List<String> priorEnds = ends.subList(ends.size() - prior, ends.size());
        StringBuilder letters = new StringBuilder();
        while (letters.length() < prior + count) {
            letters.append(pattern);
        }
        List<Integer> counts = found.lines().stream().map(CheckReport.Line::syllables).sorted().toList();
        int target = Math.max(3, Math.min(16, counts.get(counts.size() / 2)));
        // rhyme on with the lines of the unfinished stanza; a new stanza starts fresh
        List<String> out = new ArrayList<>();
        int written = 0;
        List<String> carry = priorEnds;
        while (written < count) {
            int take = Math.min(count - written, pattern.length() - carry.size());
            String chunk = pattern.substring(0, carry.size() + take);
            out.addAll(generator.continueLines(themeOf(text), chunk, carry, target, seed == null ? null : seed + written));
            written += take;
            carry = List.of();
        }
        return out;
    }

    /** The text with line {@code number} (1-based, non-blank lines) rewritten to end on a rhyme for {@code rhymeWith}. */
    public String rewriteLine(String text, int number, String rhymeWith, Long seed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("paste the lyrics with the line to rewrite");
        }
        String target = Pronunciations.normalise(rhymeWith == null ? "" : rhymeWith);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("which word should the line rhyme with?");
        }
        List<String> raw = new ArrayList<>(List.of(text.split("\\R", -1)));
        int seen = 0;
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).isBlank()) {
                continue;
            }
            if (++seen == number) {
                int syl = 0;
                for (String w : LyricsChecker.words(raw.get(i))) {
                    syl += dict.syllables(w);
                }
                List<String> line = generator.continueLines(themeOf(text), "AA", List.of(target), Math.max(3, syl), seed);
                raw.set(i, line.getFirst());
                return String.join("\n", raw);
            }
        }
        throw new IllegalArgumentException("there is no line " + number + " (the text has " + seen + " lines)");
    }

    /** The text's most frequent content words, as a theme. */
    static String themeOf(String text) {
        Map<String, Integer> freq = new LinkedHashMap<>();
        for (String w : LyricsChecker.words(text)) {
            String n = Pronunciations.normalise(w);
            if (n.length() > 2 && !Theme.STOP.contains(n)) {
                freq.merge(n, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(freq.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(3, top.size()); i++) {
            words.add(top.get(i).getKey());
        }
        return words.isEmpty() ? "a song" : String.join(" ", words);
    }

    /** Unused words of the vocabulary are not exposed; the count is for measurements. */
    public int vocabularySize() {
        return Collections.unmodifiableList(vocabulary).size();
    }
}
