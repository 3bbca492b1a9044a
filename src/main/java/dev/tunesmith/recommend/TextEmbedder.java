package dev.tunesmith.recommend;

import java.util.List;

/**
 * Sentence embeddings as the recommendation core needs them: a vector per text, the same length for
 * every text. The core depends on this interface only; {@code platform.embed.Embedders} adapts the
 * in-process MiniLM model (or any LangChain4j {@code EmbeddingModel}) to it.
 */
public interface TextEmbedder {

    float[] embed(String text);

    /** One vector per text, in order. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
