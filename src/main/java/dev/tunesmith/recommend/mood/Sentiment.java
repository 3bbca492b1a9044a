package dev.tunesmith.recommend.mood;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How pleasant the words of a phrase are, from the VADER sentiment lexicon (C. J. Hutto and E. Gilbert, "VADER: A
 * Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014; MIT licence): about 7,500
 * words, each rated from −4 (extremely negative) to +4 (extremely positive) by ten raters, read from the lexicon
 * resource of the {@code vader-sentiment-analyzer} artifact.
 *
 * <p>The score follows VADER's own rules in their simplest form: a rated word's valence is flipped and damped (×
 * −0.74) when one of the three words before it negates it ("not happy", "never felt alive"), and the sum is
 * normalised to (−1, 1) as {@code s / √(s² + 15)}, VADER's compound score. A phrase with no rated word scores 0.
 *
 * <p>The mood parser uses it where a phrase has no vocabulary word: an embedding is a poor judge of polarity ("got
 * engaged" lies near "got dumped", "feel alive" near "feel empty"), the lexicon a good one. Thread-safe; the lexicon
 * is read once.
 */
public final class Sentiment {
    /** The lexicon's classpath resource. */
    static final String RESOURCE = "vader_sentiment_lexicon.txt";
    /** VADER's normalisation constant (alpha). */
    private static final double ALPHA = 15;
    /** VADER's damping of a negated word. */
    private static final double NEGATED = -0.74;
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "none", "neither", "nor",
            "without", "cannot", "cant", "can't", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't",
            "wasnt", "wasn't", "arent", "aren't", "wont", "won't", "hardly", "barely");

    private Sentiment() {}

    private static final class Lexicon {
        static final Map<String, Double> WORDS = load();

        private static Map<String, Double> load() {
            Map<String, Double> m = new HashMap<>();
            try (InputStream in = Sentiment.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the VADER lexicon " + RESOURCE + " is not on the classpath");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null;) {
                    String[] f = line.split("\t");
                    if (f.length >= 2 && !f[0].isBlank()) {
                        m.put(f[0].toLowerCase(Locale.ROOT), Double.parseDouble(f[1]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(m);
        }
    }

    /** The rating of one word (−4..4), or 0 when the lexicon does not rate it. */
    public static double word(String w) {
        return Lexicon.WORDS.getOrDefault(w.toLowerCase(Locale.ROOT), 0.0);
    }

    /** The compound score of {@code text} in (−1, 1): above 0 pleasant, below 0 unpleasant, 0 neutral or unrated. */
    public static double of(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String[] w = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}'’ ]+", " ").replace('’', '\'').trim().split("\\s+");
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double v = Lexicon.WORDS.getOrDefault(w[i], 0.0);
            if (v == 0) {
                continue;
            }
            for (int j = Math.max(0, i - 3); j < i; j++) {
                if (NEGATORS.contains(w[j]) || w[j].endsWith("n't")) {
                    v *= NEGATED;
                    break;
                }
            }
            sum += v;
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }
}
