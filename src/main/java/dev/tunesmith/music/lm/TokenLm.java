package dev.tunesmith.music.lm;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A token language model (embedding → LSTM → vocabulary logits) with its vocabulary: immutable
 * once loaded; hands out step predictors, which are not thread-safe. Files in a model folder:
 * {@code NAME.params}, {@code NAME.properties}, {@code vocab.txt}.
 */
public final class TokenLm implements AutoCloseable {

    private final Model model;
    private final LmNet net;
    private final Vocabulary vocabulary;
    private final LmConfig config;
    private final Device device;

    private TokenLm(Model model, LmNet net, Vocabulary vocabulary, LmConfig config, Device device) {
        this.model = model;
        this.net = net;
        this.vocabulary = vocabulary;
        this.config = config;
        this.device = device;
    }

    /** GPU when DJL reports one, else CPU. */
    public static Device defaultDevice() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** A model with freshly initialised (untrained) weights, seeded. */
    public static TokenLm untrained(String name, Vocabulary vocabulary, LmConfig config, long seed, Device device) {
        Engine.getInstance().setRandomSeed((int) seed);
        Model model = Model.newInstance(name, device);
        LmNet net = new LmNet(config);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1));
        return new TokenLm(model, net, vocabulary, config, device);
    }

    /** Loads {@code name.params}, {@code name.properties} and {@code vocab.txt} from a folder. */
    public static TokenLm load(Path dir, String name) {
        try (InputStream v = Files.newInputStream(dir.resolve("vocab.txt"));
                InputStream c = Files.newInputStream(dir.resolve(name + ".properties"));
                InputStream p = Files.newInputStream(dir.resolve(name + ".params"))) {
            return load(name, v, c, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model " + name + " from " + dir, e);
        }
    }

    /** Loads the same files from a classpath folder such as {@code models/melody/}. */
    public static TokenLm loadClasspath(String folder, String name) {
        ClassLoader cl = TokenLm.class.getClassLoader();
        try (InputStream v = open(cl, folder + "vocab.txt");
                InputStream c = open(cl, folder + name + ".properties");
                InputStream p = open(cl, folder + name + ".params")) {
            return load(name, v, c, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped model " + folder + name, e);
        }
    }

    private static InputStream open(ClassLoader cl, String path) throws FileNotFoundException {
        InputStream in = cl.getResourceAsStream(path);
        if (in == null) {
            throw new FileNotFoundException("classpath resource " + path + " is missing");
        }
        return in;
    }

    private static TokenLm load(String name, InputStream vocab, InputStream config, InputStream params) throws IOException {
        Vocabulary v = Vocabulary.read(vocab);
        LmConfig c = LmConfig.read(config);
        if (c.vocabSize() != v.size()) {
            throw new IOException("vocabulary has " + v.size() + " tokens but the model expects " + c.vocabSize());
        }
        TokenLm m = untrained(name, v, c, 0, defaultDevice());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(params))) {
            m.net.loadParameters(m.model.getNDManager(), in);
        } catch (ai.djl.MalformedModelException e) {
            m.close();
            throw new IOException("malformed weights for " + name, e);
        }
        return m;
    }

    /** Writes the weights to a file. */
    public void saveParameters(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            net.saveParameters(out);
        }
    }

    /** The vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The network shape. */
    public LmConfig config() {
        return config;
    }

    /** The device the weights live on. */
    public Device device() {
        return device;
    }

    /** The DJL model (for training). */
    public Model djlModel() {
        return model;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** A new step predictor; not thread-safe, close it after use. */
    public Predictor<Step, StepResult> newPredictor() {
        return model.newPredictor(new StepTranslator(config));
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * Feeds {@code ids} after the state {@code (h, c)}; null state means the start of a sequence.
     *
     * @param ids token indices
     * @param h hidden state, flattened (layers × hidden), or null
     * @param c cell state, flattened, or null
     */
    public record Step(int[] ids, float[] h, float[] c) {}

    /**
     * Logits for the token after the last fed one, and the new state.
     *
     * @param logits unnormalised scores per vocabulary index
     * @param h hidden state
     * @param c cell state
     */
    public record StepResult(float[] logits, float[] h, float[] c) {}

    private static final class StepTranslator implements Translator<Step, StepResult> {
        private final LmConfig config;

        StepTranslator(LmConfig config) {
            this.config = config;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Step in) {
            NDManager m = ctx.getNDManager();
            ctx.setAttachment("n", in.ids().length);
            NDList list = new NDList(m.create(in.ids(), new Shape(1, in.ids().length)));
            if (in.h() != null) {
                Shape s = new Shape(config.layers(), 1, config.hidden());
                list.add(m.create(in.h(), s));
                list.add(m.create(in.c(), s));
            }
            return list;
        }

        @Override
        public StepResult processOutput(TranslatorContext ctx, NDList list) {
            int n = (Integer) ctx.getAttachment("n");
            NDArray last = list.get(0).get(0, n - 1);
            return new StepResult(last.toFloatArray(), list.get(1).toFloatArray(), list.get(2).toFloatArray());
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
