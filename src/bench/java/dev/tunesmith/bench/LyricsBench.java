package dev.tunesmith.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.tunesmith.agent.offline.IntentRouter;
import dev.tunesmith.create.EmbeddingWords;
import dev.tunesmith.music.CheckReport;
import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsGenerator;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.LyricsService;
import dev.tunesmith.music.lyrics.LyricsChecker;
import dev.tunesmith.music.lyrics.ModelLyricsGenerator;
import dev.tunesmith.music.lyrics.Pronunciations;
import dev.tunesmith.music.lyrics.SongCorpus;
import dev.tunesmith.music.lyrics.Theme;
import dev.tunesmith.music.lyrics.ThemedLyricsGenerator;
import dev.tunesmith.music.lyrics.WordEmbedder;
import dev.tunesmith.recommend.mood.Sentiment;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The lyrics part of {@code bench generate}, on requests worded as a person writes them in the chat
 * (routed by the real intent router: length in digits, words or with a hyphen), for the themed
 * generator that ships and the previous word-level model side by side:
 *
 * <ul>
 *   <li>theme words: share of lyrics that use a content word of the theme (same lemma: plural -s,
 *       -ing, -ed stripped);
 *   <li>theme adherence: share of lyrics with a content word that is a theme word or a close
 *       neighbour of one (MiniLM cosine ≥ {@value #NEIGHBOUR_COSINE} to a theme content word);
 *   <li>length honoured: share of requests whose asked line count (as written) is the routed
 *       {@code lines} and the number of non-blank lines written;
 *   <li>fluency: perplexity of the lines under a word bigram model (absolute discounting, D = 0.75,
 *       continuation unigrams) trained on 90 % of the Gutenberg song stanzas; the held-out 10 %
 *       give the figure for real lines;
 *   <li>scheme and syllable adherence of the checker, and time per text.
 * </ul>
 */
final class LyricsBench {

    static final double NEIGHBOUR_COSINE = 0.6;

    /** Development themes (the landing suite has its own, with other wordings). */
    static final List<String> THEMES = List.of("summer love", "my dog Max", "leaving a small town at dawn", "the sea at night",
            "a broken heart", "my first car", "growing old together", "a rainy Monday", "the last day of school", "coffee with a friend",
            "missing home", "a long train journey", "winter in the city", "my grandmother's kitchen", "dancing in the kitchen",
            "losing a job", "a wedding in June", "the moon over the harbor", "running away to the mountains", "a letter from a soldier",
            "starting over", "fireflies in the backyard", "a storm at sea", "new year's eve", "the road home", "a lighthouse keeper",
            "falling leaves", "a lonely cowboy", "city lights", "my little sister");

    /** Request wordings; {n} is the count in digits, {w} in words, {t} the theme. */
    static final List<String> WORDINGS = List.of("write a {w}-line song about {t}", "{w} lines about {t}, ABAB",
            "lyrics about {t}, {n} lines, AABB", "a {n}-line song about {t}", "write me {n} lines about {t} with rhyme scheme ABCB",
            "a chorus about {t}, {w} lines");

    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen"};
    private static final int[] LENGTHS = {4, 8, 12, 16, 6, 10};

    private LyricsBench() {}

    static void run(int samples, Path lyricsModel, Path songs, Map<String, Object> r, java.io.PrintStream log) {
        EmbeddingModel minilm = new AllMiniLmL6V2EmbeddingModel();
        WordEmbedder words = new EmbeddingWords(minilm);
        IntentRouter router = new IntentRouter();
        Pronunciations dict = Pronunciations.shared();
        BigramLm lm = null;
        List<String> heldOut = List.of();
        if (songs != null && Files.isDirectory(songs)) {
            List<List<String>> stanzas = new ArrayList<>(SongCorpus.load(songs));
            Collections.shuffle(stanzas, new Random(42));
            int cut = stanzas.size() * 9 / 10;
            List<String> train = new ArrayList<>();
            stanzas.subList(0, cut).forEach(train::addAll);
            List<String> test = new ArrayList<>();
            stanzas.subList(cut, stanzas.size()).forEach(test::addAll);
            lm = BigramLm.train(train);
            heldOut = test;
            r.put("fluency.trainLines", train.size());
            r.put("fluency.perplexity.realHeldOutLines", lm.perplexity(heldOut));
        }
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String theme = THEMES.get(i % THEMES.size());
            int n = LENGTHS[(i / THEMES.size() + i) % LENGTHS.length];
            String wording = WORDINGS.get(i % WORDINGS.size());
            String text = wording.replace("{w}", WORDS[n]).replace("{n}", Integer.toString(n)).replace("{t}", theme);
            requests.add(new Request(text, theme, n));
        }
        Map<String, float[]> vectors = new HashMap<>();
        ThemedLyricsGenerator generator = ThemedLyricsGenerator.loadShipped(words, Sentiment::word);
        try (LyricsService themed = LyricsService.of(generator)) {
            measure("lyrics", themed, requests, router, dict, minilm, vectors, lm, r, log, true);
            moods(themed, generator, router, minilm, Math.max(1, samples / 3), r);
        }
        LyricsGenerator old = lyricsModel == null ? ModelLyricsGenerator.loadShipped(1) : ModelLyricsGenerator.load(lyricsModel, 1);
        try (LyricsService previous = LyricsService.of(old)) {
            measure("lyrics.previousModel", previous, requests, router, dict, minilm, vectors, lm, r, log, false);
        }
    }

    record Request(String text, String theme, int lines) {}

    /** Mood pairs asked on the same theme; the judge's anchors use none of the asked words. */
    private static final String[][] MOOD_PAIRS = {{"sad", "grief, sorrow, tears and loss", "joyful", "joy, delight, laughter and celebration"},
        {"angry", "rage, fury and bitter resentment", "tender", "gentle affection, softness and care"}};

    /**
     * Does the asked mood change the words? Per theme and pair, the request is made both ways ("write a sad song about
     * …, 8 lines" / "write a joyful song about …"), routed as in the chat; a text's lean is cos(text, first anchor) −
     * cos(text, second anchor) in MiniLM space (the generator uses MiniLM word neighbours too, so the judge is not
     * independent of it: a check that the mood reaches the words, not a human rating). Pairwise accuracy: the share of
     * themes where the first mood's text leans further to the first anchor; 0.5 is a mood ignored.
     */
    private static void moods(LyricsService service, ThemedLyricsGenerator generator, IntentRouter router, EmbeddingModel minilm, int themes, Map<String, Object> r) {
        for (String[] pair : MOOD_PAIRS) {
            float[] first = minilm.embed(pair[1]).content().vector();
            float[] second = minilm.embed(pair[3]).content().vector();
            int right = 0;
            double gap = 0;
            int themeKept = 0;
            long lines = 0;
            long onScheme = 0;
            long secondLines = 0;
            long gloomySecond = 0;
            for (int i = 0; i < themes; i++) {
                String t = THEMES.get(i % THEMES.size());
                Set<String> subject = new HashSet<>();
                Theme.of(t, Pronunciations.shared()).contentWords().forEach(w -> subject.add(lemma(w)));
                double[] lean = new double[2];
                for (int k = 0; k < 2; k++) {
                    IntentRouter.Route route = router.route("write a " + pair[k * 2] + " song about " + t + ", 8 lines", false);
                    String theme = route.arguments().getString("theme", t);
                    Lyrics l = service.generate(new LyricsRequest(theme, "ABAB", 8, 8, 1000L + i));
                    float[] v = minilm.embed(l.text()).content().vector();
                    for (CheckReport.Line line : l.checks().lines()) {
                        lines++;
                        onScheme += line.onScheme() ? 1 : 0;
                    }
                    if (k == 1) {
                        for (String line : l.text().split("\n")) {
                            if (line.isBlank()) {
                                continue;
                            }
                            secondLines++;
                            gloomySecond += LyricsChecker.words(line).stream().map(Pronunciations::normalise)
                                    .anyMatch(generator::gloomy) ? 1 : 0;
                        }
                    }
                    lean[k] = WordEmbedder.cosine(v, first) - WordEmbedder.cosine(v, second);
                    themeKept += LyricsChecker.words(l.text()).stream().map(w -> lemma(Pronunciations.normalise(w))).anyMatch(subject::contains) ? 1 : 0;
                }
                right += lean[0] > lean[1] ? 1 : 0;
                gap += lean[0] - lean[1];
            }
            String key = "lyrics.mood." + pair[0] + "Vs" + Character.toUpperCase(pair[2].charAt(0)) + pair[2].substring(1);
            r.put(key + ".pairwise", (double) right / themes);
            r.put(key + ".meanLeanGap", gap / themes);
            r.put(key + ".themeWords", (double) themeKept / (2 * themes));
            r.put(key + ".schemeAdherence", (double) onScheme / lines);
            // lines of the second mood's songs (joyful, tender) holding a gloomy word (ThemedLyricsGenerator.gloomy)
            r.put(key + ".gloomyLinesInSecond", (double) gloomySecond / Math.max(1, secondLines));
        }
    }

    private static void measure(String prefix, LyricsService service, List<Request> requests, IntentRouter router, Pronunciations dict,
            EmbeddingModel minilm, Map<String, float[]> vectors, BigramLm lm, Map<String, Object> r, java.io.PrintStream log, boolean samples) {
        int themeWord = 0;
        int adherent = 0;
        int lengthOk = 0;
        long lines = 0;
        long onScheme = 0;
        long withinOne = 0;
        long nanos = 0;
        List<String> generated = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<String> lengthFailures = new ArrayList<>();
        int index = 0;
        for (Request q : requests) {
            IntentRouter.Route route = router.route(q.text(), false);
            JsonObject a = route.arguments();
            String theme = a.getString("theme", q.theme());
            int asked = a.getInteger("lines", 8);
            String scheme = a.getString("scheme", "ABAB");
            LyricsRequest req = new LyricsRequest(theme.length() > 200 ? theme.substring(0, 200) : theme, scheme, asked,
                    a.getInteger("syllables", 8), (long) index++);
            long start = System.nanoTime();
            Lyrics l = service.generate(req);
            nanos += System.nanoTime() - start;
            List<String> written = l.text().lines().filter(s -> !s.isBlank()).toList();
            generated.addAll(written);
            if ("generateLyrics".equals(route.tool()) && asked == q.lines() && written.size() == q.lines()) {
                lengthOk++;
            } else if (lengthFailures.size() < 5) {
                lengthFailures.add(q.text() + " -> " + route.tool() + " " + a.encode() + ", wrote " + written.size());
            }
            Set<String> themeLemmas = new HashSet<>();
            for (String w : Theme.of(q.theme(), dict).contentWords()) {
                themeLemmas.add(lemma(w));
            }
            Set<String> lyricLemmas = new HashSet<>();
            for (String w : LyricsChecker.words(l.text())) {
                String n = Pronunciations.normalise(w);
                if (n.length() > 1 && !Theme.STOP.contains(n)) {
                    lyricLemmas.add(lemma(n));
                }
            }
            boolean strict = lyricLemmas.stream().anyMatch(themeLemmas::contains);
            boolean near = strict;
            if (!near) {
                for (String w : lyricLemmas) {
                    for (String t : themeLemmas) {
                        if (WordEmbedder.cosine(vector(minilm, vectors, w), vector(minilm, vectors, t)) >= NEIGHBOUR_COSINE) {
                            near = true;
                            break;
                        }
                    }
                    if (near) {
                        break;
                    }
                }
            }
            themeWord += strict ? 1 : 0;
            adherent += near ? 1 : 0;
            for (CheckReport.Line line : l.checks().lines()) {
                lines++;
                onScheme += line.onScheme() ? 1 : 0;
                withinOne += line.deviation() != null && Math.abs(line.deviation()) <= 1 ? 1 : 0;
            }
            if (samples && shown.size() < 3 && q.lines() >= 8) {
                shown.add("> " + q.text() + "\n" + l.title() + "\n\n" + l.text());
            }
        }
        int n = requests.size();
        r.put(prefix + ".requests", n);
        r.put(prefix + ".themeWords", (double) themeWord / n);
        r.put(prefix + ".themeAdherence", (double) adherent / n);
        r.put(prefix + ".lengthHonoured", (double) lengthOk / n);
        r.put(prefix + ".schemeAdherence", (double) onScheme / lines);
        r.put(prefix + ".syllablesWithinOne", (double) withinOne / lines);
        r.put(prefix + ".msPerText", nanos / 1e6 / n);
        r.put(prefix + ".lengthFailures", lengthFailures);
        if (lm != null) {
            r.put(prefix + ".perplexity", lm.perplexity(generated));
        }
        if (samples) {
            for (String s : shown) {
                log.println(s);
                log.println();
            }
            r.put(prefix + ".samples", shown);
        }
    }

    private static float[] vector(EmbeddingModel m, Map<String, float[]> cache, String w) {
        return cache.computeIfAbsent(w, x -> m.embed(x).content().vector());
    }

    /** Plural -s, -ing and -ed stripped (enough to match "lights" to "light", "leaving" to "leav(e)"). */
    static String lemma(String w) {
        String s = w.toLowerCase(Locale.ROOT).replace("'", "");
        if (s.endsWith("ing") && s.length() > 5) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("ed") && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ies") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("e") && s.length() > 3) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** A word bigram model with absolute discounting and continuation unigrams (interpolated Kneser-Ney, one order). */
    static final class BigramLm {
        private static final double D = 0.75;
        private final Map<String, Map<String, Integer>> bigrams = new HashMap<>();
        private final Map<String, Integer> context = new HashMap<>();
        private final Map<String, Integer> continuation = new HashMap<>();
        private int bigramTypes;
        private int vocabulary;

        static BigramLm train(List<String> lines) {
            BigramLm m = new BigramLm();
            Set<String> vocab = new HashSet<>();
            for (String line : lines) {
                List<String> t = tokens(line);
                vocab.addAll(t);
                for (int i = 1; i < t.size(); i++) {
                    Map<String, Integer> next = m.bigrams.computeIfAbsent(t.get(i - 1), k -> new HashMap<>());
                    if (next.merge(t.get(i), 1, Integer::sum) == 1) {
                        m.continuation.merge(t.get(i), 1, Integer::sum);
                        m.bigramTypes++;
                    }
                    m.context.merge(t.get(i - 1), 1, Integer::sum);
                }
            }
            m.vocabulary = vocab.size() + 1;
            return m;
        }

        static List<String> tokens(String line) {
            List<String> t = new ArrayList<>();
            t.add("<s>");
            for (String w : LyricsChecker.words(line)) {
                String n = Pronunciations.normalise(w);
                if (!n.isEmpty()) {
                    t.add(n);
                }
            }
            t.add("</s>");
            return t;
        }

        double probability(String prev, String w) {
            double pc = (continuation.getOrDefault(w, 0) + 0.5) / (bigramTypes + 0.5 * vocabulary);
            int c = context.getOrDefault(prev, 0);
            if (c == 0) {
                return pc;
            }
            Map<String, Integer> next = bigrams.get(prev);
            double seen = Math.max(next.getOrDefault(w, 0) - D, 0) / c;
            double lambda = D * next.size() / c;
            return seen + lambda * pc;
        }

        double perplexity(List<String> lines) {
            double logSum = 0;
            long n = 0;
            for (String line : lines) {
                List<String> t = tokens(line);
                for (int i = 1; i < t.size(); i++) {
                    logSum += Math.log(probability(t.get(i - 1), t.get(i)));
                    n++;
                }
            }
            return n == 0 ? Double.NaN : Math.exp(-logSum / n);
        }
    }
}
