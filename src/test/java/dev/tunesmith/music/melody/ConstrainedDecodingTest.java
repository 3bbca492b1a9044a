package dev.tunesmith.music.melody;

import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConstrainedDecodingTest {

    private static TokenLm model;

    /** A tiny vocabulary with awkward lengths so that the grammar has to work. */
    static Vocabulary tinyVocabulary() {
        List<String> t = new ArrayList<>(List.of(MelodyTokens.PAD, MelodyTokens.UNK, MelodyTokens.BOS, MelodyTokens.EOS, MelodyTokens.LIVELY,
                MelodyTokens.CALM, MelodyTokens.ANY, "|]", "|", "||", ":|", "|:", "::", "[1", "[2", "-", "(3", "(4:3:4", "M:4/4", "M:6/8", "M:3/4",
                "M:9/8", "M:2/4", "M:3/2", "K:D", "K:Em", "K:Bb", "K:F#m", "z", "z4", "z/"));
        for (String p : List.of("D", "E", "F", "^F", "G", "A", "B", "c", "=c", "d", "e", "f", "g", "a", "_B")) {
            for (String l : List.of("", "2", "3", "4", "6", "8", "/", "3/2", "/4", "5", "7")) {
                t.add(p + l);
            }
        }
        return new Vocabulary(t);
    }

    @BeforeAll
    static void load() {
        Vocabulary v = tinyVocabulary();
        model = TokenLm.untrained("melody", v, new LmConfig(v.size(), 8, 16, 1, 0f), 3, Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void should_emit_only_complete_bars_for_every_seed_meter_and_key() {
        // given
        String[][] cases = {{"4/4", "D"}, {"6/8", "Em"}, {"3/4", "Bb"}, {"9/8", "F#m"}, {"2/4", "D"}, {"3/2", "Em"}};
        int tunes = 0;
        try (Predictor<TokenLm.Step, TokenLm.StepResult> p = model.newPredictor()) {
            for (long seed = 0; seed < 40; seed++) {
                String[] c = cases[(int) (seed % cases.length)];
                Key key = Key.parse(c[1]);
                Meter meter = Meter.parse(c[0]);
                int bars = 1 + (int) (seed % 17);
                double temperature = seed % 3 == 0 ? 2.0 : 1.0;
                // when
                MelodyDecoder.Result r = MelodyDecoder.decode(p, model.vocabulary(), List.of(MelodyTokens.BOS, MelodyTokens.meterToken(meter),
                        MelodyTokens.keyToken(key), MelodyTokens.ANY), new MelodyGrammar(model.vocabulary(), key, meter, bars), temperature, 1.0, new Random(seed));
                String abc = AbcSerializer.serialize(DjlMelodyService.assemble(r.tokens(), key, meter, 100.0));
                Tune tune = AbcParser.parse(abc);
                // then
                assertTrue(TuneTiming.strictlyValid(tune), () -> "invalid: " + abc);
                assertEquals(bars, TuneTiming.bars(tune).size(), abc);
                assertEquals("|]", r.tokens().getLast());
                tunes++;
            }
        }
        assertEquals(40, tunes);
    }

    @Test
    void should_emit_complete_bars_when_meter_is_6_8() {
        // given
        Key key = Key.parse("D");
        Meter meter = Meter.parse("6/8");
        try (Predictor<TokenLm.Step, TokenLm.StepResult> p = model.newPredictor()) {
            // when
            MelodyDecoder.Result r = MelodyDecoder.decode(p, model.vocabulary(), List.of(MelodyTokens.BOS, "M:6/8", "K:D", MelodyTokens.LIVELY),
                    new MelodyGrammar(model.vocabulary(), key, meter, 8), 1.5, 0.9, new Random(99));
            Tune tune = AbcParser.parse(AbcSerializer.serialize(DjlMelodyService.assemble(r.tokens(), key, meter, null)));
            // then
            List<TuneTiming.Bar> bars = TuneTiming.bars(tune);
            assertEquals(8, bars.size());
            bars.forEach(b -> assertEquals(dev.tunesmith.music.abc.Fraction.of(3, 4), b.duration()));
        }
    }

    @Test
    void should_end_on_the_tonic() {
        Key key = Key.parse("Em");
        Meter meter = Meter.parse("3/4");
        try (Predictor<TokenLm.Step, TokenLm.StepResult> p = model.newPredictor()) {
            for (long seed = 0; seed < 10; seed++) {
                MelodyDecoder.Result r = MelodyDecoder.decode(p, model.vocabulary(), List.of(MelodyTokens.BOS, "M:3/4", "K:Em", MelodyTokens.CALM),
                        new MelodyGrammar(model.vocabulary(), key, meter, 4), 1.0, 1.0, new Random(seed));
                String last = r.tokens().get(r.tokens().size() - 2);
                assertTrue(last.startsWith("E") || last.startsWith("e"), last);
            }
        }
    }

    @Test
    void should_sample_greedily_at_temperature_zero_and_respect_the_mask() {
        float[] logits = {5f, 1f, 9f, 2f};
        boolean[] mask = {true, true, false, true};
        assertEquals(0, MelodyDecoder.sample(logits, mask, 0, 1, new Random(1)));
        for (int i = 0; i < 200; i++) {
            int s = MelodyDecoder.sample(logits, mask, 1.0, 0.5, new Random(i));
            assertEquals(0, s);
        }
    }
}
