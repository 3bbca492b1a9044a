package dev.tunesmith.music.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.CorpusFixture;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.melody.MelodyCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarmonizerTest {

    @Test
    void should_agree_with_held_out_corpus_chords_far_above_chance() {
        // given
        MelodyCorpus corpus = MelodyCorpus.load(CorpusFixture.nottingham(), 42, 0.05);
        // when
        Harmonizer h = Harmonizer.train(corpus.train());
        double agreement = h.agreement(corpus.validation());
        // then: 48 states, so chance is about 2 %; the tonic alone covers about a third
        assertTrue(agreement > 0.45, "agreement " + agreement);
    }

    @Test
    void should_put_tonic_and_dominant_chords_on_a_plain_melody() {
        // given
        Harmonizer h = Harmonizer.loadShipped();
        String abc = "X:1\nM:4/4\nL:1/8\nK:G\nG2B2 d2B2|A2c2 F2A2|G2B2 d2B2|A2F2 G4|]\n";
        // when
        Tune out = h.harmonize(AbcParser.parse(abc));
        List<String> chords = out.body().stream().filter(AbcElement.ChordSymbol.class::isInstance).map(e -> ((AbcElement.ChordSymbol) e).text()).toList();
        // then
        assertEquals("G", chords.getFirst());
        assertTrue(chords.contains("D") || chords.contains("D7"), chords.toString());
        assertEquals("G", chords.getLast());
        assertEquals(AbcParser.parse(AbcSerializer.serialize(out)).body().size(), out.body().size());
    }

    @Test
    void should_name_chords_with_the_key_signature() {
        Key bb = Key.parse("Bb");
        assertEquals("Bb", Harmonizer.name(0, bb));
        assertEquals("F7", Harmonizer.name(7 * 4 + 2, bb));
        assertEquals("Gm", Harmonizer.name(9 * 4 + 1, bb));
        assertEquals(7 * 4 + 2, Harmonizer.state("D7/f+", Key.parse("G")));
    }
}
