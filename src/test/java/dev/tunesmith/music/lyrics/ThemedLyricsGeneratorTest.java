package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.LyricsService;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The themed generator without embeddings: structure, length, scheme, metre and the theme itself. */
class ThemedLyricsGeneratorTest {

    private static final LyricsService SERVICE = LyricsService.of(ThemedLyricsGenerator.loadShipped(null));

    @Test
    void should_write_exactly_the_asked_lines_with_a_repeating_chorus_and_a_title_from_the_theme() {
        for (int lines : new int[] {4, 8, 12, 16, 6}) {
            Lyrics l = SERVICE.generate(new LyricsRequest("a lighthouse on the coast", "ABAB", lines, 8, (long) lines));
            List<String> nonBlank = l.text().lines().filter(s -> !s.isBlank()).toList();
            assertEquals(lines, nonBlank.size(), l.text());
            assertEquals("A Lighthouse on the Coast", l.title());
            List<String> stanzas = Arrays.asList(l.text().split("\n\n"));
            assertEquals(l.sections().size(), stanzas.size());
            if (lines >= 16) {
                assertEquals(List.of("verse", "chorus", "verse", "chorus"), l.sections());
                assertEquals(stanzas.get(1), stanzas.get(3), "the chorus repeats word for word");
            }
            assertTrue(l.text().toLowerCase().contains("lighthouse") || l.text().toLowerCase().contains("coast"), l.text());
        }
    }

    @Test
    void should_meet_the_rhyme_scheme_and_the_syllable_count() {
        for (String scheme : new String[] {"AABB", "ABAB", "ABCB"}) {
            for (int syl : new int[] {6, 8, 10}) {
                Lyrics l = SERVICE.generate(new LyricsRequest("summer love", scheme, 8, syl, 3L));
                assertTrue(l.checks().schemeAdherence() >= 0.99, scheme + " " + l.checks().schemeAdherence() + "\n" + l.text());
                assertTrue(l.checks().syllableAdherence() >= 0.99, syl + " " + l.checks().syllableAdherence() + "\n" + l.text());
            }
        }
    }

    @Test
    void should_read_a_theme_into_content_words_a_singable_hook_and_a_title() {
        Theme t = Theme.of("leaving a small town at dawn", Pronunciations.shared());
        assertEquals(List.of("leaving", "small", "town", "dawn"), t.contentWords());
        assertEquals("small town at dawn", t.hook());
        assertEquals("Leaving a Small Town at Dawn", t.title());
        Theme dog = Theme.of("a song about my dog Max", Pronunciations.shared());
        assertEquals("my dog Max", dog.hook());
        assertTrue(dog.names().contains("max"));
        assertEquals("My Dog Max", dog.title());
    }
}
