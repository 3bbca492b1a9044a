package dev.tunesmith.music.melody;

import dev.tunesmith.music.lm.PredictorPool;
import dev.tunesmith.music.lm.TokenLm;
import dev.tunesmith.music.lm.Vocabulary;
import ai.djl.inference.Predictor;
import dev.tunesmith.music.Melody;
import dev.tunesmith.music.MelodyRequest;
import dev.tunesmith.music.MelodyService;
import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcElement.BarLine;
import dev.tunesmith.music.abc.AbcElement.Field;
import dev.tunesmith.music.abc.AbcElement.LineBreak;
import dev.tunesmith.music.abc.AbcElement.Note;
import dev.tunesmith.music.abc.AbcElement.Rest;
import dev.tunesmith.music.abc.AbcElement.Space;
import dev.tunesmith.music.abc.AbcElement.Tuplet;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.AbcSerializer;
import dev.tunesmith.music.abc.Fraction;
import dev.tunesmith.music.abc.Key;
import dev.tunesmith.music.abc.Meter;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import dev.tunesmith.music.harmony.Harmonizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link MelodyService} on the DJL melody model: a fixed pool of predictors (a {@link Predictor} is
 * not thread-safe, so each call borrows one), grammar-constrained sampling, then the HMM
 * harmonizer. Every returned tune is re-parsed and checked before it leaves.
 */
public final class DjlMelodyService implements MelodyService {

    private static final Set<String> CALM_WORDS = Set.of("calm", "sad", "slow", "gentle", "tender", "melancholy", "melancholic", "lullaby",
            "peaceful", "relaxed", "relaxing", "dreamy", "soft", "quiet", "lament", "wistful", "sleepy", "mellow", "somber", "sombre", "air", "ballad");
    private static final Set<String> LIVELY_WORDS = Set.of("lively", "happy", "energetic", "upbeat", "dance", "dancing", "fast", "joyful", "bright",
            "party", "festive", "fun", "jig", "reel", "cheerful", "bouncy", "driving", "quick", "playful", "excited");

    private final TokenLm model;
    private final Harmonizer harmonizer;
    private final PredictorPool pool;

    private DjlMelodyService(TokenLm model, Harmonizer harmonizer, int predictors) {
        this.model = model;
        this.harmonizer = harmonizer;
        this.pool = new PredictorPool(model, predictors);
    }

    /** Service over a loaded model (the service takes ownership and closes it). */
    public static DjlMelodyService of(TokenLm model, Harmonizer harmonizer, int predictors) {
        return new DjlMelodyService(model, harmonizer, predictors);
    }

    /** Loads the shipped model and harmonizer from the classpath. */
    public static DjlMelodyService loadShipped(int predictors) {
        System.setProperty("ai.djl.offline", "true");
        return of(TokenLm.loadClasspath("models/melody/", "melody"), Harmonizer.loadShipped(), predictors);
    }

    /** Loads a trained folder; its {@code harmony.tsv} is used when present. */
    public static DjlMelodyService load(Path dir, int predictors) {
        System.setProperty("ai.djl.offline", "true");
        Harmonizer h;
        Path counts = dir.resolve("harmony.tsv");
        if (Files.exists(counts)) {
            try (InputStream in = Files.newInputStream(counts)) {
                h = Harmonizer.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            h = Harmonizer.loadShipped();
        }
        return of(TokenLm.load(dir, "melody"), h, predictors);
    }

    /**
     * A generated melody with decoding facts.
     *
     * @param melody the melody
     * @param tokens body tokens as decoded
     * @param steps generated tokens (model calls after the prefix)
     * @param nanos wall time of decoding
     */
    public record Generated(Melody melody, List<String> tokens, int steps, long nanos) {}

    @Override
    public Melody generate(MelodyRequest req) {
        return generateDetailed(req).melody();
    }

    /** Like {@link #generate} and also reports the tokens and decoding time. */
    public Generated generateDetailed(MelodyRequest req) {
        Key key = Key.parse(req.key());
        Meter meter = Meter.parse(req.meter());
        Vocabulary vocab = model.vocabulary();
        String keyToken = MelodyTokens.keyToken(key);
        String meterToken = MelodyTokens.meterToken(meter);
        if (!vocab.contains(keyToken)) {
            throw new IllegalArgumentException("key '" + req.key() + "' is not supported by the melody model; supported: " + supported(vocab, "K:"));
        }
        if (!vocab.contains(meterToken)) {
            throw new IllegalArgumentException("meter '" + req.meter() + "' is not supported by the melody model; supported: " + supported(vocab, "M:"));
        }
        long seed = req.seed() != null ? req.seed() : ThreadLocalRandom.current().nextLong();
        List<String> prefix = List.of(MelodyTokens.BOS, meterToken, keyToken, moodToken(req.moodHint(), req.tempoBpm()));
        MelodyGrammar grammar = new MelodyGrammar(vocab, key, meter, req.bars());
        Predictor<TokenLm.Step, TokenLm.StepResult> p = pool.borrow();
        MelodyDecoder.Result r;
        long start = System.nanoTime();
        try {
            r = MelodyDecoder.decode(p, vocab, prefix, grammar, req.temperature(), req.topP(), new Random(seed));
        } finally {
            pool.release(p);
        }
        long nanos = System.nanoTime() - start;
        Tune tune = harmonizer.harmonize(assemble(r.tokens(), key, meter, req.tempoBpm()));
        String abc = AbcSerializer.serialize(tune);
        Tune check = AbcParser.parse(abc);
        if (!TuneTiming.strictlyValid(check) || TuneTiming.bars(check).size() != req.bars()) {
            throw new IllegalStateException("generated tune failed validation: " + abc);
        }
        return new Generated(new Melody(abc, key.toString(), meter.toString(), req.bars()), r.tokens(), r.steps(), nanos);
    }

    private static String supported(Vocabulary vocab, String prefix) {
        return String.join(", ", vocab.tokens().stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(2)).toList());
    }

