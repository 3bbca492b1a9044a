package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.abc.CorpusFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongCorpusTest {

    private static final String BOOK = """
            The Project Gutenberg EBook of Songs, by Somebody
            This eBook is for the use of anyone anywhere at no cost and with
            almost no restrictions whatsoever.

            *** START OF THIS PROJECT GUTENBERG EBOOK SONGS ***

            THE TWA SISTERS

            The ballad is found in many versions, of which the oldest was printed
            by Jamieson in 1806, and it has been noted that the second sister is
            drowned in every one of them, a point already discussed above.

                1
                There were twa sisters sat in a bour;
                Binnorie, O Binnorie
                There came a knight to be their wooer,
                By the bonnie milldams o Binnorie.

            [11] Motherwell's Minstrelsy, p. 88.

            *** END OF THIS PROJECT GUTENBERG EBOOK SONGS ***

            Section 1. General Terms of Use and Redistributing Project Gutenberg
            You may copy it, give it away or re-use it under the terms of
            """;

    @Test
    void should_keep_verse_and_drop_header_prose_footnotes_and_licence() {
        // when
        List<List<String>> stanzas = SongCorpus.stanzas(BOOK);
        // then
        assertEquals(1, stanzas.size());
        assertEquals(List.of("There were twa sisters sat in a bour;", "Binnorie, O Binnorie", "There came a knight to be their wooer,",
                "By the bonnie milldams o Binnorie."), stanzas.getFirst());
    }

    @Test
    void should_find_thousands_of_clean_stanzas_in_the_gutenberg_songs() {
        // given
        var dir = CorpusFixture.sharedData().resolve("gutenberg-songs");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir), "gutenberg-songs absent: skipping");
        // when
        List<List<String>> stanzas = SongCorpus.load(dir);
        // then
        assertTrue(stanzas.size() > 5000, "stanzas " + stanzas.size());
        assertFalse(stanzas.stream().flatMap(List::stream).anyMatch(l -> l.contains("Gutenberg") || l.matches(".*\\d.*")));
    }
}
