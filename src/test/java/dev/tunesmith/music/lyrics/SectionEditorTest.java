package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.LyricsService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Section edits: only the named section changes, the rest stays byte for byte, the chorus stays one chorus. */
class SectionEditorTest {

    private static final ThemedLyricsGenerator GENERATOR = ThemedLyricsGenerator.loadShipped(null);
    private static final SectionEditor EDITOR = new SectionEditor(Pronunciations.shared(), GENERATOR);
    private static final Lyrics SONG = LyricsService.of(GENERATOR).generate(new LyricsRequest("a long drive home at night", "ABAB", 16, 8, 11L));

    private static List<String> stanzas(String text) {
        return List.of(text.split("\n\n"));
    }

    private static SectionEditor.Result apply(String action, String section, Integer index, String theme, Integer lines) {
        return EDITOR.apply(SONG.text(), SONG.sections(), "a long drive home at night", 8, new SectionEditor.Edit(action, section, index, theme, lines), 5L);
    }

    @Test
    void should_shorten_the_chorus_everywhere_it_is_sung_and_keep_the_verses_byte_for_byte() {
        List<String> before = stanzas(SONG.text());
        assertEquals(List.of("verse", "chorus", "verse", "chorus"), SONG.sections());
        SectionEditor.Result r = apply("shorten", "chorus", null, null, null);
        List<String> after = stanzas(r.text());
        assertEquals(before.get(0), after.get(0));
        assertEquals(before.get(2), after.get(2));
        assertEquals(after.get(1), after.get(3), "the chorus still repeats word for word");
        assertEquals(2, after.get(1).lines().count(), r.text());
        assertTrue(before.get(1).contains(after.get(1).lines().findFirst().orElseThrow()), "kept lines come from the old chorus");
        assertEquals(List.of(1, 3), r.changed());
        assertTrue(r.change().contains("from 4 to 2 lines") && r.change().contains("2 times"), r.change());
    }

    @Test
    void should_rewrite_only_the_second_verse_on_the_new_theme() {
        List<String> before = stanzas(SONG.text());
        SectionEditor.Result r = apply("rewrite", "verse", 2, "the sea", null);
        List<String> after = stanzas(r.text());
        assertEquals(4, after.size());
        assertEquals(before.get(0), after.get(0));
        assertEquals(before.get(1), after.get(1));
        assertEquals(before.get(3), after.get(3));
        assertNotEquals(before.get(2), after.get(2));
        assertEquals(4, after.get(2).lines().count());
        assertTrue(after.get(2).toLowerCase().contains("sea"), after.get(2));
        assertEquals(List.of(2), r.changed());
        assertTrue(r.change().contains("second verse") && r.change().contains("the sea"), r.change());
    }

    @Test
    void should_drop_a_section_and_say_honestly_when_it_is_not_there() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> apply("drop", "bridge", null, null, null));
        assertTrue(none.getMessage().contains("no bridge"), none.getMessage());
        SectionEditor.Result r = apply("drop", "verse", 2, null, null);
        List<String> before = stanzas(SONG.text());
        assertEquals(List.of(before.get(0), before.get(1), before.get(3)), stanzas(r.text()));
        assertEquals(List.of("verse", "chorus", "chorus"), r.sections());
        IllegalArgumentException third = assertThrows(IllegalArgumentException.class, () -> apply("rewrite", "verse", 3, null, null));
        assertTrue(third.getMessage().contains("only 2 verses"), third.getMessage());
    }

    @Test
    void should_add_a_verse_followed_by_the_chorus_and_a_bridge_before_the_last_chorus() {
        String before = SONG.text();
        SectionEditor.Result verse = apply("add", "verse", null, null, null);
        assertTrue(verse.text().startsWith(before + "\n\n"), "the song so far is kept as it was");
        List<String> after = stanzas(verse.text());
        assertEquals(List.of("verse", "chorus", "verse", "chorus", "verse", "chorus"), verse.sections());
        assertEquals(after.get(1), after.get(5));
        assertTrue(verse.change().contains("third verse"), verse.change());

        SectionEditor.Result bridge = EDITOR.apply(before, SONG.sections(), "a long drive home at night", 8,
                new SectionEditor.Edit("add", "bridge", null, "city lights", null), 9L);
        assertEquals(List.of("verse", "chorus", "verse", "bridge", "chorus"), bridge.sections());
        assertTrue(bridge.change().contains("before the last chorus"), bridge.change());
    }

    @Test
    void should_find_the_chorus_of_pasted_lyrics_by_its_repeats() {
        String text = "I walked along the river wide\nThe morning light was on my side\n\nOh carry me home\nOh carry me home\n\n"
                + "The city hums a quiet tune\nBeneath a pale and silver moon\n\nOh carry me home\nOh carry me home";
        SectionEditor.Result r = EDITOR.apply(text, null, "home", null, new SectionEditor.Edit("lengthen", "verse", 1, null, 4), 3L);
        List<String> after = stanzas(r.text());
        assertEquals(4, after.get(0).lines().count(), r.text());
        assertTrue(after.get(0).startsWith("I walked along the river wide\nThe morning light was on my side\n"), r.text());
        assertEquals(List.of(stanzas(text).get(1), stanzas(text).get(2), stanzas(text).get(3)), after.subList(1, 4));
        assertEquals(List.of("verse", "chorus", "verse", "chorus"), r.sections());
    }

    @Test
    void should_rewrite_a_section_in_a_new_mood_on_the_same_subject_and_keep_the_rest() {
        List<String> before = stanzas(SONG.text());
        SectionEditor.Result r = EDITOR.apply(SONG.text(), SONG.sections(), "a long drive home at night", 8,
                new SectionEditor.Edit("rewrite", "verse", 2, null, null, null, "sad"), 5L);
        List<String> after = stanzas(r.text());
        assertEquals(before.get(0), after.get(0));
        assertEquals(before.get(1), after.get(1));
        assertEquals(before.get(3), after.get(3));
        assertNotEquals(before.get(2), after.get(2));
        assertEquals("rewrote the second verse about a long drive home at night, sad (4 lines)", r.change());
    }
}
