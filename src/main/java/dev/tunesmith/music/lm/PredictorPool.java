package dev.tunesmith.music.lm;

import ai.djl.inference.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A fixed set of step predictors of one model; a caller borrows one at a time (predictors are not thread-safe). */
public final class PredictorPool implements AutoCloseable {

    private final BlockingQueue<Predictor<TokenLm.Step, TokenLm.StepResult>> free;
    private final List<Predictor<TokenLm.Step, TokenLm.StepResult>> all = new ArrayList<>();

    /** Creates {@code size} predictors. */
    public PredictorPool(TokenLm model, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        free = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Predictor<TokenLm.Step, TokenLm.StepResult> p = model.newPredictor();
            all.add(p);
            free.add(p);
        }
    }

    /** Waits up to 60 s for a free predictor. */
    public Predictor<TokenLm.Step, TokenLm.StepResult> borrow() {
        try {
            Predictor<TokenLm.Step, TokenLm.StepResult> p = free.poll(60, TimeUnit.SECONDS);
            if (p == null) {
                throw new IllegalStateException("generator busy: no predictor free within 60 s");
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
    }

    /** Returns a borrowed predictor. */
    public void release(Predictor<TokenLm.Step, TokenLm.StepResult> p) {
        free.add(p);
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
    }
}
