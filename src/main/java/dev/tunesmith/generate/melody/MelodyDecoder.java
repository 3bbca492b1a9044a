package dev.tunesmith.generate.melody;

import dev.tunesmith.generate.lm.LmConfig;
import dev.tunesmith.generate.lm.TokenLm;
import dev.tunesmith.generate.lm.Vocabulary;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Arrays;
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
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (mask[i] && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("grammar allows no token");
        }
        if (temperature <= 0) {
            return best;
        }
        double max = logits[best];
        int n = 0;
        double[] p = new double[logits.length];
        Integer[] idx = new Integer[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            if (mask[i]) {
                p[i] = Math.exp((logits[i] - max) / temperature);
                sum += p[i];
                idx[n++] = i;
            }
        }
        Integer[] order = Arrays.copyOf(idx, n);
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double cut = topP * sum;
        double acc = 0;
        int keep = 0;
        while (keep < n) {
            acc += p[order[keep]];
            keep++;
            if (acc >= cut) {
                break;
            }
        }
        double u = rng.nextDouble() * acc;
        double run = 0;
        for (int k = 0; k < keep; k++) {
            run += p[order[k]];
            if (u < run) {
                return order[k];
            }
        }
        return order[keep - 1];
    }
}
