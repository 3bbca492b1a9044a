package dev.tunesmith.music;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lyrics checker found.
 *
 * @param lines one entry per non-blank line
 * @param scheme requested rhyme scheme (upper case), or null
 * @param detectedScheme rhyme class letters found, one group per scheme-length chunk (or stanza), space-separated
 * @param targetSyllables requested syllables per line, or null
 * @param schemeAdherence share of lines that rhyme with every line the scheme pairs them with (null without a scheme)
 * @param syllableAdherence share of lines within ±1 syllable of the target (null without a target)
 * @param unknownWords words not in the pronunciation dictionary (counted with the spelling fallback)
 */
public record CheckReport(List<Line> lines, String scheme, String detectedScheme, Integer targetSyllables, Double schemeAdherence,
        Double syllableAdherence, List<String> unknownWords) {

    /** Copies the lists. */
    public CheckReport {
        lines = List.copyOf(lines);
        unknownWords = List.copyOf(unknownWords);
    }

    /**
     * One line.
     *
     * @param number 1-based index among non-blank lines
     * @param text the line
     * @param syllables syllable count
     * @param deviation syllables minus target (null without a target)
     * @param rhymeClass detected rhyme class letter
     * @param expectedClass letter the scheme asks for (null without a scheme)
     * @param onScheme rhymes with every line the scheme pairs it with (true without a scheme)
     * @param lastWord the rhyming word
     */
    public record Line(int number, String text, int syllables, Integer deviation, String rhymeClass, String expectedClass, boolean onScheme,
            String lastWord) {

        /** JSON-ready map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", number);
            m.put("text", text);
            m.put("syllables", syllables);
            m.put("deviation", deviation);
            m.put("rhymeClass", rhymeClass);
            m.put("expectedClass", expectedClass);
            m.put("onScheme", onScheme);
            m.put("lastWord", lastWord);
            return m;
        }
    }

    /** JSON-ready map with nested line maps. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", scheme);
        m.put("detectedScheme", detectedScheme);
        m.put("targetSyllables", targetSyllables);
        m.put("schemeAdherence", schemeAdherence);
        m.put("syllableAdherence", syllableAdherence);
        m.put("unknownWords", unknownWords);
        m.put("lines", lines.stream().map(Line::toMap).toList());
        return m;
    }
}
