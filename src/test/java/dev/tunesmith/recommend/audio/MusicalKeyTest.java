package dev.tunesmith.recommend.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MusicalKeyTest {

    @Test
    void should_write_and_parse_keys_as_the_api_shows_them() {
        assertEquals("F# major", MusicalKey.parse("F# major").toString());
        assertEquals("A# minor", MusicalKey.parse("Bb minor").toString());
        assertEquals("A minor", new MusicalKey(9, false, 0.1).toString());
        assertThrows(IllegalArgumentException.class, () -> MusicalKey.parse("H dorian"));
    }

    @Test
    void should_score_estimates_as_mirex_does() {
        MusicalKey cMajor = MusicalKey.parse("C major");
        assertEquals(1.0, MusicalKey.parse("C major").mirexScore(cMajor));
        assertEquals(0.5, MusicalKey.parse("G major").mirexScore(cMajor));
        assertEquals(0.5, MusicalKey.parse("F major").mirexScore(cMajor));
        assertEquals(0.3, MusicalKey.parse("A minor").mirexScore(cMajor));
        assertEquals(0.2, MusicalKey.parse("C minor").mirexScore(cMajor));
        assertEquals(0.0, MusicalKey.parse("D major").mirexScore(cMajor));
        assertEquals(0.3, MusicalKey.parse("C major").mirexScore(MusicalKey.parse("A minor")));
    }
}
