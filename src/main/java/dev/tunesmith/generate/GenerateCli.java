package dev.tunesmith.generate;

import dev.tunesmith.generate.lm.LmConfig;
import dev.tunesmith.generate.bench.GenerateBench;
import dev.tunesmith.generate.harmony.Harmonizer;
import dev.tunesmith.generate.lm.LmTrainer;
import dev.tunesmith.generate.lyrics.LyricsTrainer;
import dev.tunesmith.generate.melody.MelodyCorpus;
import dev.tunesmith.generate.melody.MelodyTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command-line entry points of creation assist, called from {@code Main}. Each returns a process
 * exit code (0 success, 2 bad arguments, 1 failure) and prints errors as one line.
 */
public final class GenerateCli {

    private GenerateCli() {}

    /**
     * {@code train-melody --data DIR --epochs N --out DIR --seed S [--hidden H] [--layers L]
     * [--extra-keys K] [--max-batches B]}: trains the melody model; the output folder can replace
     * {@code src/main/resources/models/melody}.
     */
    public static int trainMelody(List<String> args) {
        System.setProperty("ai.djl.offline", "true");
        try {
            CliArgs a = new CliArgs(args, List.of("data", "epochs", "out", "seed", "hidden", "layers", "extra-keys", "max-batches", "batch", "window", "lr"));
            Path data = Path.of(a.get("data", "../shared/data/nottingham-abc"));
            Path out = Path.of(a.get("out", "target/models/melody"));
            MelodyTrainer.Options d = MelodyTrainer.Options.defaults(data, out, a.getInt("epochs", 25), a.getLong("seed", 42));
            LmConfig shape = new LmConfig(8, d.shape().embedding(), a.getInt("hidden", d.shape().hidden()), a.getInt("layers", d.shape().layers()), d.shape().dropout());
            MelodyTrainer.Options o = new MelodyTrainer.Options(data, out, d.epochs(), d.seed(), a.getInt("batch", d.batchSize()), a.getInt("window", d.window()),
                    a.getInt("extra-keys", d.extraKeys()), shape, Float.parseFloat(a.get("lr", Float.toString(d.learningRate()))), a.getInt("max-batches", 0), System.err);
            MelodyTrainer.Result r = MelodyTrainer.train(o);
            System.out.printf(Locale.ROOT, "{\"bestValidationLoss\":%.4f,\"bestEpoch\":%d,\"tokensPerSecond\":%.0f,\"parameters\":%d,\"vocabulary\":%d,\"harmonyAgreement\":%.4f,\"out\":\"%s\"}%n",
                    r.bestValidationLoss(), r.bestEpoch(), r.trainTokensPerSecond(), r.parameters(), r.vocabularySize(), r.harmonyAgreement(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("train-melody: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("train-melody failed: " + e);
            return 1;
        }
    }

    /**
     * {@code train-harmony --data DIR --out DIR --seed S}: counts the corpus chords into
     * {@code harmony.tsv} (the train-melody command does this too) and prints the held-out agreement.
     */
    public static int trainHarmony(List<String> args) {
        try {
            CliArgs a = new CliArgs(args, List.of("data", "out", "seed"));
            Path data = Path.of(a.get("data", "../shared/data/nottingham-abc"));
            Path out = Path.of(a.get("out", "target/models/melody"));
            java.nio.file.Files.createDirectories(out);
            MelodyCorpus corpus = MelodyCorpus.load(data, a.getLong("seed", 42), 0.05);
            Harmonizer h = Harmonizer.train(corpus.train());
            h.write(out.resolve("harmony.tsv"));
            System.out.printf(Locale.ROOT, "{\"harmonyAgreement\":%.4f,\"validationTunes\":%d,\"out\":\"%s\"}%n", h.agreement(corpus.validation()), corpus.validation().size(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("train-harmony: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("train-harmony failed: " + e);
            return 1;
        }
    }

    /**
     * {@code train-lyrics --data DIR --epochs N --out DIR --seed S [--vocabulary V] [--hidden H]
     * [--max-batches B]}: trains the word-level lyrics model on the Gutenberg song texts; the output
     * folder can replace {@code src/main/resources/models/lyrics}.
     */
    public static int trainLyrics(List<String> args) {
        System.setProperty("ai.djl.offline", "true");
        try {
            CliArgs a = new CliArgs(args, List.of("data", "epochs", "out", "seed", "vocabulary", "hidden", "max-batches"));
            Path data = Path.of(a.get("data", "../shared/data/gutenberg-songs"));
            Path out = Path.of(a.get("out", "target/models/lyrics"));
            LyricsTrainer.Options d = LyricsTrainer.Options.defaults(data, out, a.getInt("epochs", 16), a.getLong("seed", 42));
            LmConfig shape = new LmConfig(8, d.shape().embedding(), a.getInt("hidden", d.shape().hidden()), d.shape().layers(), d.shape().dropout());
            LyricsTrainer.Options o = new LyricsTrainer.Options(data, out, d.epochs(), d.seed(), a.getInt("vocabulary", d.vocabularySize()), shape,
                    a.getInt("max-batches", 0), System.err);
            LmTrainer.Result r = LyricsTrainer.train(o);
            System.out.printf(Locale.ROOT, "{\"bestValidationLoss\":%.4f,\"bestEpoch\":%d,\"tokensPerSecond\":%.0f,\"parameters\":%d,\"out\":\"%s\"}%n",
                    r.bestValidationLoss(), r.bestEpoch(), r.trainTokensPerSecond(), r.parameters(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("train-lyrics: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("train-lyrics failed: " + e);
            return 1;
        }
    }

    /**
     * {@code bench [--samples N] [--lyrics-samples N] [--melody-model DIR] [--lyrics-model DIR]
     * [--data DIR]}: runs {@link GenerateBench} (defaults: 200 tunes, 50 lyrics, shipped models,
     * {@code ../shared/data/nottingham-abc} for novelty) and prints a table and JSON.
     */
    public static int bench(List<String> args) {
        System.setProperty("ai.djl.offline", "true");
        try {
            CliArgs a = new CliArgs(args, List.of("samples", "lyrics-samples", "melody-model", "lyrics-model", "data"));
            String mm = a.get("melody-model", null);
            String lm = a.get("lyrics-model", null);
            GenerateBench.run(new GenerateBench.Options(a.getInt("samples", 200), a.getInt("lyrics-samples", 50), mm == null ? null : Path.of(mm),
                    lm == null ? null : Path.of(lm), Path.of(a.get("data", "../shared/data/nottingham-abc"))), System.out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            return 1;
        }
    }

    /** Developer entry point: {@code GenerateCli train-melody|train-lyrics|bench args...}. */
    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println("usage: GenerateCli train-melody|train-lyrics|bench [--options]");
            System.exit(2);
        }
        List<String> rest = List.of(argv).subList(1, argv.length);
        int code = switch (argv[0]) {
            case "train-melody" -> trainMelody(rest);
            case "train-harmony" -> trainHarmony(rest);
            case "train-lyrics" -> trainLyrics(rest);
            case "bench" -> bench(rest);
            default -> {
                System.err.println("unknown command " + argv[0]);
                yield 2;
            }
        };
        System.exit(code);
    }
}
