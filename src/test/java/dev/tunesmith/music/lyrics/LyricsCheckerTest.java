package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.CheckReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class LyricsCheckerTest {

    private final Pronunciations dict = Pronunciations.shared();
    private final LyricsChecker checker = new LyricsChecker(dict);

    @Test
    void should_count_syllables_of_known_words_from_cmudict() {
        assertEquals(1, dict.syllables("night"));
        assertEquals(3, dict.syllables("beautiful"));
        assertEquals(4, dict.syllables("melancholy"));
        assertEquals(2, dict.syllables("river's"));
        assertEquals(2, dict.syllables("Singin'"));
        assertTrue(dict.known("fire"));
    }

    @Test
    void should_fall_back_to_spelling_for_unknown_words() {
        assertFalse(dict.known("glorbination"));
        assertEquals(4, dict.syllables("glorbination"));
        assertEquals(1, Pronunciations.estimateSyllables("blarke"));
        assertTrue(dict.rhymes("glorbight", "florbight"));
    }

    @Test
    void should_detect_rhymes_through_pronunciation_not_spelling() {
        assertTrue(dict.rhymes("night", "light"));
        assertTrue(dict.rhymes("through", "blue"));
        assertTrue(dict.rhymes("away", "day"));
        assertFalse(dict.rhymes("cough", "though"));
        assertFalse(dict.rhymes("love", "move"));
    }

    @Test
    void should_report_full_adherence_when_lines_follow_abab() {
        // given
        String text = "The stars are bright tonight\nAnd silver is the sea\nThe moon is full of light\nAnd you are here with me\n";
        // when
        CheckReport r = checker.check(text, "abab", 6);
        // then
        assertEquals("ABAB", r.scheme());
        assertEquals("ABAB", r.detectedScheme());
        assertEquals(1.0, r.schemeAdherence());
        assertEquals(List.of(6, 6, 6, 6), r.lines().stream().map(CheckReport.Line::syllables).toList());
        assertEquals(1.0, r.syllableAdherence());
    }

    @Test
    void should_flag_lines_off_scheme_and_syllable_deviation_when_aabb_is_broken() {
        // given
        String text = "I walked along the road\nAnd carried all my load\nThe evening turned to grey\nI could not find my home tonight";
        // when
        CheckReport r = checker.check(text, "AABB", 6);
        // then
        assertEquals("AABC", r.detectedScheme());
        assertEquals(List.of(true, true, false, false), r.lines().stream().map(CheckReport.Line::onScheme).toList());
        assertEquals(0.5, r.schemeAdherence());
        assertEquals(2, r.lines().get(3).deviation());
        assertEquals(0.75, r.syllableAdherence());
    }

    @Test
    void should_cut_long_texts_into_chunks_of_the_scheme_length() {
        String text = "red\nbed\nblue\nthrough\n\ncat\nhat\nsun\nfun\n";
        CheckReport r = checker.check(text, "AABB", null);
        assertEquals("AABB AABB", r.detectedScheme());
        assertEquals(1.0, r.schemeAdherence());
        assertNull(r.syllableAdherence());
    }

    @Test
    void should_reject_a_scheme_that_is_not_letters() {
        assertThrows(IllegalArgumentException.class, () -> checker.check("a\nb", "A-B", null));
    }
}
