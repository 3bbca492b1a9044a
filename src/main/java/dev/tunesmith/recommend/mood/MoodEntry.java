package dev.tunesmith.recommend.mood;

import dev.tunesmith.recommend.Range;
import java.util.List;

/**
 * One word of the mood vocabulary and what it means musically.
 *
 * @param name canonical word, used in labels
 * @param synonyms other words that match it exactly
 * @param valence valence range or null
 * @param energy energy range or null
 * @param tempo tempo range (BPM) or null
 * @param tags tags it favours
 * @param oppositeTags tags favoured when it is negated (e.g. "no vocals" → instrumental)
 */
public record MoodEntry(String name, List<String> synonyms, Range valence, Range energy, Range tempo,
        List<String> tags, List<String> oppositeTags) {

    /** Text embedded for similarity matching: name and synonyms. */
    public String text() {
        return name + ": " + String.join(", ", synonyms);
    }
}
