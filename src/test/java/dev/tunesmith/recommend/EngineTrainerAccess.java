package dev.tunesmith.recommend;

import java.util.List;

/** Test access to package-private engine building steps. */
public final class EngineTrainerAccess {
    private EngineTrainerAccess() {}

    public static java.util.Optional<String> measuredAlike(CatalogItem a, CatalogItem b) {
        return RecommendationEngine.measuredAlike(a, b);
    }

    public static float[] withAudio(float[] text, List<CatalogItem> items) {
        return EngineTrainer.withAudio(text, items);
    }
}
