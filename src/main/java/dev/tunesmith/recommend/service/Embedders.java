package dev.tunesmith.recommend.service;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tunesmith.recommend.TextEmbedder;
import java.util.List;

/** Adapts LangChain4j embedding models to the core's {@link TextEmbedder}. */
public final class Embedders {

    private Embedders() {}

    public static TextEmbedder of(EmbeddingModel model) {
        if (model == null) {
            return null;
        }
        return new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                return model.embed(text).content().vector();
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).toList();
            }
        };
    }
}
