package dev.tunesmith.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Transposer;
import dev.tunesmith.music.abc.Tune;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateBenchTest {

    private static final String EIGHT_BARS = "X:1\nM:3/4\nL:1/8\nK:G\nG2 B2 d2|c2 A2 F2|G2 B2 d2|e4 d2|c2 B2 A2|B2 G2 E2|D2 F2 A2|G6|]\n";

    @Test
    void should_see_a_transposed_copy_as_the_same_eight_bar_window() {
        // given
        Tune t = AbcParser.parse(EIGHT_BARS);
        // when
        List<String> original = GenerateBench.windows(t);
        List<String> moved = GenerateBench.windows(Transposer.transpose(t, 3));
        // then
        assertEquals(1, original.size());
        assertEquals(original, moved);
    }

    @Test
    void should_see_a_changed_note_as_a_different_window() {
        Tune changed = AbcParser.parse(EIGHT_BARS.replace("e4 d2", "e4 c2"));
        assertNotEquals(GenerateBench.windows(AbcParser.parse(EIGHT_BARS)), GenerateBench.windows(changed));
    }

    @Test
    void should_print_json_with_escaped_text() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("a", 0.5);
        r.put("b", "x\"y\nz");
        r.put("c", null);
        assertEquals("{\"a\":0.500000,\"b\":\"x\\\"y\\nz\",\"c\":null}", GenerateBench.json(r));
        assertTrue(GenerateBench.table(r).contains("0.5000"));
    }

    @Test
    void should_match_theme_words_by_lemma() {
        assertEquals(LyricsBench.lemma("light"), LyricsBench.lemma("lights"));
        assertEquals(LyricsBench.lemma("leave"), LyricsBench.lemma("leaving"));
        assertNotEquals(LyricsBench.lemma("sea"), LyricsBench.lemma("see"));
    }

    @Test
    void should_give_a_lower_perplexity_to_lines_like_the_training_lines() {
        LyricsBench.BigramLm lm = LyricsBench.BigramLm.train(List.of("the river runs to the sea", "the wind is on the hill",
                "I walk along the river", "the sea is cold tonight"));
        double like = lm.perplexity(List.of("the river runs to the hill"));
        double unlike = lm.perplexity(List.of("quantum tax forms confuse accountants"));
        assertTrue(like < unlike, like + " vs " + unlike);
    }
}
