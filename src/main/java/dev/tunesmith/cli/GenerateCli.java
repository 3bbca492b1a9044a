package dev.tunesmith.cli;

import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.harmony.Harmonizer;
import dev.tunesmith.music.lm.LmTrainer;
import dev.tunesmith.music.lyrics.LyricsTrainer;
import dev.tunesmith.music.melody.MelodyCorpus;
import dev.tunesmith.music.melody.MelodyTrainer;
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
            Args a = Args.command("train melody", "train the melody model (DJL)").values("data", "epochs", "out", "seed", "hidden", "layers", "extra-keys", "max-batches", "batch", "window", "lr").parse(args);
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
        } catch (UsageException | Args.HelpRequested e) {
            throw e;
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
            Args a = Args.command("train harmony", "count the corpus chords into harmony.tsv").values("data", "out", "seed").parse(args);
            Path data = Path.of(a.get("data", "../shared/data/nottingham-abc"));
            Path out = Path.of(a.get("out", "target/models/melody"));
            java.nio.file.Files.createDirectories(out);
            MelodyCorpus corpus = MelodyCorpus.load(data, a.getLong("seed", 42), 0.05);
            Harmonizer h = Harmonizer.train(corpus.train());
            h.write(out.resolve("harmony.tsv"));
            System.out.printf(Locale.ROOT, "{\"harmonyAgreement\":%.4f,\"validationTunes\":%d,\"out\":\"%s\"}%n", h.agreement(corpus.validation()), corpus.validation().size(), out);
            return 0;
        } catch (UsageException | Args.HelpRequested e) {
            throw e;
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
            Args a = Args.command("train lyrics", "train the word-level lyrics model (DJL)").values("data", "epochs", "out", "seed", "vocabulary", "hidden", "max-batches").parse(args);
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
        } catch (UsageException | Args.HelpRequested e) {
            throw e;
        } catch (IllegalArgumentException e) {
            System.err.println("train-lyrics: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("train-lyrics failed: " + e);
            return 1;
        }
    }

    /** Developer entry point: {@code GenerateCli train-melody|train-harmony|train-lyrics args...}. */
    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println("usage: GenerateCli train-melody|train-harmony|train-lyrics [--options]");
            System.exit(2);
        }
        List<String> rest = List.of(argv).subList(1, argv.length);
        int code = switch (argv[0]) {
            case "train-melody" -> trainMelody(rest);
            case "train-harmony" -> trainHarmony(rest);
            case "train-lyrics" -> trainLyrics(rest);
            default -> {
                System.err.println("unknown command " + argv[0]);
                yield 2;
            }
        };
        System.exit(code);
    }
}
