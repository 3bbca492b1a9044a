package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.tunesmith.music.CheckReport;
import dev.tunesmith.music.Lyrics;
import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.LyricsService;
import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelLyricsGeneratorTest {

    private static final String WORDS = """
            day way say play stay away grey may night light bright sight might fight white sea me free tree thee see
            love above dove heart part start apart home roam foam sky high fly by eye cry
            the a and my in of to sweet fair young lady river morning evening beautiful golden wandering o'er
            green old little mother father mountain over under dear bonnie true gentle silver willow""";

    static TokenLm tinyModel() {
        List<String> tokens = new ArrayList<>(LyricsTokens.SPECIALS);
        for (String w : WORDS.split("\\s+")) {
            if (!w.isBlank() && !tokens.contains(w)) {
                tokens.add(w);
            }
        }
        Vocabulary v = new Vocabulary(tokens);
        return TokenLm.untrained("lyrics", v, new LmConfig(v.size(), 8, 16, 1, 0f), 5, Device.cpu());
    }

    @Test
    void should_follow_scheme_and_syllables_for_many_seeds_even_untrained() {
        // given
        try (LyricsService service = LyricsService.of(ModelLyricsGenerator.of(tinyModel(), 1))) {
            String[] schemes = {"AABB", "ABAB", "ABCB", "AAAA"};
            for (long seed = 0; seed < 24; seed++) {
                String scheme = schemes[(int) (seed % schemes.length)];
                int syllables = 4 + (int) (seed % 7);
                // when
                Lyrics l = service.generate(new LyricsRequest("golden river", scheme, 8, syllables, seed));
                // then
                CheckReport r = l.checks();
                assertEquals(8, r.lines().size(), l.text());
                assertEquals(1.0, r.syllableAdherence(), l.text());
                r.lines().forEach(line -> assertEquals(0, line.deviation(), l.text()));
                assertEquals(1.0, r.schemeAdherence(), scheme + "\n" + l.text());
            }
        }
    }

    @Test
    void should_repeat_the_same_text_for_the_same_seed() {
        try (LyricsService service = LyricsService.of(ModelLyricsGenerator.of(tinyModel(), 1))) {
            LyricsRequest req = new LyricsRequest(null, "ABAB", 4, 6, 77L);
            assertEquals(service.generate(req).text(), service.generate(req).text());
            assertTrue(service.generate(req).title().length() > 0);
        }
    }
}
