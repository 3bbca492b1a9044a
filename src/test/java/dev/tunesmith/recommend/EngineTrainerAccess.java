package dev.tunesmith.recommend;

import java.util.List;

/** Test access to package-private engine building steps. */
public final class EngineTrainerAccess {
    private EngineTrainerAccess() {}

    public static float[] withAudio(float[] text, List<CatalogItem> items) {
        return EngineTrainer.withAudio(text, items);
    }
}
