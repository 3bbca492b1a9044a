package dev.tunesmith.create;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tunesmith.music.lyrics.WordEmbedder;

/** The music core's {@link WordEmbedder} on the app's sentence-embedding model (MiniLM, cached). */
public final class EmbeddingWords implements WordEmbedder {

    private final EmbeddingModel model;

    public EmbeddingWords(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
