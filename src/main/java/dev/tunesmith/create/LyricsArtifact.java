package dev.tunesmith.create;

import dev.tunesmith.music.CheckReport;
import java.util.List;

/**
 * Lyrics stored as an artifact of their creator ({@link CreationJson#toJson(LyricsArtifact)} is the wire shape).
 *
 * @param scheme the scheme asked for, or (for a continued or rewritten text) the one found; may be null
 * @param checks the checker's report on {@code text}
 * @param sections what each stanza is ("verse", "chorus"), when the generator says; empty otherwise
 * @param theme the theme written on, or null for a text the creator gave
 * @param syllables syllables per line asked for, or null
 * @param edit what a resize did, or null
 * @param added the lines a continuation added, or null
 * @param rewrittenLine the 1-based line a rewrite changed, or null
 * @param changedSections the 0-based stanzas a section edit wrote, or null
 */
public record LyricsArtifact(long id, String title, String text, String scheme, CheckReport checks, List<String> sections, String theme,
        Integer syllables, String edit, List<String> added, Integer rewrittenLine, List<Integer> changedSections) {

    public LyricsArtifact {
        sections = sections == null ? List.of() : List.copyOf(sections);
        added = added == null ? null : List.copyOf(added);
        changedSections = changedSections == null ? null : List.copyOf(changedSections);
    }

    public LyricsArtifact withEdit(String what) {
        return new LyricsArtifact(id, title, text, scheme, checks, sections, theme, syllables, what, added, rewrittenLine, changedSections);
    }

    public LyricsArtifact withAdded(List<String> lines) {
        return new LyricsArtifact(id, title, text, scheme, checks, sections, theme, syllables, edit, lines, rewrittenLine, changedSections);
    }

    public LyricsArtifact withRewrittenLine(int line) {
        return new LyricsArtifact(id, title, text, scheme, checks, sections, theme, syllables, edit, added, line, changedSections);
    }

    public LyricsArtifact withChangedSections(String what, List<Integer> stanzas) {
        return new LyricsArtifact(id, title, text, scheme, checks, sections, theme, syllables, what, added, rewrittenLine, stanzas);
    }
}
