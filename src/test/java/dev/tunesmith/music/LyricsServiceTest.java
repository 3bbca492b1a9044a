package dev.tunesmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LyricsServiceTest {

    @Test
    void should_generate_lyrics_with_the_shipped_model_and_attach_the_report() {
        try (LyricsService service = LyricsService.loadShipped()) {
            // when
            Lyrics l = service.generate(new LyricsRequest("the sea at night", "ABAB", 8, 8, 3L));
            // then
            assertEquals(8, l.checks().lines().size());
            assertTrue(l.checks().schemeAdherence() >= 0.75, l.text());
            assertEquals(1.0, l.checks().syllableAdherence(), l.text());
            Map<String, Object> json = l.toMap();
            assertEquals("ABAB", json.get("scheme"));
            assertTrue(((Map<?, ?>) json.get("checks")).containsKey("lines"));
        }
    }

    @Test
    void should_validate_requests() {
        assertThrows(IllegalArgumentException.class, () -> new LyricsRequest("x", "AB1", 4, 8, null));
        assertThrows(IllegalArgumentException.class, () -> new LyricsRequest("x", "ABAB", 0, 8, null));
        assertThrows(IllegalArgumentException.class, () -> new LyricsRequest("x", "ABAB", 4, 30, null));
        assertEquals("ABAB", new LyricsRequest("x", "abab", 4, 8, null).scheme());
    }
}
