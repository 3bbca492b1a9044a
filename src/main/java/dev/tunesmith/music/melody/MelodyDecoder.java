package dev.tunesmith.music.melody;

import dev.tunesmith.music.lm.Sampling;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Grammar-constrained sampling with temperature and nucleus (top-p) truncation. */
final class MelodyDecoder {

    private MelodyDecoder() {}

    /**
     * Decoded body tokens.
     *
     * @param tokens body tokens, ending with {@code |]}
     * @param steps predictor calls (generated tokens)
     */
    record Result(List<String> tokens, int steps) {}

    static Result decode(Predictor<TokenLm.Step, TokenLm.StepResult> predictor, Vocabulary vocab, List<String> prefix,
            MelodyGrammar grammar, double temperature, double topP, Random rng) {
        List<String> out = new ArrayList<>();
        int steps = 0;
        try {
            TokenLm.StepResult r = predictor.predict(new TokenLm.Step(vocab.encode(prefix), null, null));
            while (!grammar.done()) {
                boolean[] mask = grammar.allowed();
                int id = sample(r.logits(), mask, temperature, topP, rng);
                grammar.accept(id);
                out.add(vocab.token(id));
                steps++;
                if (!grammar.done()) {
                    r = predictor.predict(new TokenLm.Step(new int[] {id}, r.h(), r.c()));
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("melody model inference failed", e);
        }
        return new Result(out, steps);
    }

    /** Samples an allowed index; temperature ≤ 0 means greedy. */
    static int sample(float[] logits, boolean[] mask, double temperature, double topP, Random rng) {
        return Sampling.sample(logits, mask, temperature, topP, rng);
    }
}
