package dev.tunesmith.music.melody;

import dev.tunesmith.music.abc.Transposer;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.harmony.Harmonizer;
import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.lm.LmTrainer;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the melody model on an ABC folder: 5 % of the tunes held out (seeded shuffle) for the
 * validation loss, the rest re-augmented every epoch with random transpositions, then the
 * harmonizer counts. Writes {@code melody.params}, {@code melody.properties}, {@code vocab.txt},
 * {@code harmony.tsv} and {@code checkpoints/}: the same layout as the shipped
 * {@code models/melody/} resource folder.
 */
public final class MelodyTrainer {

    private MelodyTrainer() {}

    /**
     * Training options.
     *
     * @param data folder with {@code *.abc} files
     * @param out output folder
     * @param epochs passes over the augmented training data
     * @param seed random seed
     * @param batchSize windows per batch
     * @param window tokens per window
     * @param extraKeys random transpositions added per tune and epoch
     * @param shape network shape (the vocabulary size is filled in)
     * @param learningRate Adam learning rate
     * @param maxBatchesPerEpoch stop an epoch early (0 = no limit), for smoke runs
     * @param progress where the progress bar goes (null for silence)
     */
    public record Options(Path data, Path out, int epochs, long seed, int batchSize, int window, int extraKeys, LmConfig shape,
            float learningRate, int maxBatchesPerEpoch, PrintStream progress) {

        /** Defaults used by the train command: 2 × 256 LSTM, 64-d embedding. */
        public static Options defaults(Path data, Path out, int epochs, long seed) {
            return new Options(data, out, epochs, seed, 32, 128, 3, new LmConfig(8, 64, 256, 2, 0.1f), 2e-3f, 0, System.err);
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
        Files.createDirectories(o.out());
        MelodyCorpus corpus = MelodyCorpus.load(o.data(), o.seed(), 0.05);
        Vocabulary vocab = buildVocabulary(corpus);
        LmConfig cfg = new LmConfig(vocab.size(), o.shape().embedding(), o.shape().hidden(), o.shape().layers(), o.shape().dropout());
        int[] valStream = LmTrainer.stream(MelodyCorpus.sequences(corpus.validation()), vocab);
        if (o.progress() != null) {
            o.progress().printf(Locale.ROOT, "melody: %d training tunes, %d validation tunes%n", corpus.train().size(), corpus.validation().size());
        }
        LmTrainer.Result r;
        try (TokenLm model = TokenLm.untrained("melody", vocab, cfg, o.seed(), TokenLm.defaultDevice())) {
            r = LmTrainer.train(model, (epoch, rng) -> LmTrainer.stream(corpus.augmented(rng, o.extraKeys()), vocab), valStream,
                    new LmTrainer.Options("melody", o.out(), o.epochs(), o.seed(), o.batchSize(), o.window(), o.learningRate(), o.maxBatchesPerEpoch(), o.progress()));
        }
        Harmonizer harmonizer = Harmonizer.train(corpus.train());
        harmonizer.write(o.out().resolve("harmony.tsv"));
        double agreement = harmonizer.agreement(corpus.validation());
        if (o.progress() != null) {
            o.progress().printf(Locale.ROOT, "harmony: chord agreement on validation tunes %.3f%n", agreement);
        }
        vocab.write(o.out().resolve("vocab.txt"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("train.seed", Long.toString(o.seed()));
        facts.put("train.epochs", Integer.toString(o.epochs()));
        facts.put("train.bestEpoch", Integer.toString(r.bestEpoch()));
        facts.put("train.validationLoss", String.format(Locale.ROOT, "%.4f", r.bestValidationLoss()));
        facts.put("train.tunes", Integer.toString(corpus.train().size()));
        facts.put("train.validationTunes", Integer.toString(corpus.validation().size()));
        facts.put("train.extraKeys", Integer.toString(o.extraKeys()));
        facts.put("train.window", Integer.toString(o.window()));
        facts.put("train.batchSize", Integer.toString(o.batchSize()));
        facts.put("train.learningRate", Float.toString(o.learningRate()));
        facts.put("train.tokensPerSecond", String.format(Locale.ROOT, "%.0f", r.trainTokensPerSecond()));
        facts.put("harmony.validationAgreement", String.format(Locale.ROOT, "%.4f", agreement));
        cfg.write(o.out().resolve("melody.properties"), facts);
        return new Result(r.bestValidationLoss(), r.bestEpoch(), r.trainTokensPerSecond(), r.parameters(), vocab.size(), agreement);
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
                    seqs.addAll(MelodyTokens.tokenize(Transposer.transpose(t, s), false));
                }
            }
        }
        return Vocabulary.build(seqs, List.of(MelodyTokens.PAD, MelodyTokens.UNK, MelodyTokens.BOS, MelodyTokens.EOS,
                MelodyTokens.LIVELY, MelodyTokens.CALM, MelodyTokens.ANY, "|]"));
    }
}
