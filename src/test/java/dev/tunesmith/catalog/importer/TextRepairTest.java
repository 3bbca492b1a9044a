package dev.tunesmith.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRepairTest {

    /** Makes mojibake the way it happens: UTF-8 bytes read as Windows-1252 (or Latin-1). */
    private static String garble(String s, String charset) {
        return new String(s.getBytes(StandardCharsets.UTF_8), Charset.forName(charset));
    }

    @Test
    void should_repair_double_encoded_utf8() {
        assertEquals("Aitänna77", TextRepair.repair("AitÃ¤nna77"));
        assertEquals("Música para Khaos", TextRepair.repair("MÃºsica para Khaos"));
        assertEquals("Señor Acero", TextRepair.repair(garble("Señor Acero", "windows-1252")));
        // č and the combining acute become C1 controls when read as Latin-1
        assertEquals("Radnički", TextRepair.repair(garble("Radnički", "ISO-8859-1")));
        assertEquals("corazón", TextRepair.repair(garble("corazo\u0301n", "ISO-8859-1")).replace("o\u0301", "ó"));
        assertEquals("Don’t Stop — Ü", TextRepair.repair(garble("Don’t Stop — Ü", "windows-1252")));
    }

    @Test
    void should_repair_text_that_was_double_encoded_twice() {
        String twice = garble(garble("Pärt", "windows-1252"), "windows-1252");
        assertEquals("Pärt", TextRepair.repair(twice));
    }

    @Test
    void should_leave_correct_text_alone() {
        for (String ok : new String[] {"Café", "Aitänna", "Björk", "Ärzte", "東京", "Señor", "plain ascii", "Ça va Â propos", ""}) {
            assertSame(ok, TextRepair.repair(ok), ok);
            assertFalse(TextRepair.isMojibake(ok), ok);
        }
        assertTrue(TextRepair.isMojibake("AitÃ¤nna77"));
        assertEquals(null, TextRepair.repair(null));
    }
}
