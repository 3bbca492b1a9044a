package dev.tunesmith.music.lyrics;

import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.lm.LmTrainer;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains the word-level lyrics model on the cleaned Gutenberg stanzas ({@link SongCorpus}): the most
 * frequent words form the vocabulary (others become {@code <unk>}), 5 % of the stanzas are held out
 * (seeded) for the validation loss, stanza order is reshuffled every epoch. Writes
 * {@code lyrics.params}, {@code lyrics.properties}, {@code vocab.txt} and {@code checkpoints/}.
 */
public final class LyricsTrainer {

    private LyricsTrainer() {}

    /**
     * Options.
     *
     * @param data folder with Gutenberg {@code *.txt} files
     * @param out output folder
     * @param epochs passes
     * @param seed random seed
     * @param vocabularySize words kept (plus specials)
     * @param shape network shape (vocabulary size filled in)
     * @param maxBatchesPerEpoch stop an epoch early (0 = no limit)
     * @param progress progress output or null
     */
    public record Options(Path data, Path out, int epochs, long seed, int vocabularySize, LmConfig shape, int maxBatchesPerEpoch, PrintStream progress) {

        /** Defaults of the train command: 3,000 words, 64-d embedding, one 192-unit LSTM layer. */
        public static Options defaults(Path data, Path out, int epochs, long seed) {
            return new Options(data, out, epochs, seed, 3000, new LmConfig(8, 64, 192, 1, 0f), 0, System.err);
        }
    }

    /** Trains and writes the model folder; returns the loop's result. */
    public static LmTrainer.Result train(Options o) throws IOException {
        Files.createDirectories(o.out());
        List<List<String>> stanzas = new ArrayList<>(SongCorpus.load(o.data()));
        Collections.shuffle(stanzas, new Random(o.seed()));
        int nVal = Math.max(1, stanzas.size() / 20);
        List<List<String>> val = stanzas.subList(0, nVal);
        List<List<String>> train = stanzas.subList(nVal, stanzas.size());
        List<List<String>> trainSeqs = train.stream().map(LyricsTokens::sequence).toList();
        Vocabulary vocab = vocabulary(trainSeqs, o.vocabularySize());
        LmConfig cfg = new LmConfig(vocab.size(), o.shape().embedding(), o.shape().hidden(), o.shape().layers(), o.shape().dropout());
        int[] valStream = LmTrainer.stream(val.stream().map(LyricsTokens::sequence).toList(), vocab);
        if (o.progress() != null) {
            o.progress().printf(Locale.ROOT, "lyrics: %d training stanzas, %d validation stanzas%n", train.size(), val.size());
        }
        LmTrainer.Result r;
        try (TokenLm model = TokenLm.untrained("lyrics", vocab, cfg, o.seed(), TokenLm.defaultDevice())) {
            r = LmTrainer.train(model, (epoch, rng) -> {
                List<List<String>> shuffled = new ArrayList<>(trainSeqs);
                Collections.shuffle(shuffled, rng);
                return LmTrainer.stream(shuffled, vocab);
            }, valStream, new LmTrainer.Options("lyrics", o.out(), o.epochs(), o.seed(), 32, 64, 2e-3f, o.maxBatchesPerEpoch(), o.progress()));
        }
        vocab.write(o.out().resolve("vocab.txt"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("train.seed", Long.toString(o.seed()));
        facts.put("train.epochs", Integer.toString(o.epochs()));
        facts.put("train.bestEpoch", Integer.toString(r.bestEpoch()));
        facts.put("train.validationLoss", String.format(Locale.ROOT, "%.4f", r.bestValidationLoss()));
        facts.put("train.stanzas", Integer.toString(train.size()));
        facts.put("train.validationStanzas", Integer.toString(val.size()));
        facts.put("train.tokensPerSecond", String.format(Locale.ROOT, "%.0f", r.trainTokensPerSecond()));
        cfg.write(o.out().resolve("lyrics.properties"), facts);
        return r;
    }

    static Vocabulary vocabulary(List<List<String>> seqs, int size) {
        Map<String, Integer> freq = new HashMap<>();
        for (List<String> s : seqs) {
            for (String t : s) {
                if (!LyricsTokens.SPECIALS.contains(t)) {
                    freq.merge(t, 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>(freq.keySet());
        words.sort((a, b) -> freq.get(b).equals(freq.get(a)) ? a.compareTo(b) : freq.get(b) - freq.get(a));
        List<String> tokens = new ArrayList<>(LyricsTokens.SPECIALS);
        tokens.addAll(words.subList(0, Math.min(size, words.size())));
        return new Vocabulary(tokens);
    }
}
