package dev.tunesmith.music.lyrics;

import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lyrics about the theme, in plain English, with a verse/chorus structure. Lines come from a phrase
 * grammar (line frames with noun, adjective, verb and hook slots, {@code lyrics/frames.txt}) filled
 * from a songwriting lexicon ({@code lyrics/lexicon.txt}). The theme conditions every choice: its own
 * content words fill slots first, then its nearest lexicon words in an embedding space (when a
 * {@link WordEmbedder} is given), then the rest of the lexicon. Each line is the best of many sampled
 * fills under hard constraints: the syllable count (CMUdict, exact when possible, else ±1), a perfect
 * rhyme with the line's scheme partner (never the same word), and for a new rhyme letter an end word
 * that has partners to rhyme with. Stanzas follow the scheme; verses alternate with one chorus that
 * repeats word for word and opens with the theme's hook; the title comes from the theme.
 */
public final class ThemedLyricsGenerator implements LyricsGenerator {

    /** Parts of speech of the lexicon. */
    enum Pos { N, A, V, P, B, M, S }

    private static final Pattern SLOT = Pattern.compile("\\{([NAVPBMSGHT])(\\.?)\\}(\\S*)");
    private static final int NEIGHBOURS = 14;
    private static final int CANDIDATES = 500;

    private record Frame(String text, boolean chorus, boolean hasHook) {}

    private record Candidate(String text, int syllables, String endWord, Set<String> words, Frame frame, double score) {}

    private final Pronunciations dict;
    private final Map<Pos, List<String>> lexicon = new EnumMap<>(Pos.class);
    private final Map<String, Set<Pos>> posOf = new HashMap<>();
    private final Map<String, List<String>> byRhymeKey = new HashMap<>();
    private final List<Frame> verseFrames = new ArrayList<>();
    private final List<Frame> chorusFrames = new ArrayList<>();
    private final WordEmbedder embedder;
    /** A word's rating from −4 (extremely unpleasant) to +4, 0 when unrated (the product passes the VADER lexicon's). */
    private final java.util.function.ToDoubleFunction<String> feeling;
    private volatile Map<String, float[]> vectors;

    private ThemedLyricsGenerator(Pronunciations dict, List<String> lexiconLines, List<String> frameLines, WordEmbedder embedder,
            java.util.function.ToDoubleFunction<String> feeling) {
        this.dict = dict;
        this.embedder = embedder;
        this.feeling = feeling == null ? w -> 0 : feeling;
        for (Pos p : Pos.values()) {
            lexicon.put(p, new ArrayList<>());
        }
        for (String line : lexiconLines) {
            int colon = line.indexOf(':');
            Pos pos = Pos.valueOf(line.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            Pos also = pos == Pos.P || pos == Pos.B ? Pos.N : pos == Pos.M || pos == Pos.S ? Pos.V : null;
            for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                for (Pos p : also == null ? List.of(pos) : List.of(pos, also)) {
                    if (dict.known(w) && posOf.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(p)) {
                        lexicon.get(p).add(w);
                    }
                }
            }
        }
        for (String w : posOf.keySet()) {
            for (String k : dict.rhymeKeys(w)) {
                byRhymeKey.computeIfAbsent(k, x -> new ArrayList<>()).add(w);
            }
        }
        for (String line : frameLines) {
            boolean chorus = line.startsWith("chorus:");
            String text = line.substring(line.indexOf(':') + 1).strip();
            (chorus ? chorusFrames : verseFrames).add(new Frame(text, chorus, text.contains("{T}")));
        }
    }

    /** The shipped lexicon and frames; {@code embedder} may be null (then only the theme's own words steer). */
    public static ThemedLyricsGenerator loadShipped(WordEmbedder embedder) {
        return loadShipped(embedder, null);
    }

    /**
     * As {@link #loadShipped(WordEmbedder)}, with {@code feeling} rating words from −4 to +4 (null: none rated): a glad
     * song (its mood words rated above 1) keeps words rated −1 or lower out where it can.
     */
    public static ThemedLyricsGenerator loadShipped(WordEmbedder embedder, java.util.function.ToDoubleFunction<String> feeling) {
        return new ThemedLyricsGenerator(Pronunciations.shared(), resource("lyrics/lexicon.txt"), resource("lyrics/frames.txt"), embedder,
                feeling);
    }

