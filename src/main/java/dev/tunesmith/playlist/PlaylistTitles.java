package dev.tunesmith.playlist;

import dev.tunesmith.recommend.mood.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A short title that summarises a request instead of echoing it: "can you make me a playlist for a
 * rainy sunday, a bit melancholic but hopeful, no jazz, 12 songs" → "Rainy Sunday, melancholic, hopeful".
 * Drops filler, counts, limits and exclusions; keeps up to four content words.
 */
final class PlaylistTitles {
    private PlaylistTitles() {}

    private static final Set<String> FILLER = Set.copyOf(java.util.Arrays.asList("i", "im", "i'm", "me", "my", "we", "us", "you", "can", "could", "would", "will",
            "please", "pls", "plz", "need", "want", "wanna", "like", "give", "make", "build", "create", "put", "together", "play", "get",
            "recommend", "suggest", "find", "show", "a", "an", "the", "some", "any", "few", "couple", "of", "for", "to", "with", "and", "or",
            "but", "that", "this", "is", "are", "be", "it", "its", "something", "anything", "stuff", "playlist", "playlists", "songs", "song",
            "tracks", "track", "music", "tunes", "mix", "list", "just", "really", "very", "bit", "little", "kind", "sort", "maybe",
            "ideally", "perhaps", "also", "so", "too", "more", "lot", "lots", "feel", "feeling", "hey", "hi", "ok", "okay", "yo", "now",
            "listen", "listening", "what", "should", "on", "in", "at", "while", "when", "about", "new", "another", "ones", "one", "good",
            "through", "across", "into", "during", "from", "around", "along", "towards", "toward", "via", "onto", "upon", "within", "nice", "great", "quite", "pretty", "mostly", "only", "all", "am", "gonna", "going", "bangers", "vibes", "vibe", "jams",
            "have", "has", "had", "got", "ever", "you've", "your", "ur", "do", "does", "did", "was", "were", "them", "these", "those",
            "there", "here", "which", "totally", "completely", "entirely", "different", "else", "instead", "actually"));

    static String of(String mood) {
        if (mood == null || mood.isBlank()) {
            return "Your mix";
        }
        String t = Language.NO_ONE.matcher(mood.toLowerCase(Locale.ROOT)).replaceAll("nobody")
                .replaceAll("[\\p{So}\\p{Cn}\\x{FE0F}\\x{200D}]", " ")
                .replaceAll("\\b(none of (?:that|those|the)|none of|no more of (?:that|those|the)|not too|nothing too|nothing with|nothing by|without any|no more|anything but|but no|no|not|nothing|none|never|without|except|minus|skip|avoid|isn't|aren't|ain't|sans|sin|ohne|sem)\\s+[\\p{L}0-9&'.!-]+(\\s+(music|songs|stuff|tracks))?", " ")
                .replaceAll("\\b(under|below|over|above|less than|more than|at least|at most|between|max(imum)?|min(imum)?)\\b[^,.;!?]*", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?\\s*(bpm|songs?|tracks?|minutes?|mins?|min|per artist)?\\b", " ")
                .replaceAll("\\b(a dozen|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\\b", " ");
        List<String> words = new ArrayList<>();
        // a decade stays ("90s hip hop for a party" → "90s hip hop party"); other numbers went above
        t = t.replaceAll("\\b'?(?:19|20)?(\\d0)'?s\\b", " $1s ");
        for (String w : t.split("[^\\p{L}0-9'&-]+")) {
            String x = w.replaceAll("^'+|'+$", "");
            if (x.matches(".*\\d.*") && !x.matches("\\d0s")) {
                continue;
            }
            if (x.length() > 1 && !FILLER.contains(x) && !words.contains(x)) {
                words.add(x);
            }
            if (words.size() == 4) {
                break;
            }
        }
        if (words.isEmpty()) {
            return "Your mix";
        }
        String title = String.join(" ", words);
        return clip(Character.toUpperCase(title.charAt(0)) + title.substring(1));
    }

    static String clip(String t) {
        String s = t.trim().replaceAll("\\s+", " ");
        if (s.length() > 48) {
            s = s.substring(0, 47).replaceAll("\\s+\\S*$", "") + "…";
        }
        return s.isEmpty() ? "Your mix" : s;
    }
}
