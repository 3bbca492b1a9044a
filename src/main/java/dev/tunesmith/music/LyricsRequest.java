package dev.tunesmith.music;

import dev.tunesmith.music.lyrics.LyricsChecker;

/**
 * What lyrics to write.
 *
 * @param theme free-text theme ("the sea at night"); words the model knows are favoured; may be null
 * @param scheme rhyme scheme such as {@code AABB}, {@code ABAB}, {@code ABCB}; repeats for longer texts
 * @param lines number of lines, 1–64
 * @param syllablesPerLine target syllables per line, 2–20
 * @param seed random seed for reproducible output, or null
 */
public record LyricsRequest(String theme, String scheme, int lines, int syllablesPerLine, Long seed) {

    /** Validates and upper-cases the scheme. */
    public LyricsRequest {
        scheme = LyricsChecker.normaliseScheme(scheme);
        if (scheme == null) {
            throw new IllegalArgumentException("scheme is required, e.g. AABB or ABAB");
        }
        if (lines < 1 || lines > 64) {
            throw new IllegalArgumentException("lines must be between 1 and 64, got " + lines);
        }
        if (syllablesPerLine < 2 || syllablesPerLine > 20) {
            throw new IllegalArgumentException("syllablesPerLine must be between 2 and 20, got " + syllablesPerLine);
        }
        if (theme != null && theme.length() > 200) {
            throw new IllegalArgumentException("theme is limited to 200 characters");
        }
    }
}
