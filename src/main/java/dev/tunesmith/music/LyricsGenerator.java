package dev.tunesmith.music;

import java.util.List;

/**
 * Writes a draft for a request. The built-in implementation samples a word-level DJL model with rhyme
 * and syllable constraints; an LLM-backed one (prompt, then repair the lines the checker flags) can
 * implement the same interface and be passed to {@link LyricsService#of(LyricsGenerator)}.
 */
public interface LyricsGenerator extends AutoCloseable {

    /**
     * A draft.
     *
     * @param title title
     * @param text lines separated by newlines, stanzas by a blank line
     * @param sections what each stanza is ("verse", "chorus"), in order; empty when the generator does not say
     */
    record Draft(String title, String text, List<String> sections) {

        public Draft {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        /** A draft without named sections. */
        public Draft(String title, String text) {
            this(title, text, List.of());
        }
    }

    /** Writes lyrics for the request; must be thread-safe. */
    Draft write(LyricsRequest request);

    /** Releases resources. */
    @Override
    void close();
}
