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

    @Test
    void should_never_put_a_chord_under_its_own_other_third_nor_a_minor_chord_from_outside_the_key() {
        // given: a generated G-major tune that used to get "Dm" over d–e–f♯ (F sharp, the major third of D, over D minor)
        Harmonizer h = Harmonizer.loadShipped();
        String abc = "X:1\nM:3/4\nL:1/8\nK:G\nd2 e2 fe|d4 e2|d6-|d2 A2 d2|\nd2 e3d|e2 d4|e2 c2 d2|e2 e2 a2|\n"
                + "a4 ag|f2 e2 c2|d3e f2|e2 d2 c2|\nd4 e2|d2 e2 f2|e2 dc d2|e2 d2 G2|]\n";
        // when
        Tune out = h.harmonize(AbcParser.parse(abc));
        List<String> chords = out.body().stream().filter(AbcElement.ChordSymbol.class::isInstance).map(e -> ((AbcElement.ChordSymbol) e).text()).toList();
        // then: no Dm, Am is in the key; and over held-out corpus tunes no slot's chord has its other third in the melody
        assertTrue(chords.stream().noneMatch(c -> c.equals("Dm") || c.equals("Cm") || c.equals("Gm")), chords.toString());
        MelodyCorpus corpus = MelodyCorpus.load(CorpusFixture.nottingham(), 42, 0.05);
        assertEquals(0.0, h.thirdClashes(corpus.validation(), false));
        assertTrue(h.thirdClashes(corpus.validation(), true) > 0, "the corpus's own chords do clash now and then: the measure can see it");
        assertTrue(h.agreement(corpus.validation()) > 0.6, "agreement " + h.agreement(corpus.validation()));
    }
}
