package dev.tunesmith.music;

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
     */
    record Draft(String title, String text) {}

    /** Writes lyrics for the request; must be thread-safe. */
    Draft write(LyricsRequest request);

    /** Releases resources. */
    @Override
    void close();
}
