package dev.tunesmith.music.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a {@link TokenLm} with DJL: next-token cross-entropy on fixed windows of a token stream
 * (fresh stream per epoch, so augmentation can differ), Adam with gradient clipping, held-out
 * validation loss after every epoch, a checkpoint per epoch ({@code checkpoints/NAME-epoch-NNN.params})
 * and the best weights kept as {@code NAME.params}. Seeded: window order and initial weights follow
 * from the seed.
 */
public final class LmTrainer {

    private LmTrainer() {}

    /**
     * Loop options.
     *
     * @param name file prefix of the weights
     * @param out output folder
     * @param epochs passes
     * @param seed random seed
     * @param batchSize windows per batch
     * @param window tokens per window
     * @param learningRate Adam learning rate
     * @param maxBatchesPerEpoch stop an epoch early (0 = no limit), for smoke runs
     * @param progress where the progress bar goes (null for silence)
     */
    public record Options(String name, Path out, int epochs, long seed, int batchSize, int window, float learningRate, int maxBatchesPerEpoch,
            PrintStream progress) {}

    /** Supplies the training stream of an epoch. */
    @FunctionalInterface
    public interface EpochData {
        /** Token indices of all training sequences, concatenated, for a 1-based epoch. */
        int[] stream(int epoch, Random rng);
    }

    /**
     * Outcome.
     *
     * @param bestValidationLoss lowest mean validation cross-entropy per token (nats)
     * @param bestEpoch epoch that reached it (1-based)
     * @param trainTokensPerSecond training throughput
     * @param parameters trainable scalars
     */
    public record Result(double bestValidationLoss, int bestEpoch, double trainTokensPerSecond, long parameters) {}

    /** Trains the model in place and writes checkpoints and the best weights. */
    public static Result train(TokenLm model, EpochData data, int[] valStream, Options o) throws IOException {
        Files.createDirectories(o.out().resolve("checkpoints"));
        Device device = model.device();
        double best = Double.MAX_VALUE;
        int bestEpoch = 0;
        long trainedTokens = 0;
        long trainNanos = 0;
        long params;
        int vocab = model.vocabulary().size();
        Engine.getInstance().setRandomSeed((int) o.seed());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(o.learningRate())).optClipGrad(1f).build())
                .optDevices(new Device[] {device});
        try (Trainer trainer = model.djlModel().newTrainer(config)) {
            trainer.initialize(new Shape(o.batchSize(), o.window()));
            params = model.parameterCount();
            log(o, "%s: %,d parameters, vocabulary %d, device %s%n", o.name(), params, vocab, device);
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                Random rng = new Random(o.seed() * 1_000_003L + epoch);
                int[] trainStream = data.stream(epoch, rng);
                List<int[]> batches = batches(trainStream, o.batchSize(), o.window(), rng.nextInt(o.window()), rng);
                int total = o.maxBatchesPerEpoch() > 0 ? Math.min(o.maxBatchesPerEpoch(), batches.size()) : batches.size();
                double lossSum = 0;
                long start = System.nanoTime();
                for (int b = 0; b < total; b++) {
                    lossSum += trainBatch(trainer, batches.get(b), o.batchSize(), o.window(), vocab);
                    long elapsed = System.nanoTime() - start;
                    double tps = (double) (b + 1) * o.batchSize() * o.window() / (elapsed / 1e9);
                    progress(o, epoch, b + 1, total, lossSum / (b + 1), tps);
                }
                trainedTokens += (long) total * o.batchSize() * o.window();
                trainNanos += System.nanoTime() - start;
                double val = validate(trainer, valStream, o.window(), vocab);
                if (o.progress() != null) {
                    o.progress().println();
                }
                log(o, "%s: epoch %d train loss %.4f validation loss %.4f (perplexity %.2f)%n", o.name(), epoch, lossSum / Math.max(1, total), val, Math.exp(val));
                Path ckpt = o.out().resolve("checkpoints").resolve(String.format(Locale.ROOT, "%s-epoch-%03d.params", o.name(), epoch));
                model.saveParameters(ckpt);
                if (Double.isNaN(val) || val < best) {
                    best = Double.isNaN(val) ? best : val;
                    bestEpoch = epoch;
                    Files.copy(ckpt, o.out().resolve(o.name() + ".params"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new Result(best, bestEpoch, trainedTokens / Math.max(1e-9, trainNanos / 1e9), params);
    }

    /** Concatenates sequences into one index stream. */
    public static int[] stream(List<List<String>> seqs, Vocabulary vocab) {
        int n = seqs.stream().mapToInt(List::size).sum();
        int[] out = new int[n];
        int i = 0;
        for (List<String> s : seqs) {
            for (String t : s) {
                out[i++] = vocab.id(t);
            }
        }
        return out;
    }

    private static List<int[]> batches(int[] stream, int batch, int window, int offset, Random rng) {
        List<Integer> starts = new ArrayList<>();
        for (int s = offset; s + window + 1 <= stream.length; s += window) {
            starts.add(s);
        }
        Collections.shuffle(starts, rng);
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b + batch <= starts.size(); b += batch) {
            int[] flat = new int[batch * (window + 1)];
            for (int k = 0; k < batch; k++) {
                System.arraycopy(stream, starts.get(b + k), flat, k * (window + 1), window + 1);
            }
            out.add(flat);
        }
        return out;
    }

    private static NDArray[] split(NDManager m, int[] flat, int batch, int window) {
        NDArray all = m.create(flat, new Shape(batch, window + 1));
        NDArray x = all.get(":, :-1");
        NDArray y = all.get(":, 1:");
        return new NDArray[] {x, y};
    }

    /** Mean cross-entropy per token: −mean log softmax(logits)[label]. */
    static NDArray crossEntropy(NDArray logits, NDArray labels, int vocab) {
        NDArray logp = logits.logSoftmax(-1);
        NDArray oneHot = labels.oneHot(vocab).toType(DataType.FLOAT32, false);
        return logp.mul(oneHot).sum(new int[] {-1}).neg().mean();
    }

    private static double trainBatch(Trainer trainer, int[] flat, int batch, int window, int vocab) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray[] xy = split(m, flat, batch, window);
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(xy[0]));
                NDArray l = crossEntropy(pred.get(0), xy[1], vocab);
                gc.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    private static double validate(Trainer trainer, int[] stream, int window, int vocab) {
        List<int[]> batches = batches(stream, 4, window, 0, new Random(0));
        double sum = 0;
        int n = 0;
        for (int[] flat : batches) {
            int b = flat.length / (window + 1);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray[] xy = split(m, flat, b, window);
                NDList pred = trainer.evaluate(new NDList(xy[0]));
                sum += crossEntropy(pred.get(0), xy[1], vocab).getFloat();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static void progress(Options o, int epoch, int done, int total, double loss, double tps) {
        if (o.progress() == null) {
            return;
        }
        int width = 30;
        int filled = (int) ((long) width * done / total);
        o.progress().printf(Locale.ROOT, "\r%s epoch %d/%d [%s%s] %d/%d loss %.4f %,.0f tok/s", o.name(), epoch, o.epochs(), "#".repeat(filled), ".".repeat(width - filled), done, total, loss, tps);
        o.progress().flush();
    }

    private static void log(Options o, String format, Object... args) {
        if (o.progress() != null) {
            o.progress().printf(Locale.ROOT, format, args);
        }
    }
}
