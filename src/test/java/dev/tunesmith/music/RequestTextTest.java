package dev.tunesmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestTextTest {

    @Test
    void should_read_counts_in_digits_words_and_hyphenated_forms() {
        assertEquals(Optional.of(12), RequestText.count("twelve lines about rain", "lines?"));
        assertEquals(Optional.of(12), RequestText.count("a 12-line song about rain", "lines?"));
        assertEquals(Optional.of(16), RequestText.count("Sixteen lines, ABAB", "lines?"));
        assertEquals(Optional.of(4), RequestText.count("just four lines please", "lines?"));
        assertEquals(Optional.of(24), RequestText.count("a twenty-four bar reel", "(?:bars?|measures?)"));
        assertEquals(Optional.of(8), RequestText.count("an eight-bar tune", "(?:bars?|measures?)"));
        assertEquals(Optional.of(12), RequestText.count("a dozen lines", "lines?"));
        assertEquals(Optional.of(10), RequestText.count("10 syllables", "syllables?"));
        assertEquals(Optional.empty(), RequestText.count("lines about the sea", "lines?"));
        assertEquals(Optional.empty(), RequestText.count("someone lines", "lines?"));
    }
}
