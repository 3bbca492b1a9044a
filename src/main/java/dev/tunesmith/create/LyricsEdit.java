package dev.tunesmith.create;

import dev.tunesmith.music.lyrics.SectionEditor;

/**
 * An edit of one section of the newest lyrics, as a creator asks for it ("make the chorus shorter",
 * "rewrite the second verse about the sea", "drop the bridge", "add another verse").
 *
 * @param action shorten | lengthen | rewrite | drop | add
 * @param section verse | chorus | bridge
 * @param index 1-based among the sections of that kind, -1 for the last, null for "the" one
 * @param theme what a rewritten or added section is about (null: the song's theme)
 * @param lines the section's new number of lines (null: about half, or two more)
 * @param more for lengthen without {@code lines}: how many lines to add (null: two)
 * @param mood for rewrite and add: how the section should feel ("sad"), on the same subject (null: the song's own)
 */
public record LyricsEdit(String action, String section, Integer index, String theme, Integer lines, Integer more, String mood) {

    public LyricsEdit(String action, String section, Integer index, String theme, Integer lines, Integer more) {
        this(action, section, index, theme, lines, more, null);
    }

    public LyricsEdit {
        try {
            SectionEditor.Edit e = new SectionEditor.Edit(action, section, index, theme, lines, more);
            action = e.action();
            section = e.section();
        } catch (IllegalArgumentException ex) {
            throw new CreationException(ex.getMessage());
        }
        if (index != null && index != -1 && (index < 1 || index > 16)) {
            throw new CreationException("the section number is 1 to 16 (or -1 for the last)");
        }
        if (lines != null && (lines < 1 || lines > 16)) {
            throw new CreationException("a section has 1 to 16 lines");
        }
        if (more != null && (more < 1 || more > 12)) {
            throw new CreationException("add 1 to 12 lines at a time");
        }
        if (theme != null && theme.length() > 200) {
            throw new CreationException("the theme is limited to 200 characters");
        }
        if (mood != null && !isMood(mood)) {
            throw new CreationException("the mood is a few words, e.g. sad or hopeful");
        }
        mood = mood == null || mood.isBlank() ? null : mood.strip().toLowerCase(java.util.Locale.ROOT);
    }

    SectionEditor.Edit toEdit() {
        return new SectionEditor.Edit(action, section, index, theme, lines, more, mood);
    }

    /** Whether {@code mood} reads as a mood: at most 40 characters of letters, apostrophes, hyphens and spaces. */
    static boolean isMood(String mood) {
        return mood.length() <= 40 && mood.strip().matches("[\\p{L}' -]*");
    }
}