    /** Mood token from hint words and tempo: lively, calm, or any when undecided. */
    static String moodToken(String hint, Double tempo) {
        int score = 0;
        if (hint != null) {
            for (String w : hint.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (CALM_WORDS.contains(w)) {
                    score--;
                }
                if (LIVELY_WORDS.contains(w)) {
                    score++;
                }
            }
        }
        if (tempo != null) {
            score += tempo > 120 ? 1 : tempo < 90 ? -1 : 0;
        }
        return score > 0 ? MelodyTokens.LIVELY : score < 0 ? MelodyTokens.CALM : MelodyTokens.ANY;
    }

    /** Builds the tune: header, beat-grouped notes, four bars per line. */
    static Tune assemble(List<String> tokens, Key key, Meter meter, Double tempo) {
        List<Field> header = new ArrayList<>();
        header.add(new Field('X', "1", false));
        header.add(new Field('T', Melody.generatedTitle(key), false));
        header.add(new Field('M', meter.toString(), false));
        header.add(new Field('L', "1/8", false));
        if (tempo != null) {
            String beat = meter.compound() ? "3/" + meter.unit() : "1/" + meter.unit();
            header.add(new Field('Q', beat + "=" + Math.round(tempo), false));
        }
        header.add(new Field('K', key.toString(), false));
        Fraction beat = meter.compound() ? Fraction.of(3, meter.unit()) : Fraction.of(1, meter.unit());
        List<AbcElement> body = new ArrayList<>();
        Fraction position = Fraction.ZERO;
        int bars = 0;
        int tupletLeft = 0;
        for (AbcElement e : MelodyTokens.toElements(tokens, key)) {
            boolean timed = e instanceof Note || e instanceof Rest || e instanceof Tuplet;
            if (timed && tupletLeft == 0 && position.isPositive() && position.div(beat).den() == 1 && !(body.getLast() instanceof Space)) {
                body.add(new Space());
            }
            body.add(e);
            if (e instanceof Tuplet t) {
                tupletLeft = t.r();
            } else if (e instanceof Note || e instanceof Rest) {
                Fraction l = TuneTiming.length(e);
                if (tupletLeft > 0) {
                    l = l.times(Fraction.of(2, 3));
                    tupletLeft--;
                }
                position = position.plus(l);
            } else if (e instanceof BarLine b) {
                position = Fraction.ZERO;
                bars++;
                if (bars % 4 == 0 && !b.text().equals("|]")) {
                    body.add(new LineBreak());
                }
            }
        }
        return new Tune(header, body);
    }

    @Override
    public String harmonize(String abc) {
        Tune tune = AbcParser.parse(abc);
        return AbcSerializer.serialize(harmonizer.harmonize(tune));
    }

    @Override
    public String device() {
        return model.device().isGpu() ? "gpu" : "cpu";
    }

    /** The loaded model (for benchmarks). */
    public TokenLm model() {
        return model;
    }

    @Override
    public void close() {
        pool.close();
        model.close();
    }
}
