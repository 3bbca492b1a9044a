package dev.tunesmith.music.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Shape of a token language model, stored next to the weights as {@code NAME.properties}.
 *
 * @param vocabSize number of tokens
 * @param embedding embedding width
 * @param hidden LSTM state size
 * @param layers LSTM layers
 * @param dropout dropout between LSTM layers while training
 */
public record LmConfig(int vocabSize, int embedding, int hidden, int layers, float dropout) {

    /** Validates sizes. */
    public LmConfig {
        if (vocabSize < 8 || embedding < 1 || hidden < 1 || layers < 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("invalid language model configuration");
        }
    }

    /** Reads the {@code model.*} keys of a properties file. */
    public static LmConfig read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return new LmConfig(
                Integer.parseInt(p.getProperty("model.vocabSize")),
                Integer.parseInt(p.getProperty("model.embedding")),
                Integer.parseInt(p.getProperty("model.hidden")),
                Integer.parseInt(p.getProperty("model.layers")),
                Float.parseFloat(p.getProperty("model.dropout", "0")));
    }

    /** Writes the configuration plus free-form training facts, sorted. */
    public void write(Path file, Map<String, String> facts) throws IOException {
        Map<String, String> all = new TreeMap<>(facts);
        all.put("model.vocabSize", Integer.toString(vocabSize));
        all.put("model.embedding", Integer.toString(embedding));
        all.put("model.hidden", Integer.toString(hidden));
        all.put("model.layers", Integer.toString(layers));
        all.put("model.dropout", Float.toString(dropout));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : all.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n");
            }
        }
    }
}
