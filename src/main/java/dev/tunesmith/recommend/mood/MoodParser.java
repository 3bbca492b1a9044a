package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.TextEmbedder;

import dev.tunesmith.recommend.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a free-text request ("rainy evening, melancholic but hopeful", "gym, hard and fast",
 * "focus, no vocals", "no jazz", "not too sad") into a {@link MoodTarget}.
 *
 * <p>The text is split into clauses (commas, "but", "and", "with", …); a negation word ("no",
 * "not", "without", "avoid", …) turns the rest of its clause negative, and "not too"/"less" make
 * it a soft negation. Each phrase is matched literally against genre words, known tags and
 * artists, and the {@link MoodVocabulary} (longest match first); phrases with no literal match
 * fall back to the vocabulary entry whose name or synonym is nearest by embedding cosine
 * (≥ {@value #THRESHOLD}; every name and synonym is embedded separately once).
 * Positive entries average into a target range per dimension; negated entries bound it from the
 * opposite side ("not too sad" → valence ≥ 0.3) and negated tags/artists become exclusions.
 * Thread-safe once built.
 */
public final class MoodParser {
    /** Minimum cosine for an embedding match against the vocabulary. */
    public static final double THRESHOLD = 0.5;

    private static final Pattern CLAUSES =
            Pattern.compile("\\s*(?:,|;|\\.|!|\\?|/|\\bbut\\b|\\band\\b|\\bwith\\b|\\bplus\\b|\\bthough\\b)\\s*");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(not too|not overly|not very|not so|nothing too|too little|less|no more|none of|no|"
                    + "(?:i'?m |i am )?not (?:a |really a |much of a |the biggest )?fan of|not into|not|without|avoid|never|"
                    + "don'?t want|do not want|don'?t play|do not play|don'?t like|do not like|dislike|hate|"
                    + "can'?t stand|cannot stand|skip|minus|anything but|except|excluding|exclude|ban|"
                    + "leave out|leave off|keep out|hold the|lose the|ditch|rather than|instead of|nothing)\\b\\s*");
    private static final Pattern NEGATED_WITH = Pattern.compile(
            "\\b(?:nothing|none|no (?:songs?|tracks?|music|stuff|anything))\\s+(?:with|that has|that have|having|featuring|containing)\\s+");
    /**
     * A negation after its word, group 1 the word: "jazz is a no", "rock? no thanks", "keep the metal
     * out", "rock-free", "jazz not welcome", "spare me the country". The offline agent's slots read
     * the same list for their exclusions.
     */
    public static final List<Pattern> NEGATED_AFTER = List.of(
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s+(?:is|are)\\s+(?:a\\s+)?(?:hard\\s+)?(?:no|no-go)\\b"),
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s*[?,.!]?\\s*no thanks\\b"),
            Pattern.compile("\\bkeep\\s+(?:the\\s+|any\\s+|all\\s+)?([a-z][a-z&'-]{1,25})\\s+out\\b"),
            Pattern.compile("\\b([a-z][a-z&']{1,25})-free\\b"),
            Pattern.compile("\\b([a-z][a-z&'-]{1,25})\\s+(?:is\\s+|are\\s+)?(?:not welcome|not allowed|not wanted|banned|forbidden)\\b"),
            Pattern.compile("\\bspare me\\s+(?:the\\s+|any\\s+|all\\s+)?([a-z][a-z&'-]{1,25})\\b"));
    private static final Pattern BLUES_IDIOM = Pattern.compile(
            "\\b((?:monday|sunday|sunday night|rainy day|rainy-day|winter|january|february|november|holiday|"
                    + "post-holiday|morning|back to school|back-to-school|weekday|work|office)(?:\\s+morning)?)\\s+blues\\b");
    /** A negation followed by a list of words: "except metal and country", "no jazz or blues". */
    private static final Pattern NEGATED_LIST = Pattern.compile("\\b(no|not|without|except|excluding|minus|skip|avoid|"
            + "ban|leave out|hold the|ditch|hate|dislike|can'?t stand)\\s+((?:the\\s+|any\\s+)?[a-z][a-z&'-]*)"
            + "((?:\\s*(?:,|\\band\\b|\\bor\\b|\\bnor\\b|&)\\s*(?:no\\s+|the\\s+|any\\s+)?[a-z][a-z&'-]*)+)");
    private static final Pattern LIST_ITEM = Pattern.compile(
            "\\s*(,|\\band\\b|\\bor\\b|\\bnor\\b|&)\\s*(?:no\\s+|the\\s+|any\\s+)?([a-z][a-z&'-]*)");

    private static final Set<String> SOFT = Set.of("not too", "not overly", "not very", "not so", "nothing too", "less");
    private static final Set<String> STOP = Set.of("a", "an", "the", "some", "something", "music", "songs", "song",
            "tracks", "playlist", "for", "to", "of", "my", "me", "i", "want", "like", "play", "please", "in", "on",
            "at", "it", "its", "bit", "little", "kind", "sort", "mood", "vibe", "vibes", "feeling", "feel", "very",
            "really", "quite", "more", "much", "any", "stuff", "but", "yet", "so");

    private final TextEmbedder model;
    private final MoodVocabulary vocabulary;
    private final float[][] entryVectors;
    private final int[] termEntry;
    private final List<String[]> terms;
    private final List<String> tagWords;
    // adjective forms of the vocabulary's one-word genres ("jazzy", "bluesy", "poppy", "soulful", "rockish") → the genre
    private final java.util.Map<String, String> genreAdjectives = new java.util.LinkedHashMap<>();
    private final List<String> artists;

    /** Parser with the standard vocabulary and no catalogue-specific tags or artists. */
    public MoodParser(TextEmbedder model) {
        this(model, MoodVocabulary.standard(), List.of(), List.of());
    }

    /**
     * @param model embedding model (e.g. in-process MiniLM); the vocabulary is embedded once here
     * @param vocabulary mood vocabulary
     * @param knownTags catalogue tags recognised literally (in addition to the vocabulary genres)
     * @param knownArtists catalogue artists recognised literally
     */
    public MoodParser(TextEmbedder model, MoodVocabulary vocabulary, Collection<String> knownTags,
            Collection<String> knownArtists) {
        this.model = model;
        this.vocabulary = vocabulary;
        terms = new ArrayList<>();
        for (int i = 0; i < vocabulary.entries().size(); i++) {
            MoodEntry e = vocabulary.entries().get(i);
            terms.add(new String[] {e.name(), Integer.toString(i)});
            for (String s : e.synonyms()) {
                terms.add(new String[] {s.toLowerCase(Locale.ROOT), Integer.toString(i)});
            }
        }
        List<float[]> emb = model.embedAll(terms.stream().map(t -> t[0]).toList());
        entryVectors = new float[emb.size()][];
        termEntry = new int[emb.size()];
        for (int i = 0; i < emb.size(); i++) {
            entryVectors[i] = normalised(emb.get(i));
            termEntry[i] = Integer.parseInt(terms.get(i)[1]);
        }
        terms.sort(Comparator.comparingInt((String[] t) -> -t[0].length()));
        Set<String> tw = new LinkedHashSet<>(vocabulary.genres());
        for (String t : knownTags) {
            if (t != null && t.length() >= 3) {
                tw.add(t.toLowerCase(Locale.ROOT).trim());
            }
        }
        tagWords = new ArrayList<>(tw);
        tagWords.sort(Comparator.comparingInt(String::length).reversed());
        for (String g : vocabulary.genres()) {
            if (g.matches("[a-z]{3,}")) {
                for (String form : List.of(g + "y", g + g.charAt(g.length() - 1) + "y", g + "ish", g + "-ish", g + "ful",
                        g + "-like", g + "-y")) {
                    if (!tw.contains(form)) {
                        genreAdjectives.putIfAbsent(form, g);
                    }
                }
            }
        }
        artists = knownArtists.stream().filter(a -> a != null && a.length() >= 3)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * "except metal and country" → "except metal, no country": the clauses split at "and", so a
     * negation would not reach the genres after the first. Only genre or tag words are carried on;
     * the list stops at the first other word ("no jazz and something happy" keeps "something happy").
     */
    private String negatedLists(String t) {
        Matcher m = NEGATED_LIST.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String first = m.group(2).replaceFirst("^(?:the|any)\\s+", "");
            if (!isGenreWord(first)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            StringBuilder r = new StringBuilder(m.group(1)).append(' ').append(m.group(2));
            Matcher item = LIST_ITEM.matcher(m.group(3));
            int end = 0;
            while (item.find() && item.start() == end && isGenreWord(item.group(2))) {
                r.append(", no ").append(item.group(2));
                end = item.end();
            }
            r.append(m.group(3).substring(end));
            m.appendReplacement(out, Matcher.quoteReplacement(r.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean isGenreWord(String w) {
        return tagWords.contains(w) || genreAdjectives.containsKey(w);
    }

    /** One vocabulary entry the request names, with the label it added. */
    private record Hit(MoodEntry entry, boolean negated, boolean soft, String label) {}

    /**
     * The text with invisible characters (format, control, unassigned, lone surrogates, fillers) removed and
     * every kind of space made a plain space, so a request made only of them is an empty request, not
     * text the embedding model refuses.
     */
    static String readable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x3164 || cp == 0x115F || cp == 0x1160
                    || cp == 0xFFA0 || cp == 0x2800) {
                sb.append(' ');
            } else if (type != Character.FORMAT && type != Character.CONTROL && type != Character.UNASSIGNED
                    && type != Character.SURROGATE && type != Character.PRIVATE_USE) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Parses a request; never null (an empty or unknown request gives an empty target). */
    public MoodTarget parse(String text) {
        String t = text == null ? "" : readable(text).toLowerCase(Locale.ROOT).replaceAll("\\bw/o\\b", "without")
                .replaceAll("\\bw/(?=\\s)", "with").replace("drum and bass", "drum-and-bass")
                .replace("r&b", "rnb").replace("hip hop", "hip-hop").replace("anything but ", "except ");
        // "nothing with rock", "no songs featuring vocals": the negation reaches past "with", a clause separator
        t = NEGATED_WITH.matcher(t).replaceAll("without ");
        t = negatedLists(t);
        // "monday blues", "rainy day blues", "the winter blues": the idiom is a low mood, not the genre
        t = BLUES_IDIOM.matcher(t).replaceAll("$1 sad");
        // a negation after its word: "jazz is a no", "rock? no thanks", "keep the metal out", "rock-free"
        for (Pattern p : NEGATED_AFTER) {
            t = p.matcher(t).replaceAll("no $1");
        }
        List<Hit> hits = new ArrayList<>();
        Set<String> wantedTags = new LinkedHashSet<>();
        Set<String> unwantedTags = new LinkedHashSet<>();
        Set<String> wantedArtists = new LinkedHashSet<>();
        Set<String> unwantedArtists = new LinkedHashSet<>();
        List<String> labels = new ArrayList<>();
        List<String> positiveText = new ArrayList<>();
        Set<String> genres = new LinkedHashSet<>();
        Set<String> namedUnwanted = new LinkedHashSet<>();
        for (String clause : CLAUSES.split(t)) {
            if (clause.isBlank()) {
                continue;
            }
            Matcher m = NEGATION.matcher(clause);
            if (m.find()) {
                String before = clause.substring(0, m.start());
                String after = clause.substring(m.end());
                phrase(before, false, false, hits, wantedTags, unwantedTags, wantedArtists, unwantedArtists, labels,
                        positiveText, genres, namedUnwanted);
                boolean soft = SOFT.contains(m.group(1));
                phrase(after, true, soft, hits, wantedTags, unwantedTags, wantedArtists, unwantedArtists, labels,
                        positiveText, genres, namedUnwanted);
            } else {
                phrase(clause, false, false, hits, wantedTags, unwantedTags, wantedArtists, unwantedArtists, labels,
                        positiveText, genres, namedUnwanted);
            }
        }
        // "sad but not depressing": a mood asked for and negated in one request is asked for, the negation
        // only a nuance, so it neither avoids that mood nor excludes its tags (unless a tag is named itself)
        Set<String> asked = new LinkedHashSet<>();
        hits.stream().filter(h -> !h.negated()).forEach(h -> asked.add(h.entry().name()));
        List<Hit> nuances = hits.stream().filter(h -> h.negated() && asked.contains(h.entry().name())).toList();
        if (!nuances.isEmpty()) {
            hits.removeAll(nuances);
            for (Hit h : nuances) {
                unwantedTags.removeAll(h.entry().tags());
                labels.remove(h.label());
            }
            unwantedTags.addAll(namedUnwanted);
        }
        wantedTags.removeAll(unwantedTags);
        genres.removeAll(unwantedTags);
        wantedArtists.removeAll(unwantedArtists);
        Range v = combine(hits, MoodEntry::valence, 0, 1, 0.5, 0.1);
        Range e = combine(hits, MoodEntry::energy, 0, 1, 0.5, 0.1);
        Range tempo = combine(hits, MoodEntry::tempo, 40, 220, 120, 10);
        float[] emb = positiveText.isEmpty() ? null
                : normalised(model.embed(String.join(", ", positiveText)));
        List<String> moods = hits.stream().filter(h -> !h.negated()).map(h -> h.entry().name()).distinct().toList();
        List<String> avoid = hits.stream().filter(Hit::negated).map(h -> h.entry().name()).distinct().toList();
        return new MoodTarget(text == null ? "" : text, String.join(", ", labels), v, e, tempo,
                List.copyOf(wantedTags), List.copyOf(unwantedTags), List.copyOf(wantedArtists),
                List.copyOf(unwantedArtists), emb, moods, avoid, List.copyOf(genres));
    }

    private void phrase(String raw, boolean negated, boolean soft, List<Hit> hits, Set<String> wantedTags,
            Set<String> unwantedTags, Set<String> wantedArtists, Set<String> unwantedArtists, List<String> labels,
            List<String> positiveText, Set<String> genres, Set<String> namedUnwanted) {
        String p = " " + raw.trim().replaceAll("\\s+", " ") + " ";
        if (p.isBlank()) {
            return;
        }
        String prefix = negated ? (soft ? "not too " : "no ") : "";
        boolean literal = false;
        for (String a : artists) {
            String al = a.toLowerCase(Locale.ROOT);
            if (p.contains(" " + al + " ")) {
                (negated ? unwantedArtists : wantedArtists).add(a);
                labels.add(prefix + a);
                p = p.replace(" " + al + " ", " _ ");
                literal = true;
            }
        }
        for (String[] term : terms) {
            if (p.contains(" " + term[0] + " ")) {
                MoodEntry e = vocabulary.entries().get(Integer.parseInt(term[1]));
                addEntry(e, negated, soft, hits, wantedTags, unwantedTags, labels, prefix);
                p = p.replace(" " + term[0] + " ", " _ ");
                literal = true;
            }
        }
        for (String tag : tagWords) {
            String tl = tag.replace("drum and bass", "drum-and-bass").replace("r&b", "rnb").replace("hip hop", "hip-hop");
            if (p.contains(" " + tl + " ")) {
                String canon = tl.replace("drum-and-bass", "drum and bass");
                (negated ? unwantedTags : wantedTags).add(canon);
                (negated ? namedUnwanted : genres).add(canon);
                labels.add(prefix + canon);
                p = p.replace(" " + tl + " ", " _ ");
                literal = true;
            }
        }
        for (var adj : genreAdjectives.entrySet()) {
            if (p.contains(" " + adj.getKey() + " ")) {
                (negated ? unwantedTags : wantedTags).add(adj.getValue());
                (negated ? namedUnwanted : genres).add(adj.getValue());
                labels.add(prefix + adj.getKey());
                p = p.replace(" " + adj.getKey() + " ", " _ ");
                literal = true;
            }
        }
        String rest = java.util.Arrays.stream(p.trim().split(" "))
                .filter(w -> !w.isBlank() && !w.equals("_") && !STOP.contains(w)).reduce((a, b) -> a + " " + b)
                .orElse("");
        if (!negated && !raw.isBlank()) {
            positiveText.add(raw.trim());
        }
        if (literal || rest.isBlank()) {
            return;
        }
        float[] q = normalised(model.embed(rest));
        int best = -1;
        double bestCos = THRESHOLD;
        for (int i = 0; i < entryVectors.length; i++) {
            double c = 0;
            for (int d = 0; d < q.length; d++) {
                c += q[d] * entryVectors[i][d];
            }
            if (c >= bestCos) {
                bestCos = c;
                best = i;
            }
        }
        if (best >= 0) {
            // a negated word that is only near a mood ("I hate mondays" ~ evening) pushes that mood down but
            // excludes nothing: hard exclusions come from words the request names
            addEntry(vocabulary.entries().get(termEntry[best]), negated, negated || soft, hits, wantedTags, unwantedTags,
                    labels, prefix);
        }
    }

    private static void addEntry(MoodEntry e, boolean negated, boolean soft, List<Hit> hits, Set<String> wantedTags,
            Set<String> unwantedTags, List<String> labels, String prefix) {
        hits.add(new Hit(e, negated, soft, prefix + e.name()));
        labels.add(prefix + e.name());
        if (!negated) {
            wantedTags.addAll(e.tags());
        } else {
            wantedTags.addAll(e.oppositeTags());
            if (!soft) {
                unwantedTags.addAll(e.tags());
            }
        }
    }

    private static Range combine(List<Hit> hits, java.util.function.Function<MoodEntry, Range> dim, double lo,
            double hi, double mid, double margin) {
        double centre = 0;
        double half = 0;
        int n = 0;
        double min = lo;
        double max = hi;
        boolean bounded = false;
        for (Hit h : hits) {
            Range r = dim.apply(h.entry());
            if (r == null) {
                continue;
            }
            if (!h.negated()) {
                centre += r.centre();
                half += (r.max() - r.min()) / 2;
                n++;
            } else {
                bounded = true;
                double extra = h.soft() ? 0 : margin;
                if (r.centre() < mid) {
                    min = Math.max(min, Math.min(hi, r.max() + extra));
                } else {
                    max = Math.min(max, Math.max(lo, r.min() - extra));
                }
            }
        }
        if (n == 0) {
            return bounded && min <= max ? new Range(min, max) : null;
        }
        centre /= n;
        half = Math.max(half / n, margin);
        double a = Math.max(lo, centre - half);
        double b = Math.min(hi, centre + half);
        double ia = Math.max(a, min);
        double ib = Math.min(b, max);
        if (ia <= ib) {
            return new Range(ia, ib);
        }
        return min <= max ? new Range(min, max) : new Range(a, b);
    }

    static float[] normalised(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float[] out = v.clone();
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }
}
