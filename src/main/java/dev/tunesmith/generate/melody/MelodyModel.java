package dev.tunesmith.generate.melody;

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
 * The melody network with its vocabulary: an immutable, loaded model that hands out
 * (non-thread-safe) step predictors. Files: {@code melody.params}, {@code vocab.txt},
 * {@code melody.properties}.
 */
public final class MelodyModel implements AutoCloseable {

    /** Classpath folder of the shipped model. */
    public static final String CLASSPATH_DIR = "models/melody/";

    private final Model model;
    private final MelodyNet net;
    private final Vocabulary vocabulary;
    private final MelodyConfig config;
    private final Device device;

    private MelodyModel(Model model, MelodyNet net, Vocabulary vocabulary, MelodyConfig config, Device device) {
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
    public static MelodyModel untrained(Vocabulary vocabulary, MelodyConfig config, long seed, Device device) {
        Engine.getInstance().setRandomSeed((int) seed);
        Model model = Model.newInstance("melody", device);
        MelodyNet net = new MelodyNet(config);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1));
        return new MelodyModel(model, net, vocabulary, config, device);
    }

    /** Loads a model from a folder written by the trainer. */
    public static MelodyModel load(Path dir) {
        try (InputStream v = Files.newInputStream(dir.resolve("vocab.txt"));
                InputStream c = Files.newInputStream(dir.resolve("melody.properties"));
                InputStream p = Files.newInputStream(dir.resolve("melody.params"))) {
            return load(v, c, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load melody model from " + dir, e);
        }
    }

    /** Loads the model shipped under {@value #CLASSPATH_DIR}. */
    public static MelodyModel loadShipped() {
        ClassLoader cl = MelodyModel.class.getClassLoader();
        try (InputStream v = open(cl, "vocab.txt");
                InputStream c = open(cl, "melody.properties");
                InputStream p = open(cl, "melody.params")) {
            return load(v, c, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped melody model", e);
        }
    }

    private static InputStream open(ClassLoader cl, String name) throws FileNotFoundException {
        InputStream in = cl.getResourceAsStream(CLASSPATH_DIR + name);
        if (in == null) {
            throw new FileNotFoundException("classpath resource " + CLASSPATH_DIR + name + " is missing");
        }
        return in;
    }

    private static MelodyModel load(InputStream vocab, InputStream config, InputStream params) throws IOException {
        Vocabulary v = Vocabulary.read(vocab);
        MelodyConfig c = MelodyConfig.read(config);
        if (c.vocabSize() != v.size()) {
            throw new IOException("vocabulary has " + v.size() + " tokens but the model expects " + c.vocabSize());
        }
        MelodyModel m = untrained(v, c, 0, defaultDevice());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(params))) {
            m.net.loadParameters(m.model.getNDManager(), in);
        } catch (ai.djl.MalformedModelException e) {
            m.close();
            throw new IOException("malformed melody weights", e);
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
    public MelodyConfig config() {
        return config;
    }

    /** The device the weights live on. */
    public Device device() {
        return device;
    }

    Model djlModel() {
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
        private final MelodyConfig config;

        StepTranslator(MelodyConfig config) {
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
