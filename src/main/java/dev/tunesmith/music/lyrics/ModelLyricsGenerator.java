package dev.tunesmith.music.lyrics;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.lm.PredictorPool;
import dev.tunesmith.music.lm.Sampling;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Lyrics from the word-level DJL model with hard constraints. Lines are written backwards (the model
 * is trained on reversed lines): the rhyme word is sampled first, restricted to words that rhyme with
 * the line's scheme partner (or, for a new rhyme letter, to words with enough rhyming partners in
 * the vocabulary and no rhyme with the other letters), then words are added while only words that fit
 * the remaining syllable budget are allowed, so every line has exactly the requested syllables (as
 * counted by {@link Pronunciations}). Only words found in the pronunciation dictionary are used
 * (this drops old spellings such as {@code ffor} and most dialect forms, and makes the syllable
 * counts exact). Theme words known to the model get a logit bonus. The model state runs across the
 * lines of a stanza.
 */
public final class ModelLyricsGenerator implements LyricsGenerator {

    /** Classpath folder of the shipped model. */
    public static final String CLASSPATH_DIR = "models/lyrics/";

    private static final Set<String> WEAK_ENDINGS = Set.of("the", "a", "an", "and", "of", "to", "in", "my", "his", "her", "your", "their", "our",
            "is", "was", "but", "or", "for", "with", "that", "as", "on", "at", "by", "from", "i", "o", "its", "it's", "if", "than", "so", "nor",
            "this", "these", "those", "we", "they", "he", "she", "be", "are", "were", "has", "had", "have", "did", "do", "will", "shall", "would");
    private static final double TEMPERATURE = 0.9;
    private static final double TOP_P = 0.92;
    private static final float THEME_BONUS = 1.5f;

    private final TokenLm model;
    private final PredictorPool pool;
    private final Vocabulary vocab;
    private final int[] syllables;
    private final List<List<String>> keys = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();
    private final boolean[] word;
    private final boolean[] endable;
    private final int line;
    private final int start;

    private ModelLyricsGenerator(TokenLm model, int predictors, Pronunciations dict) {
        this.model = model;
        this.vocab = model.vocabulary();
        int n = vocab.size();
        syllables = new int[n];
        word = new boolean[n];
        endable = new boolean[n];
        for (int i = 0; i < n; i++) {
            String t = vocab.token(i);
            boolean w = !LyricsTokens.SPECIALS.contains(t) && dict.known(t);
            word[i] = w;
            syllables[i] = w ? Math.max(1, dict.syllables(t)) : 0;
            List<String> k = w ? dict.rhymeKeys(t) : List.of();
            keys.add(k);
            for (String key : k) {
                byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
            }
            endable[i] = w && !WEAK_ENDINGS.contains(t);
        }
        line = vocab.id(LyricsTokens.LINE);
        start = vocab.id(LyricsTokens.START);
        this.pool = new PredictorPool(model, predictors);
    }

    /** A generator over a loaded model (takes ownership). */
    public static ModelLyricsGenerator of(TokenLm model, int predictors) {
        return new ModelLyricsGenerator(model, predictors, Pronunciations.shared());
    }

    /** Loads the model shipped under {@value #CLASSPATH_DIR}. */
    public static ModelLyricsGenerator loadShipped(int predictors) {
        System.setProperty("ai.djl.offline", "true");
        return of(TokenLm.loadClasspath(CLASSPATH_DIR, "lyrics"), predictors);
    }

    /** Loads a folder written by {@code train-lyrics}. */
    public static ModelLyricsGenerator load(Path dir, int predictors) {
        System.setProperty("ai.djl.offline", "true");
        return of(TokenLm.load(dir, "lyrics"), predictors);
    }

