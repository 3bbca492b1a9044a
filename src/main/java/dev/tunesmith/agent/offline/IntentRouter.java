package dev.tunesmith.agent.offline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.tunesmith.music.RequestText;

/**
 * Understands a chat message without an LLM: high-precision keyword rules first, then the nearest
 * intent prototype by MiniLM embedding (cosine). Extracts the slots each tool needs (count,
 * exclusions, position, lyric scheme/lines/syllables, key/meter/bars) with patterns.
 */
public final class IntentRouter {

    /** What the user wants. */
    public enum Intent { PLAYLIST, REFINE, SIMILAR, PROFILE, LYRICS, MELODY, HARMONIZE, DESCRIBE, CLASSIFY, HELP,
        EDIT_MELODY, CHECK_LYRICS, RHYMES, CONTINUE_VERSE, REWRITE_LINE, RESIZE_LYRICS }

    /** An intent, the tool to call (null for HELP) and its JSON arguments. */
    public record Route(Intent intent, String tool, JsonObject arguments, double confidence) {}

    private static final Map<Intent, List<String>> PROTOTYPES = new EnumMap<>(Map.of(
            Intent.PLAYLIST, List.of("make me a playlist for a rainy sunday", "songs for the gym, hard and fast",
                    "play something calm for studying", "music for a road trip with friends", "recommend some tracks for tonight",
                    "I feel melancholic but hopeful, what should I listen to", "background music for dinner"),
            Intent.REFINE, List.of("less upbeat please", "more energetic", "swap the third one", "remove the second song",
                    "make it longer", "make it 30 songs", "no more of that artist", "shorter please"),
            Intent.SIMILAR, List.of("songs like this track", "more tracks similar to that artist", "find music that sounds like it"),
            Intent.PROFILE, List.of("what do I usually listen to", "show my profile", "what are my top artists", "describe my taste"),
            Intent.LYRICS, List.of("write lyrics about the sea", "a song text about love with an ABAB rhyme", "write me a verse and chorus"),
            Intent.MELODY, List.of("compose a melody in D major", "write a tune in 6/8", "make a folk jig", "create a short melody"),
            Intent.HARMONIZE, List.of("add chords to this melody", "harmonize the tune", "which chords fit this melody"),
            Intent.DESCRIBE, List.of("tell me about this track", "describe the song", "what is this track like"),
            Intent.CLASSIFY, List.of("what style is this", "classify this description of music", "what genre would that be"),
            Intent.HELP, List.of("hello", "what can you do", "help", "thanks")));