    private static List<String> resource(String path) {
        try (InputStream in = ThemedLyricsGenerator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("classpath resource " + path + " is missing");
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All lexicon words (for neighbour look-ups and measurements). */
    public Set<String> vocabulary() {
        return java.util.Collections.unmodifiableSet(posOf.keySet());
    }

    /** Lexicon words closest to the theme's content words in the embedding space (empty without an embedder). */
    public List<String> neighbours(Theme theme, int k) {
        if (embedder == null) {
            return List.of();
        }
        Map<String, float[]> vs = vectors();
        List<float[]> themeVectors = new ArrayList<>();
        themeVectors.add(embedder.embed(theme.text()));
        for (String w : theme.contentWords()) {
            if (!theme.names().contains(w)) {
                themeVectors.add(vs.containsKey(w) ? vs.get(w) : embedder.embed(w));
            }
        }
        return nearest(themeVectors, w -> theme.contentWords().contains(w), k);
    }

    /** The {@code k} lexicon words of highest cosine to any of {@code anchors}, best first, none that {@code skip} names. */
    private List<String> nearest(List<float[]> anchors, java.util.function.Predicate<String> skip, int k) {
        Map<String, Double> score = new HashMap<>();
        for (var e : vectors().entrySet()) {
            if (skip.test(e.getKey())) {
                continue;
            }
            double best = -1;
            for (float[] t : anchors) {
                best = Math.max(best, WordEmbedder.cosine(t, e.getValue()));
            }
            score.put(e.getKey(), best);
        }
        return score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(k)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Lexicon words closest to the theme's mood words ("sad": tears, lonely, grey …), each mood word itself first when
     * the lexicon has it; empty without moods or an embedder.
     */
    public List<String> moodNeighbours(Theme theme, int k) {
        if (theme.moods().isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(theme.moods().stream().filter(posOf::containsKey).toList());
        if (embedder == null) {
            return out;
        }
        Map<String, float[]> vs = vectors();
        // the mood words alone: "a sad song" would draw song, chorus and tune
        List<float[]> moodVectors = new ArrayList<>();
        for (String m : theme.moods()) {
            moodVectors.add(vs.containsKey(m) ? vs.get(m) : embedder.embed(m));
        }
        List<String> own = List.copyOf(out);
        out.addAll(nearest(moodVectors, w -> own.contains(w) || theme.contentWords().contains(w), k));
        return out;
    }

    private Map<String, float[]> vectors() {
        Map<String, float[]> vs = vectors;
        if (vs == null) {
            synchronized (this) {
                vs = vectors;
                if (vs == null) {
                    vs = new HashMap<>();
                    for (String w : posOf.keySet()) {
                        vs.put(w, embedder.embed(w));
                    }
                    vectors = vs;
                }
            }
        }
        return vs;
    }

    @Override
    public Draft write(LyricsRequest req) {
        Random rng = new Random(req.seed() != null ? req.seed() : ThreadLocalRandom.current().nextLong());
        Theme theme = Theme.of(req.theme(), dict);
        Pools pools = new Pools(theme, neighbours(theme, NEIGHBOURS), moodNeighbours(theme, NEIGHBOURS));
        String scheme = req.scheme();
        int k = scheme.length();
        int stanzas = (req.lines() + k - 1) / k;
        List<String> chorus = null;
        Map<String, Integer> usedWords = new HashMap<>();
        Set<Frame> usedFrames = new HashSet<>();
        List<List<String>> out = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        int remaining = req.lines();
        for (int s = 0; s < stanzas; s++) {
            int n = Math.min(k, remaining);
            remaining -= n;
            boolean isChorus = stanzas == 1 || s % 2 == 1;
            if (isChorus) {
                if (chorus == null) {
                    chorus = stanza(scheme, true, req.syllablesPerLine(), pools, usedWords, usedFrames, rng);
                }
                out.add(chorus.subList(0, n));
                sections.add("chorus");
            } else {
                out.add(stanza(scheme.substring(0, n), false, req.syllablesPerLine(), pools, usedWords, usedFrames, rng));
                sections.add("verse");
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> st : out) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(String.join("\n", st));
        }
        return new Draft(theme.title(), text.toString(), sections);
    }

    /**
     * New lines that carry on a text: {@code pattern} gives the rhyme letters of the prior lines and the
     * new ones ({@code priorEnds.size() + count} letters); new lines rhyme with the prior end words of
     * their letter. The theme is the text's own content words (or any theme text).
     */
    public List<String> continueLines(String themeText, String pattern, List<String> priorEnds, int target, Long seed) {
        if (pattern.length() <= priorEnds.size()) {
            throw new IllegalArgumentException("nothing to add: the pattern has " + pattern.length() + " letters for " + priorEnds.size() + " lines");
        }
        Random rng = new Random(seed != null ? seed : ThreadLocalRandom.current().nextLong());
        Theme theme = Theme.of(themeText, dict);
        Pools pools = new Pools(theme, neighbours(theme, NEIGHBOURS), moodNeighbours(theme, NEIGHBOURS));
        return stanza(pattern, priorEnds, false, target, pools, new HashMap<>(), new HashSet<>(), rng);
    }

    /**
     * One stanza on {@code themeText} in {@code scheme} ({@code chorus}: opening with the theme's hook),
     * avoiding the end words and line frames of the song's other stanzas ({@code otherLines}) so that a
     * replaced or added section reads new.
     */
    public List<String> stanza(String themeText, String scheme, int target, boolean chorus, List<String> otherLines, Long seed) {
        Random rng = new Random(seed != null ? seed : ThreadLocalRandom.current().nextLong());
        Theme theme = Theme.of(themeText, dict);
        Pools pools = new Pools(theme, neighbours(theme, NEIGHBOURS), moodNeighbours(theme, NEIGHBOURS));
        Map<String, Integer> used = new HashMap<>();
        for (String l : otherLines) {
            for (String w : LyricsChecker.words(l)) {
                used.merge(Pronunciations.normalise(w), 1, Integer::sum);
            }
        }
        // the section is about its theme: of up to 32 drafts (templates: cheap), the first that says a theme word, else the one
        // with the most; with 8, a CI run saw a rewrite "about the sea" that named only neighbours ("harbor", "salt", "whale")
        List<String> best = null;
        int bestHits = -1;
        for (int attempt = 0; attempt < 32 && bestHits < 1; attempt++) {
            List<String> draft = stanza(scheme, chorus, target, pools, new HashMap<>(used), new HashSet<>(), rng);
            int hits = 0;
            for (String l : draft) {
                for (String w : LyricsChecker.words(l)) {
                    hits += pools.themeWords.contains(Pronunciations.normalise(w)) ? 1 : 0;
                }
            }
            if (hits > bestHits) {
                best = draft;
                bestHits = hits;
            }
        }
        return best;
    }

    /** The theme's words, its neighbours and the lexicon, per slot kind. */
    private final class Pools {
        final Theme theme;
        final Map<Pos, List<String>> themed = new EnumMap<>(Pos.class);
        final Map<Pos, List<String>> near = new EnumMap<>(Pos.class);
        final Map<Pos, List<String>> mood = new EnumMap<>(Pos.class);
        final Set<String> themeWords = new HashSet<>();
        final Set<String> nearWords = new HashSet<>();
        /** Whether the song's asked mood is glad ("happy", "joyful", "cheerful", "warm": rated above 1, {@link #gladness}). */
        final boolean glad;

        Pools(Theme theme, List<String> neighbours, List<String> moodWords) {
            this.theme = theme;
            glad = !theme.moods().isEmpty() && theme.moods().stream().mapToDouble(ThemedLyricsGenerator.this::gladness).average().orElse(0) > 1;
            for (Pos p : Pos.values()) {
                themed.put(p, new ArrayList<>());
                near.put(p, new ArrayList<>());
                mood.put(p, new ArrayList<>());
            }
            for (String w : moodWords) {
                posOf.getOrDefault(w, Set.of()).forEach(p -> mood.get(p).add(w));
            }
            for (String w : theme.contentWords()) {
                themeWords.add(w);
                if (theme.names().contains(w)) {
                    continue; // names live in the hook only ("the Max" reads wrong)
                }
                Set<Pos> ps = posOf.get(w);
                if (ps != null) {
                    ps.forEach(p -> themed.get(p).add(w));
                } else if (w.endsWith("ing") && stem(w) != null) {
                    themed.get(Pos.V).add(stem(w));
                    themeWords.add(stem(w));
                } else if (w.endsWith("s") && posOf.containsKey(w.substring(0, w.length() - 1))) {
                    String single = w.substring(0, w.length() - 1);
                    posOf.get(single).forEach(p -> themed.get(p).add(single));
                    themeWords.add(single);
                } else if (dict.known(w) && theme.nounLike().contains(w) && !w.endsWith("ly") && !w.endsWith("ed")) {
                    String single = w.endsWith("s") && !w.endsWith("ss") && dict.known(w.substring(0, w.length() - 1)) ? w.substring(0, w.length() - 1) : w;
                    themed.get(w.endsWith("ful") || w.endsWith("less") ? Pos.A : Pos.N).add(single);
                    themeWords.add(single);
                }
            }
            for (String w : neighbours) {
                nearWords.add(w);
                posOf.getOrDefault(w, Set.of()).forEach(p -> near.get(p).add(w));
            }
        }

        String pick(Pos pos, Random rng, Set<String> avoid) {
            List<String> t = themed.get(pos);
            List<String> n = near.get(pos);
            List<String> md = mood.get(pos);
            for (int tries = 0; tries < 4; tries++) {
                double r = rng.nextDouble();
                // after the subject's own words, a mood takes 0.45 of the choices (0.3 let the mood reach the words less
                // often, see the README's lyrics bench): the subject still leads
                double m = md.isEmpty() ? 0 : 0.45;
                List<String> from = !t.isEmpty() && r < 0.4 ? t : !md.isEmpty() && r < 0.4 + m ? md : !n.isEmpty() && r < 0.75 + m / 2 ? n : lexicon.get(pos);
                String w = from.get(rng.nextInt(from.size()));
                if (!avoid.contains(w)) {
                    return w;
                }
            }
            List<String> all = lexicon.get(pos);
            return all.get(rng.nextInt(all.size()));
        }
    }

    private List<String> stanza(String scheme, boolean chorus, int target, Pools pools, Map<String, Integer> usedWords, Set<Frame> usedFrames,
            Random rng) {
        return stanza(scheme, List.of(), chorus, target, pools, usedWords, usedFrames, rng);
    }

    /** The lines of {@code scheme} after the {@code priorEnds.size()} lines already written (whose end words rhyme on). */
    private List<String> stanza(String scheme, List<String> priorEnds, boolean chorus, int target, Pools pools, Map<String, Integer> usedWords,
            Set<Frame> usedFrames, Random rng) {
        List<String> lines = new ArrayList<>();
        List<String> ends = new ArrayList<>(priorEnds);
        for (int i = priorEnds.size(); i < scheme.length(); i++) {
            char letter = scheme.charAt(i);
            String partner = null;
            for (int j = 0; j < i; j++) {
                if (scheme.charAt(j) == letter) {
                    partner = ends.get(j);
                    break;
                }
            }
            boolean needsPartners = partner == null && scheme.indexOf(letter, i + 1) >= 0;
            Set<String> otherEnds = new HashSet<>();
            for (int j = 0; j < i; j++) {
                if (scheme.charAt(j) != letter) {
                    otherEnds.add(ends.get(j));
                }
            }
            boolean hookLine = chorus && (i == 0 || (scheme.length() >= 4 && i == scheme.length() - 2));
            Candidate best = line(hookLine ? chorusFrames : verseFrames, target, partner, needsPartners, otherEnds, ends, pools, usedWords,
                    usedFrames, rng);
            lines.add(best.text());
            ends.add(best.endWord());
            usedFrames.add(best.frame());
            for (String w : best.words()) {
                usedWords.merge(w, 1, Integer::sum);
            }
        }
        return lines;
    }

    private Candidate line(List<Frame> frames, int target, String partner, boolean needsPartners, Set<String> otherEnds, List<String> ends,
            Pools pools, Map<String, Integer> usedWords, Set<Frame> usedFrames, Random rng) {
        Map<String, Candidate> top = new HashMap<>();
        for (int c = 0; c < CANDIDATES; c++) {
            Frame f = frames.get(rng.nextInt(frames.size()));
            Candidate cand = fill(f, pools, partner, usedWords, rng);
            if (cand == null) {
                continue;
            }
            String end = cand.endWord();
            if (partner != null && (end.equals(partner) || !dict.rhymes(end, partner))) {
                continue;
            }
            if (ends.contains(end) || otherEnds.stream().anyMatch(o -> dict.rhymes(o, end))) {
                continue;
            }
            if (needsPartners && partners(end) < 2) {
                continue;
            }
            int off = Math.abs(cand.syllables() - target);
            double score = off == 0 ? 4 : off == 1 ? 1 : -3 * off;
            // theme words and their neighbours pay off, less each time the song has used them already
            double themed = f.hasHook() ? 2 : 0;
            for (String w : cand.words()) {
                int used = usedWords.getOrDefault(w, 0);
                if (pools.themeWords.contains(w)) {
                    themed += 3.0 / (1 + used);
                } else if (pools.nearWords.contains(w)) {
                    themed += 1.5 / (1 + used);
                } else if (used > 0) {
                    themed -= 1.5;
                }
            }
            // a glad song keeps its gloomy words out where the line can do without ("every grandma felt dark" in a chorus
            // made happier): each such word costs as much as a syllable off
            if (pools.glad) {
                for (String w : cand.words()) {
                    if (gloomy(w)) {
                        score -= 3;
                    }
                }
            }
            score += Math.min(themed, 4) - (usedFrames.contains(f) ? 4 : 0) + rng.nextDouble() * 0.5;
            Candidate prior = top.get(cand.text());
            if (prior == null || score > prior.score()) {
                top.put(cand.text(), new Candidate(cand.text(), cand.syllables(), end, cand.words(), f, score));
            }
        }
        Candidate best = top.values().stream().max(Comparator.comparingDouble(Candidate::score)).orElse(null);
        if (best == null) {
            // no rhyme in the lexicon: keep the line's meaning and length, the checker will show the miss
            return line(frames, target, null, false, Set.of(), List.of(), pools, usedWords, usedFrames, rng);
        }
        return best;
    }

    /**
     * Words of the lexicon that darken a line: rated −1 or lower by {@code feeling} (with the VADER lexicon: cruel,
     * lonely, broken, tired, cry) and the lexicon's gloomy words that VADER does not rate or rates only mildly (it was
     * built for social-media text).
     */
    public boolean gloomy(String w) {
        return feeling.applyAsDouble(w) <= -1 || UNRATED_GLOOM.contains(w);
    }

    /**
     * How glad a mood word is: {@code feeling}'s rating, or 2 for the warm moods VADER does not rate or rates only
     * mildly ("warm" 0.9, "cozy" and "tender" unrated), which a gloomy word spoils as much as it spoils "happy" ("something
     * warm about my grandmother's garden" wrote "And every garden felt dark").
     */
    public double gladness(String mood) {
        return UNRATED_WARM.contains(mood) ? Math.max(2, feeling.applyAsDouble(mood)) : feeling.applyAsDouble(mood);
    }

    private static final Set<String> UNRATED_WARM = Set.of("warm", "warmly", "cozy", "cosy", "tender", "tenderly", "snug", "homely",
            "homey", "sunny", "summery", "affectionate", "heartwarming", "wholesome");

    private static final Set<String> UNRATED_GLOOM = Set.of("dark", "cold", "gray", "grey", "black", "ghost", "grave", "ash", "shadow",
            "faded", "fading", "frozen", "heavy", "weary", "empty", "silent", "restless", "tear", "tears", "storm", "stormy");

    private int partners(String word) {
        Set<String> out = new HashSet<>();
        for (String k : dict.rhymeKeys(word)) {
            for (String w : byRhymeKey.getOrDefault(k, List.of())) {
                if (!w.equals(word)) {
                    out.add(w);
                }
            }
        }
        return out.size();
    }

    /** Fills a frame; the rhyme slot draws from words rhyming with {@code partner} when there is one. */
    private Candidate fill(Frame f, Pools pools, String partner, Map<String, Integer> usedWords, Random rng) {
        Matcher m = SLOT.matcher(f.text());
        StringBuilder sb = new StringBuilder();
        Set<String> words = new LinkedHashSet<>();
        int last = 0;
        while (m.find()) {
            sb.append(f.text(), last, m.start());
            String kind = m.group(1);
            boolean end = !m.group(2).isEmpty();
            String w;
            if (kind.equals("T")) {
                w = pools.theme.hook();
            } else {
                Pos pos = kind.equals("G") ? Pos.M : kind.equals("H") ? Pos.S : Pos.valueOf(kind);
                if (end && partner != null) {
                    List<String> rhyming = new ArrayList<>();
                    for (String key : dict.rhymeKeys(partner)) {
                        for (String r : byRhymeKey.getOrDefault(key, List.of())) {
                            if (posOf.get(r).contains(pos) && !r.equals(partner)) {
                                rhyming.add(r);
                            }
                        }
                    }
                    if (rhyming.isEmpty()) {
                        return null;
                    }
                    rhyming.sort(Comparator.comparing((String r) -> !pools.themeWords.contains(r) && !pools.nearWords.contains(r)));
                    w = rng.nextDouble() < 0.6 ? rhyming.getFirst() : rhyming.get(rng.nextInt(rhyming.size()));
                } else {
                    w = pools.pick(pos, rng, words);
                }
                if (kind.equals("G") || kind.equals("H")) {
                    w = gerund(w);
                    if (!dict.known(w)) {
                        return null;
                    }
                }
            }
            sb.append(w).append(m.group(3));
            for (String t : LyricsChecker.words(w)) {
                words.add(Pronunciations.normalise(t));
            }
            last = m.end();
        }
        sb.append(f.text().substring(last));
        String text = sb.toString().replaceAll("\\ba ([aeiouAEIOU])", "an $1");
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        int syl = 0;
        for (String t : LyricsChecker.words(text)) {
            syl += dict.syllables(t);
        }
        List<String> all = LyricsChecker.words(text);
        String endWord = Pronunciations.normalise(all.getLast());
        return new Candidate(text, syl, endWord, words, f, 0);
    }

    static String gerund(String v) {
        if (v.endsWith("ie")) {
            return v.substring(0, v.length() - 2) + "ying";
        }
        if (v.endsWith("e") && !v.endsWith("ee") && v.length() > 2) {
            return v.substring(0, v.length() - 1) + "ing";
        }
        if (v.length() <= 4 && v.matches(".*[^aeiou][aeiou][bdgmnprt]")) {
            return v + v.charAt(v.length() - 1) + "ing";
        }
        return v + "ing";
    }

    /** The lexicon verb a gerund comes from ("leaving" → "leave", "running" → "run"), or null. */
    private String stem(String gerund) {
        String s = gerund.substring(0, gerund.length() - 3);
        for (String c : List.of(s, s + "e", s.length() > 2 ? s.substring(0, s.length() - 1) : s, s.endsWith("y") ? s.substring(0, s.length() - 1) + "ie" : s)) {
            if (posOf.getOrDefault(c, Set.of()).contains(Pos.V)) {
                return c;
            }
        }
        return null;
    }

    /** Counts for tests and measurements: lexicon words per part of speech. */
    Map<String, Integer> sizes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        lexicon.forEach((p, l) -> m.put(p.name(), l.size()));
        return m;
    }

    @Override
    public void close() {
        // nothing held
    }
}
