package dev.tunesmith.music.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Transposer;
import dev.tunesmith.music.abc.Tune;
import java.util.List;
import org.junit.jupiter.api.Test;

class MelodyTokensTest {

    private static final String TUNE = "X:1\nT:T\nM:6/8\nL:1/4\nK:D\n\"D\"d/2f/2 =c/2 c/2-c|(3A/2B/2c/2 [Fd] z/2:|[2 A,3/2 ^G,/2 d'||\n";

    @Test
    void should_tokenize_with_key_relative_accidentals_and_eighth_lengths() {
        // when
        List<List<String>> seqs = MelodyTokens.tokenize(AbcParser.parse(TUNE), false);
        // then
        assertEquals(List.of("<bos>", "M:6/8", "K:D", "<mood:calm>", "d", "f", "=c", "=c", "-", "=c2", "|", "(3", "A", "B", "c", "d2", "z", ":|",
                "[2", "A,3", "^G,", "d'2", "||", "<eos>"), seqs.getFirst());
    }

    @Test
    void should_keep_chord_symbols_in_the_harmony_stream() {
        List<String> seq = MelodyTokens.tokenize(AbcParser.parse(TUNE), true).getFirst();
        assertEquals("\"D\"", seq.get(4));
    }

    @Test
    void should_rebuild_the_same_notes_from_tokens() {
        // given
        Tune t = AbcParser.parse("X:1\nM:4/4\nL:1/8\nK:F\nFA cB =B2 c2|_e2 d=e f4|]\n");
        List<String> body = MelodyTokens.bodyTokens(t.body(), t.key(), false);
        // when
        List<AbcElement> rebuilt = MelodyTokens.toElements(body, t.key());
        // then
        List<AbcElement> notes = t.body().stream().filter(e -> e instanceof AbcElement.Note || e instanceof AbcElement.BarLine).toList();
        assertEquals(notes, rebuilt);
    }

    @Test
    void should_respell_notes_and_chords_when_transposing() {
        // given
        Tune t = AbcParser.parse("X:1\nM:4/4\nL:1/8\nK:D\n\"D\"d2 f2 \"A7\"^g2 a2|]\n");
        // when
        Tune up = Transposer.transpose(t, -2);
        // then
        assertEquals(Key.parse("C"), up.key());
        assertEquals("X:1\nM:4/4\nL:1/8\nK:C\n\"C\"c2 e2 \"G7\"^f2 g2|]\n", AbcSerializer.serialize(up));
    }
}
