package dev.tunesmith.music;

import dev.tunesmith.music.melody.DjlMelodyService;
import java.nio.file.Path;

/**
 * Melody generation and harmonisation. Implementations are thread-safe; inference runs on the
 * calling thread (call it from a worker, never from an event loop).
 */
public interface MelodyService extends AutoCloseable {

    /**
     * Generates a tune of exactly {@code req.bars()} complete bars in the requested key and meter,
     * with chord symbols.
     *
     * @throws IllegalArgumentException when the request names a key or meter the model does not know
     */
    Melody generate(MelodyRequest req);

    /**
     * Returns the tune with proposed chord symbols (existing ones are replaced).
     *
     * @throws IllegalArgumentException with line and column when the ABC is malformed
     */
    String harmonize(String abc);

    /** {@code "gpu"} or {@code "cpu"}: where inference runs. */
    String device();

    /** Releases the model and predictors. */
    @Override
    void close();

    /** Loads the weights shipped on the classpath (two predictors). */
    static MelodyService loadShipped() {
        return DjlMelodyService.loadShipped(2);
    }

    /** Loads weights from a folder written by {@code train-melody} (two predictors). */
    static MelodyService load(Path modelDir) {
        return DjlMelodyService.load(modelDir, 2);
    }
}
