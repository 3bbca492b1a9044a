package dev.tunesmith.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaylistTitlesTest {

    @Test
    void should_summarise_the_request_rather_than_echo_it() {
        assertEquals("Chill studying", PlaylistTitles.of("something chill for studying"));
        assertEquals("Rainy sunday melancholic hopeful", PlaylistTitles.of("can you make me a playlist for a rainy sunday, a bit melancholic but hopeful, no jazz, 12 songs"));
        assertEquals("Party tonight", PlaylistTitles.of("party tonight!!! need bangers"));
        // "no one" as a person is kept, not dropped as a negation
        assertEquals("Feels nobody cares", PlaylistTitles.of("feels like no one cares"));
        // every way of saying "not" drops what it negates
        assertEquals("Happy", PlaylistTitles.of("happy songs but nothing sad"));
        assertEquals("Chill", PlaylistTitles.of("chill music, none of that sad stuff"));
        assertEquals("Upbeat", PlaylistTitles.of("upbeat, nothing too slow"));
        assertEquals("Long drive night desert", PlaylistTitles.of("songs for a long drive at night through the desert"));
        assertEquals("Happiest", PlaylistTitles.of("the happiest songs you have"));
        assertEquals("Saddest", PlaylistTitles.of("what are the saddest songs you've got"));
        assertEquals("Running", PlaylistTitles.of("running songs between 150 and 170 bpm, max one song per artist"));
        assertEquals("Your mix", PlaylistTitles.of("20 songs please"));
        // a decade stays, the words that switch topic go ("Totally different hip hop" lost the 90s and the party)
        assertEquals("90s hip hop party", PlaylistTitles.of("ok now something totally different, 90s hip hop for a party"));
        assertEquals("80s synth pop", PlaylistTitles.of("some '80s synth pop"));
        assertTrue(PlaylistTitles.of("x ".repeat(100)).length() <= 48);
    }
}