    private static final Pattern COUNT = Pattern.compile("\\b(\\d{1,3})\\s*(?:songs?|tracks?|tunes?|items?|pieces?)\\b");
    private static final Pattern MAKE_IT = Pattern.compile("\\b(?:make it|give me|to)\\s+(\\d{1,3})\\b");
    private static final Pattern EXCLUDE = Pattern.compile(
            "\\b(?:no more|no|not|without|except|minus|skip|avoid)\\s+([a-z0-9&'][a-z0-9&' .-]{1,40}?)(?=\\s*(?:[,.;!?]|$|\\band\\b|\\bbut\\b|\\bplease\\b|\\bor\\b))");
    private static final Pattern POSITION = Pattern.compile(
            "\\b(?:the\\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,3}(?:st|nd|rd|th)?|#\\d{1,3})\\b(?:\\s+(?:one|song|track))?");
    private static final Pattern SCHEME = Pattern.compile("\\b([abcd]{4,8})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINES = Pattern.compile("\\b(\\d{1,2})\\s*lines?\\b");
    private static final Pattern SYLLABLES = Pattern.compile("\\b(\\d{1,2})\\s*syllables?\\b");
    private static final Pattern BARS = Pattern.compile("\\b(\\d{1,2})\\s*(?:bars?|measures?)\\b");
    private static final Pattern METER = Pattern.compile("\\b([2-9]|12)/(2|4|8)\\b");
    private static final Pattern KEY = Pattern.compile("\\bin\\s+([a-g])(#|b|\\s*sharp|\\s*flat)?\\s*(major|minor|maj|min|m)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT = Pattern.compile("\\babout\\s+(.+?)(?:[,.;!?]|\\bwith\\b|\\bin\\b\\s+[abcd]{4}|$)");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth");
    /** Negated words that are moods, not genres or artists: the mood parser reads them from the text. */
    private static final List<String> MOOD_WORDS = List.of("too", "sad", "happy", "loud", "fast", "slow", "vocals", "vocal", "words",
            "lyrics", "upbeat", "energetic", "calm", "dark", "heavy");

    private final EmbeddingModel embeddings;
    private final Map<Intent, List<float[]>> prototypeVectors = new EnumMap<>(Intent.class);

    public IntentRouter(EmbeddingModel embeddings) {
        this.embeddings = embeddings;
        PROTOTYPES.forEach((intent, sentences) -> {
            List<float[]> vectors = new ArrayList<>();
            for (String s : sentences) {
                vectors.add(normalised(embeddings.embed(s).content()));
            }
            prototypeVectors.put(intent, vectors);
        });
    }

    /** Routes {@code message}; {@code hasPlaylist} says whether this conversation already has one to refine. */
    public Route route(String message, boolean hasPlaylist) {
        return route(message, hasPlaylist, null);
    }

    /**
     * Routes {@code message}; {@code lastCreation} is "melody" or "lyrics" when the conversation's newest
     * creation is one (edits such as "make it shorter" then apply to it), else null.
     */
    public Route route(String message, boolean hasPlaylist, String lastCreation) {
        String text = message.toLowerCase(Locale.ROOT).trim();
        Intent intent = CreationEdits.intent(text, lastCreation);
        if (intent != null) {
            return new Route(intent, tool(intent), CreationEdits.arguments(intent, message, text), 1.0);
        }
        intent = rules(text, hasPlaylist);
        double confidence = 1.0;
        if (intent == null) {
            float[] v = normalised(embeddings.embed(text).content());
            double best = -1;
            for (var e : prototypeVectors.entrySet()) {
                for (float[] p : e.getValue()) {
                    double s = dot(v, p);
                    if (s > best) {
                        best = s;
                        intent = e.getKey();
                    }
                }
            }
            confidence = best;
            if (intent == Intent.REFINE && !hasPlaylist) {
                intent = Intent.PLAYLIST;
            }
            if (best < 0.25 && intent != Intent.HELP) {
                intent = Intent.PLAYLIST; // a music companion: an unclear wish is most likely a mood
            }
        }
        return new Route(intent, tool(intent), arguments(intent, message, text), confidence);
    }

    private static Intent rules(String t, boolean hasPlaylist) {
        if (t.matches("^(hi|hello|hey|help|thanks|thank you|what can you do)\\b.*") && t.length() < 40) {
            return Intent.HELP;
        }
        if (t.contains("chord") || t.contains("harmoni")) {
            return Intent.HARMONIZE;
        }
        if (t.contains("lyric") || t.contains("rhyme") || t.contains("verse") || t.contains("poem") || t.matches(".*\\bwrite (me )?a song\\b.*")
                || t.matches(".*\\b(song|chorus|ballad)\\s+(about|of|for|on)\\b.*") || RequestText.count(t, "lines?").isPresent()) {
            return Intent.LYRICS;
        }
        if (t.matches(".*\\b(melody|melodies|tune|jig|reel|waltz|hornpipe|abc notation|compose)\\b.*")) {
            return Intent.MELODY;
        }
        if (t.matches(".*\\b(my profile|my taste|my top|what do i (usually |mostly )?listen|my listening)\\b.*")) {
            return Intent.PROFILE;
        }
        if (t.matches(".*\\b(describe|tell me about|review)\\b.*")) {
            return Intent.DESCRIBE;
        }
        if (t.matches(".*\\b(classify|what style|what genre|which genre)\\b.*")) {
            return Intent.CLASSIFY;
        }
        if (t.matches(".*\\b(similar to|sounds like|songs like|tracks like|more like)\\b.*")) {
            return Intent.SIMILAR;
        }
        if (hasPlaylist && (t.matches(".*\\b(swap|replace|change|remove|drop|delete)\\b.*\\b(one|song|track|first|second|third|fourth|fifth|last|\\d+(st|nd|rd|th)?)\\b.*")
                || t.matches(".*\\b(less|more)\\s+(upbeat|energetic|energy|calm|mellow|intense|chill|lively|danceable)\\b.*")
                || t.matches(".*\\b(longer|shorter)\\b.*") || t.matches(".*\\bmake it \\d+.*") || t.matches(".*\\bno more\\b.*"))) {
            return Intent.REFINE;
        }
        if (t.matches(".*\\b(playlist|songs|tracks|music|listen|play)\\b.*")) {
            return Intent.PLAYLIST;
        }
        return null;
    }

    private static String tool(Intent intent) {
        return switch (intent) {
            case PLAYLIST -> "rankTracks";
            case REFINE -> "refinePlaylist";
            case SIMILAR -> "similarTracks";
            case PROFILE -> "lookupMyProfile";
            case LYRICS -> "generateLyrics";
            case MELODY -> "generateMelody";
            case HARMONIZE -> "harmonizeMelody";
            case DESCRIBE -> "describeTrack";
            case CLASSIFY -> "classifyStyle";
            case HELP -> null;
            case EDIT_MELODY -> "editMelody";
            case CHECK_LYRICS -> "checkMyLyrics";
            case RHYMES -> "rhymesFor";
            case CONTINUE_VERSE -> "continueMyVerse";
            case REWRITE_LINE -> "rewriteLyricLine";
            case RESIZE_LYRICS -> "resizeLyrics";
        };
    }

    private JsonObject arguments(Intent intent, String original, String t) {
        JsonObject a = new JsonObject();
        switch (intent) {
            case PLAYLIST -> {
                a.put("mood", original.trim());
                count(t).ifPresent(n -> a.put("count", n));
                JsonArray excluded = exclusions(t);
                if (!excluded.isEmpty()) {
                    a.put("excludeTags", excluded).put("excludeArtists", excluded.copy());
                }
            }
            case REFINE -> refine(t, a);
            case SIMILAR -> {
                a.put("track", t.replaceAll("^.*?\\b(similar to|sounds like|songs like|tracks like|more like)\\s+", "").replaceAll("[?.!]+$", ""));
                count(t).ifPresent(n -> a.put("count", n));
            }
            case DESCRIBE -> a.put("track", t.replaceAll("^.*?\\b(describe|tell me about|review)\\s+(the\\s+(track|song)\\s+)?", "")
                    .replaceAll("[?.!]+$", ""));
            case CLASSIFY -> a.put("text", original.replaceAll("(?i)^.*?\\b(classify|what style is|what genre is)\\s*:?\\s*", ""));
            case LYRICS -> {
                Matcher about = ABOUT.matcher(t);
                String trimmed = original.trim();
                if (about.find()) {
                    // the theme keeps the writer's capitals (names) when lower-casing kept the length
                    a.put("theme", trimmed.length() == t.length() ? trimmed.substring(about.start(1), about.end(1)).trim() : about.group(1).trim());
                } else {
                    a.put("theme", trimmed);
                }
                Matcher scheme = SCHEME.matcher(original);
                while (scheme.find()) {
                    String s = scheme.group(1);
                    if (s.equals(s.toUpperCase(Locale.ROOT)) || s.matches("(?i)(aabb|abab|abba|abcb|aaaa|aabbcc)")) {
                        a.put("scheme", s.toUpperCase(Locale.ROOT));
                        break;
                    }
                }
                RequestText.count(t, "lines?").ifPresent(n -> a.put("lines", n));
                RequestText.count(t, "syllables?").ifPresent(n -> a.put("syllables", n));
            }
            case MELODY -> {
                Matcher key = KEY.matcher(original);
                if (key.find()) {
                    String accidental = key.group(2) == null ? "" : key.group(2).trim().startsWith("s") || key.group(2).equals("#") ? "#" : "b";
                    String quality = key.group(3) == null ? "" : key.group(3).toLowerCase(Locale.ROOT);
                    boolean minor = quality.equals("minor") || quality.equals("min") || quality.equals("m");
                    a.put("key", key.group(1).toUpperCase(Locale.ROOT) + accidental + (minor ? "m" : ""));
                }
                Matcher meter = METER.matcher(t);
                if (meter.find()) {
                    a.put("meter", meter.group(1) + "/" + meter.group(2));
                } else if (t.contains("jig")) {
                    a.put("meter", "6/8");
                } else if (t.contains("waltz")) {
                    a.put("meter", "3/4");
                }
                RequestText.count(t, "(?:bars?|measures?)").ifPresent(n -> a.put("bars", n));
                a.put("mood", original.trim());
            }
            case HARMONIZE -> {
                int start = original.indexOf("X:");
                if (start < 0) {
                    start = original.indexOf("K:");
                }
                if (start >= 0) {
                    a.put("abc", original.substring(start));
                }
            }
            case PROFILE, HELP, EDIT_MELODY, CHECK_LYRICS, RHYMES, CONTINUE_VERSE, REWRITE_LINE, RESIZE_LYRICS -> { }
        }
        return a;
    }

    private static void refine(String t, JsonObject a) {
        Matcher position = POSITION.matcher(t);
        Integer pos = null;
        while (position.find() && pos == null) {
            pos = ordinal(position.group(1));
        }
        Matcher makeIt = MAKE_IT.matcher(t);
        if (t.matches(".*\\b(swap|replace|change)\\b.*")) {
            a.put("action", "swap").put("position", pos == null ? 1 : pos);
        } else if (t.matches(".*\\b(remove|drop|delete)\\b.*")) {
            a.put("action", "remove").put("position", pos == null ? 1 : pos);
        } else if (t.matches(".*\\bno more\\b.*")) {
            Matcher m = EXCLUDE.matcher(t);
            a.put("action", "exclude_artist").put("artist", m.find() ? m.group(1).trim() : "");
        } else if (t.matches(".*\\bless\\s+(upbeat|energetic|energy|intense|lively|danceable)\\b.*") || t.matches(".*\\bmore\\s+(calm|mellow|chill)\\b.*")) {
            a.put("action", "less_energetic");
        } else if (t.matches(".*\\bmore\\s+(upbeat|energetic|energy|intense|lively|danceable)\\b.*") || t.matches(".*\\bless\\s+(calm|mellow|chill)\\b.*")) {
            a.put("action", "more_energetic");
        } else if (makeIt.find()) {
            a.put("action", "longer").put("amount", Integer.parseInt(makeIt.group(1))).put("total", true);
        } else if (t.contains("shorter")) {
            a.put("action", "shorter");
            count(t).ifPresent(n -> a.put("amount", n));
        } else {
            a.put("action", "longer");
            count(t).ifPresent(n -> a.put("amount", n));
        }
    }

    private static Integer ordinal(String s) {
        String w = s.replace("#", "").replaceAll("^(\\d+)(st|nd|rd|th)$", "$1");
        int i = ORDINALS.indexOf(w);
        if (i >= 0) {
            return i + 1;
        }
        if (w.equals("last")) {
            return -1;
        }
        try {
            return Integer.parseInt(w);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static java.util.Optional<Integer> count(String t) {
        Matcher m = COUNT.matcher(t);
        return m.find() ? java.util.Optional.of(Math.max(1, Math.min(100, Integer.parseInt(m.group(1))))) : java.util.Optional.empty();
    }

    private static java.util.Optional<Integer> number(Pattern p, String t) {
        Matcher m = p.matcher(t);
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }

    /** "no jazz", "without drake, but..." → [jazz, drake]; mood words ("not too sad") stay in the mood text. */
    static JsonArray exclusions(String t) {
        JsonArray out = new JsonArray();
        Matcher m = EXCLUDE.matcher(t);
        while (m.find()) {
            String term = m.group(1).trim().replaceAll("^(the|any|more)\\s+", "");
            boolean mood = MOOD_WORDS.stream().anyMatch(w -> term.equals(w) || term.startsWith(w + " "));
            if (!term.isEmpty() && !mood && !out.contains(term)) {
                out.add(term);
            }
        }
        return out;
    }

    private static float[] normalised(Embedding e) {
        float[] v = e.vector().clone();
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(Math.max(n, 1e-12)));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