    @Override
    public Draft write(LyricsRequest req) {
        Random rng = new Random(req.seed() != null ? req.seed() : ThreadLocalRandom.current().nextLong());
        String scheme = req.scheme();
        Set<Integer> theme = new HashSet<>();
        if (req.theme() != null) {
            for (String w : LyricsTokens.words(req.theme())) {
                if (vocab.contains(w) && endable[vocab.id(w)]) {
                    theme.add(vocab.id(w));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        Predictor<TokenLm.Step, TokenLm.StepResult> p = pool.borrow();
        try {
            TokenLm.StepResult state = null;
            int previous = start;
            Map<Character, Integer> anchors = new LinkedHashMap<>();
            Set<Integer> usedEnds = new HashSet<>();
            for (int i = 0; i < req.lines(); i++) {
                int pos = i % scheme.length();
                if (pos == 0) {
                    anchors.clear();
                    usedEnds.clear();
                }
                char letter = scheme.charAt(pos);
                int groupEnd = Math.min(scheme.length(), req.lines() - (i - pos));
                int partnersNeeded = 0;
                for (int j = pos + 1; j < groupEnd; j++) {
                    if (scheme.charAt(j) == letter) {
                        partnersNeeded++;
                    }
                }
                state = p.predict(state == null ? new TokenLm.Step(new int[] {start, line}, null, null) : new TokenLm.Step(new int[] {previous, line}, state.h(), state.c()));
                int budget = req.syllablesPerLine();
                boolean[] mask = endMask(letter, anchors, usedEnds, partnersNeeded, budget);
                int id = Sampling.sample(boost(state.logits(), theme), mask, TEMPERATURE, TOP_P, rng);
                anchors.putIfAbsent(letter, id);
                usedEnds.add(id);
                List<String> words = new ArrayList<>();
                words.add(vocab.token(id));
                budget -= syllables[id];
                while (budget > 0) {
                    state = p.predict(new TokenLm.Step(new int[] {id}, state.h(), state.c()));
                    boolean[] m = new boolean[vocab.size()];
                    for (int w = 0; w < m.length; w++) {
                        m[w] = word[w] && syllables[w] <= budget && w != id;
                    }
                    id = Sampling.sample(boost(state.logits(), theme), m, TEMPERATURE, TOP_P, rng);
                    words.add(vocab.token(id));
                    budget -= syllables[id];
                }
                previous = id;
                Collections.reverse(words);
                lines.add(capitalise(String.join(" ", words)));
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("lyrics model inference failed", e);
        } finally {
            pool.release(p);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append(i % scheme.length() == 0 ? "\n\n" : "\n");
            }
            text.append(lines.get(i));
        }
        return new Draft(title(req.theme(), lines.getFirst()), text.toString());
    }

    private boolean[] endMask(char letter, Map<Character, Integer> anchors, Set<Integer> usedEnds, int partnersNeeded, int budget) {
        boolean[] m = new boolean[vocab.size()];
        Integer anchor = anchors.get(letter);
        boolean any = false;
        for (int w = 0; w < m.length; w++) {
            if (!endable[w] || syllables[w] > budget || usedEnds.contains(w)) {
                continue;
            }
            if (anchor != null) {
                m[w] = sharesKey(w, anchor);
            } else {
                boolean clash = false;
                for (int other : anchors.values()) {
                    clash |= sharesKey(w, other);
                }
                m[w] = !clash && partners(w, usedEnds) >= partnersNeeded;
            }
            any |= m[w];
        }
        if (!any) {
            for (int w = 0; w < m.length; w++) {
                m[w] = word[w] && syllables[w] <= budget;
            }
        }
        return m;
    }

    private boolean sharesKey(int a, int b) {
        for (String k : keys.get(a)) {
            if (keys.get(b).contains(k)) {
                return true;
            }
        }
        return false;
    }

    private int partners(int w, Set<Integer> used) {
        Set<Integer> p = new HashSet<>();
        for (String k : keys.get(w)) {
            for (int o : byKey.getOrDefault(k, List.of())) {
                if (o != w && endable[o] && !used.contains(o)) {
                    p.add(o);
                }
            }
        }
        return p.size();
    }

    private static float[] boost(float[] logits, Set<Integer> theme) {
        if (theme.isEmpty()) {
            return logits;
        }
        float[] b = logits.clone();
        for (int t : theme) {
            b[t] += THEME_BONUS;
        }
        return b;
    }

    private static String capitalise(String s) {
        String t = s.replaceAll("\\bi\\b", "I");
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String title(String theme, String firstLine) {
        String base = theme != null && !theme.isBlank() ? theme.strip() : firstLine;
        String[] w = base.split("\\s+");
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < Math.min(6, w.length); i++) {
            if (i > 0) {
                t.append(' ');
            }
            t.append(w[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(w[i].substring(1));
        }
        return t.toString();
    }

    @Override
    public void close() {
        pool.close();
        model.close();
    }
}
