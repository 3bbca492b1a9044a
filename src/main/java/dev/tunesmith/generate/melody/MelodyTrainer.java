package dev.tunesmith.generate.melody;

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
import dev.tunesmith.generate.abc.Tune;
import dev.tunesmith.generate.harmony.Harmonizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains the melody LSTM with DJL: next-token cross-entropy on fixed windows of the concatenated
 * token stream, Adam with gradient clipping, fresh transposition augmentation every epoch, held-out
 * validation loss after every epoch, a checkpoint per epoch and the best weights kept as
 * {@code melody.params}. Seeded: the split, augmentation, window order and initial weights follow
 * from {@link Options#seed()}.
 */
public final class MelodyTrainer {

    private MelodyTrainer() {}

    /**
     * Training options.
     *
     * @param data folder with {@code *.abc} files
     * @param out output folder (weights, vocabulary, properties, checkpoints)
     * @param epochs passes over the augmented training data
     * @param seed random seed
     * @param batchSize windows per batch
     * @param window tokens per window
     * @param extraKeys random transpositions added per tune and epoch
     * @param shape network shape (vocabulary size is filled in)
     * @param learningRate Adam learning rate
     * @param maxBatchesPerEpoch stop an epoch early (0 = no limit), for smoke runs
     * @param progress where the progress bar goes (null for silence)
     */
    public record Options(Path data, Path out, int epochs, long seed, int batchSize, int window, int extraKeys, MelodyConfig shape,
            float learningRate, int maxBatchesPerEpoch, PrintStream progress) {

        /** Defaults used by the train command: 2 × 256 LSTM, 64-d embedding. */
        public static Options defaults(Path data, Path out, int epochs, long seed) {
            return new Options(data, out, epochs, seed, 32, 128, 3, new MelodyConfig(8, 64, 256, 2, 0.1f), 2e-3f, 0, System.err);
        }
    }

    /**
     * Outcome of a run.
     *
     * @param bestValidationLoss lowest mean validation cross-entropy per token (nats)
     * @param bestEpoch epoch that reached it (1-based)
     * @param trainTokensPerSecond training throughput
     * @param parameters trainable scalars
     * @param vocabularySize tokens in the vocabulary
     * @param harmonyAgreement share of validation slots where the harmonizer's chord matches the tune's
     */
    public record Result(double bestValidationLoss, int bestEpoch, double trainTokensPerSecond, long parameters, int vocabularySize, double harmonyAgreement) {}

    /** Runs training and writes the model folder. */
    public static Result train(Options o) throws IOException {
        Files.createDirectories(o.out().resolve("checkpoints"));
        MelodyCorpus corpus = MelodyCorpus.load(o.data(), o.seed(), 0.05);
        Vocabulary vocab = buildVocabulary(corpus);
        MelodyConfig cfg = new MelodyConfig(vocab.size(), o.shape().embedding(), o.shape().hidden(), o.shape().layers(), o.shape().dropout());
        int[] valStream = stream(MelodyCorpus.sequences(corpus.validation()), vocab);
        Device device = MelodyModel.defaultDevice();
        log(o, "melody: %d training tunes, %d validation tunes, vocabulary %d, device %s%n", corpus.train().size(), corpus.validation().size(), vocab.size(), device);
        double best = Double.MAX_VALUE;
        int bestEpoch = 0;
        long trainedTokens = 0;
        long trainNanos = 0;
        long params;
        try (MelodyModel model = MelodyModel.untrained(vocab, cfg, o.seed(), device)) {
            Engine.getInstance().setRandomSeed((int) o.seed());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(o.learningRate())).optClipGrad(1f).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.djlModel().newTrainer(config)) {
                trainer.initialize(new Shape(o.batchSize(), o.window()));
                params = model.parameterCount();
                log(o, "melody: %,d parameters%n", params);
                for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                    Random rng = new Random(o.seed() * 1_000_003L + epoch);
                    int[] trainStream = stream(corpus.augmented(rng, o.extraKeys()), vocab);
                    List<int[]> batches = batches(trainStream, o.batchSize(), o.window(), rng.nextInt(o.window()), rng);
                    int total = o.maxBatchesPerEpoch() > 0 ? Math.min(o.maxBatchesPerEpoch(), batches.size()) : batches.size();
                    double lossSum = 0;
                    long start = System.nanoTime();
                    for (int b = 0; b < total; b++) {
                        lossSum += trainBatch(trainer, batches.get(b), o.batchSize(), o.window(), vocab.size());
                        trainedTokens += (long) o.batchSize() * o.window();
                        long elapsed = System.nanoTime() - start;
                        double tps = (double) (b + 1) * o.batchSize() * o.window() / (elapsed / 1e9);
                        progress(o, epoch, b + 1, total, lossSum / (b + 1), tps);
                    }
                    trainNanos += System.nanoTime() - start;
                    double val = validate(trainer, valStream, o.batchSize(), o.window(), vocab.size());
                    if (o.progress() != null) {
                        o.progress().println();
                    }
                    log(o, "melody: epoch %d train loss %.4f validation loss %.4f (perplexity %.2f)%n", epoch, lossSum / total, val, Math.exp(val));
                    Path ckpt = o.out().resolve("checkpoints").resolve(String.format(Locale.ROOT, "melody-epoch-%03d.params", epoch));
                    model.saveParameters(ckpt);
                    if (val < best) {
                        best = val;
                        bestEpoch = epoch;
                        Files.copy(ckpt, o.out().resolve("melody.params"), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        double tps = trainedTokens / Math.max(1e-9, trainNanos / 1e9);
        Harmonizer harmonizer = Harmonizer.train(corpus.train());
        harmonizer.write(o.out().resolve("harmony.tsv"));
        double agreement = harmonizer.agreement(corpus.validation());
        log(o, "harmony: chord agreement on validation tunes %.3f%n", agreement);
        vocab.write(o.out().resolve("vocab.txt"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("train.seed", Long.toString(o.seed()));
        facts.put("train.epochs", Integer.toString(o.epochs()));
        facts.put("train.bestEpoch", Integer.toString(bestEpoch));
        facts.put("train.validationLoss", String.format(Locale.ROOT, "%.4f", best));
        facts.put("train.tunes", Integer.toString(corpus.train().size()));
        facts.put("train.validationTunes", Integer.toString(corpus.validation().size()));
        facts.put("train.extraKeys", Integer.toString(o.extraKeys()));
        facts.put("train.window", Integer.toString(o.window()));
        facts.put("train.batchSize", Integer.toString(o.batchSize()));
        facts.put("train.learningRate", Float.toString(o.learningRate()));
        facts.put("harmony.validationAgreement", String.format(Locale.ROOT, "%.4f", agreement));
        facts.put("train.tokensPerSecond", String.format(Locale.ROOT, "%.0f", tps));
        cfg.write(o.out().resolve("melody.properties"), facts);
        return new Result(best, bestEpoch, tps, params, vocab.size(), agreement);
    }

    /** Vocabulary over every allowed transposition of every tune, plus specials and {@code |]}. */
    static Vocabulary buildVocabulary(MelodyCorpus corpus) {
        List<Tune> all = new ArrayList<>(corpus.train());
        all.addAll(corpus.validation());
        List<List<String>> seqs = new ArrayList<>();
        for (Tune t : all) {
            seqs.addAll(MelodyTokens.tokenize(t, false));
            for (int s = -5; s <= 6; s++) {
                if (s != 0 && MelodyCorpus.fits(t, s)) {
                    seqs.addAll(MelodyTokens.tokenize(dev.tunesmith.generate.abc.Transposer.transpose(t, s), false));
                }
            }
        }
        return Vocabulary.build(seqs, List.of(MelodyTokens.PAD, MelodyTokens.UNK, MelodyTokens.BOS, MelodyTokens.EOS,
                MelodyTokens.LIVELY, MelodyTokens.CALM, MelodyTokens.ANY, "|]"));
    }

    static int[] stream(List<List<String>> seqs, Vocabulary vocab) {
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

    private static double validate(Trainer trainer, int[] stream, int batch, int window, int vocab) {
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
        o.progress().printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f %,.0f tok/s", epoch, o.epochs(), "#".repeat(filled), ".".repeat(width - filled), done, total, loss, tps);
        o.progress().flush();
    }

    private static void log(Options o, String format, Object... args) {
        if (o.progress() != null) {
            o.progress().printf(Locale.ROOT, format, args);
        }
    }
}
