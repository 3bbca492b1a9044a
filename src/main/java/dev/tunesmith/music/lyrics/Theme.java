package dev.tunesmith.music.lyrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a lyrics theme says, read without a model: its content words (stop words, "a song about"
 * and the like dropped), names (words capitalised in the middle of the theme), a hook phrase short
 * enough to sing (at most five syllables: the longest tail of the theme that starts with a content
 * word) and a title.
 *
 * @param text the theme as given (trimmed)
 * @param contentWords lower-case content words in order
 * @param names content words written with a capital (names: used only inside the hook)
 * @param hook the phrase the chorus repeats
 * @param title the song title
 * @param nounLike content words placed like nouns (first word, or after a determiner or another content word
 *     that follows one): outside the songwriting lexicon only these fill noun slots ("the kids", not "ignores")
 * @param moods how the song should feel, from the words before "song about" ("a sad song about leaving home":
 *     {@code [sad]}); the mood colours the words, the title and hook stay the subject's
 */
public record Theme(String text, List<String> contentWords, Set<String> names, String hook, String title, Set<String> nounLike,
        List<String> moods) {

    /** "a sad song about", "an angry, bitter ballad on", "hopeful lyrics about": the mood words and what the song is about. */
    private static final java.util.regex.Pattern MOODED = java.util.regex.Pattern.compile(
            "(?i)^(?:a |an |some )?((?:[a-z][a-z'-]*,?\\s+(?:and\\s+)?){1,3})(?:love\\s+)?(?:song|ballad|lyrics?|verse|poem|chorus|tune)\\s+(?:about|of|on|for)\\s+(.+)$");
    /**
     * "… about my grandmother's garden, something warm", "…, make it sad", "…, kind of hopeful", "…, in a happy mood": a mood
     * said after the subject, behind a word that says a feel follows.
     */
    private static final java.util.regex.Pattern MOOD_AFTER = java.util.regex.Pattern.compile(
            "(?i)^(.+?)\\s*[,;-]\\s*(?:but\\s+|and\\s+)?(?:something|make it|keep it|kind of|kinda|sort of|a bit|a little|in an?|with an?|"
            + "feeling|that feels|that's|thats|it should be|should be|should feel|feels?)\\s+(?:really\\s+|very\\s+|more\\s+|quite\\s+)?"
            + "([a-z'-]+(?:\\s*(?:,|and|but)\\s*[a-z'-]+)?)(?:\\s+(?:mood|feel|feeling|vibe|vibes|one|tone|please|pls))?\\s*[.!]*$");
    /** Words before "song" that say its form or size, not its mood. */
    private static final Set<String> FORM = Set.of("new", "short", "long", "little", "simple", "original", "whole", "full", "quick", "small",
            "big", "good", "nice", "great", "folk", "pop", "rock", "country", "few", "couple", "another", "more", "one", "two", "three",
            "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "twenty", "dozen", "line", "lines", "stanza", "verse", "me", "us");

    /** The mood words of a phrase said before "song" ("sad", "angry, bitter"), without form, size and number words. */
    public static List<String> moodWords(String phrase) {
        List<String> out = new ArrayList<>();
        for (String w : phrase.split("[,\\s]+")) {
            String n = Pronunciations.normalise(w);
            if (!n.isEmpty() && !STOP.contains(n) && !FORM.contains(n) && !n.matches(".*\\d.*|.*lines?") && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The theme's subject with its mood words put in front: {@code "sad song about leaving home"}; {@code mood} blank or
     * null gives the subject alone. Reads back with {@link #of} as that mood and subject.
     */
    public static String withMood(String mood, String subject) {
        return mood == null || mood.isBlank() ? subject : mood.strip() + " song about " + subject.strip();
    }

    /** Words that carry no theme. */
    public static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about",
            "and", "or", "but", "my", "your", "our", "their", "his", "her", "its", "me", "you", "we", "they", "i", "he", "she", "it",
            "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "some", "any", "all", "into", "over", "under",
            "song", "songs", "lyrics", "lyric", "verse", "verses", "chorus", "poem", "text", "write", "writing", "line", "lines",
            "please", "something", "things", "thing", "like", "very", "so", "as", "up", "down", "out", "off", "one", "two", "three",
            "rhyme", "rhyming", "scheme", "syllable", "syllables", "short", "long", "little", "new", "own",
            "who", "how", "what", "when", "where", "why", "which", "whose", "whom", "not", "no", "can", "will", "would", "should", "could",
            "do", "does", "did", "has", "have", "had", "am", "just", "really", "than", "then", "there", "here", "us", "them", "him");

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "my", "your", "our", "his", "her", "their", "this", "that",
            "these", "those", "some", "every", "no");

    private static final Set<String> SMALL = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "from");

    /** Reads a theme; a blank one becomes "a summer evening". */
    public static Theme of(String raw, Pronunciations dict) {
        String text = raw == null || raw.isBlank() ? "a summer evening" : raw.strip().replaceAll("[\"“”]", "");
        List<String> moods = new ArrayList<>();
        java.util.regex.Matcher after = MOOD_AFTER.matcher(text);
        if (after.matches() && !moodWords(after.group(2)).isEmpty()) {
            moods.addAll(moodWords(after.group(2)));
            text = after.group(1).strip();
        }
        java.util.regex.Matcher mooded = MOODED.matcher(text);
        if (mooded.matches()) {
            moodWords(mooded.group(1)).stream().filter(w -> !moods.contains(w)).forEach(moods::add);
            // "a sad song about …", "an eight line song about …" lose their front; "the song of the sea" keeps it
            boolean front = java.util.Arrays.stream(mooded.group(1).split("[,\\s]+")).map(Pronunciations::normalise)
                    .noneMatch(w -> STOP.contains(w) && !FORM.contains(w) && !w.equals("and"));
            if (front) {
                text = mooded.group(2).strip();
            }
        }
        text = text.replaceAll("(?i)^(a |an )?(song|chorus|verse|ballad|poem|lyrics?)\\s+(about|of|on)\\s+", "");
        String[] tokens = text.split("\\s+");
        List<String> content = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> nounLike = new LinkedHashSet<>();
        boolean afterDeterminer = true;
        for (int i = 0; i < tokens.length; i++) {
            String w = Pronunciations.normalise(tokens[i].replaceAll("'s$|’s$", ""));
            if (w.isEmpty() || STOP.contains(w) || w.length() < 2) {
                afterDeterminer = DETERMINERS.contains(w);
                continue;
            }
            content.add(w);
            boolean afterContent = i > 0 && content.size() > 1 && !STOP.contains(Pronunciations.normalise(tokens[i - 1]));
            if (afterDeterminer && !(afterContent && w.endsWith("s") && !w.endsWith("ss"))) { // "my cat ignores": a verb, not a noun
                nounLike.add(w);
            }
            afterDeterminer = afterDeterminer && i + 1 < tokens.length; // "the old mill": both after the determiner
            if (i > 0 && Character.isUpperCase(tokens[i].charAt(0))) {
                names.add(w);
            }
        }
        if (content.isEmpty()) {
            content.add("summer");
        }
        String hook = hook(tokens, dict);
        return new Theme(text, List.copyOf(content), Set.copyOf(names), hook, title(tokens.length <= 7 ? tokens : hook.split(" ")),
                Set.copyOf(nounLike), List.copyOf(moods));
    }

    private static String hook(String[] tokens, Pronunciations dict) {
        String best = null;
        for (int start = tokens.length - 1; start >= 0; start--) {
            int syl = 0;
            for (int i = start; i < tokens.length; i++) {
                syl += Math.max(1, dict.syllables(tokens[i]));
            }
            if (syl > 5) {
                break;
            }
            String first = Pronunciations.normalise(tokens[start]);
            boolean possessive = first.equals("my") || first.equals("your") || first.equals("our");
            if (!STOP.contains(first) || possessive || start == 0) {
                best = String.join(" ", java.util.Arrays.copyOfRange(tokens, start, tokens.length));
            }
        }
        if (best == null) {
            best = tokens[tokens.length - 1];
        }
        best = best.replaceAll("[.,;:!?]+$", "");
        // keep capitals the writer used (names), otherwise lower case
        StringBuilder sb = new StringBuilder();
        for (String t : best.split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(t.equals("I") || (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !t.equals(t.toUpperCase(Locale.ROOT)))
                    ? t : t.toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private static String title(String[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i].replaceAll("[.,;:!?]+$", "");
            if (t.isEmpty()) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(i > 0 && SMALL.contains(lower) ? lower : Character.toUpperCase(t.charAt(0)) + t.substring(1));
        }
        return sb.toString();
    }
}
