package dev.tunesmith.platform.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds each distinct text once: catalog descriptors repeat (21k tracks share about 1.1k tag/genre
 * texts) and chat messages repeat too. Bounded: the cache is dropped when it passes its size.
 */
public final class CachingEmbeddingModel implements EmbeddingModel {

    private static final int MAX_ENTRIES = 50_000;

    private final EmbeddingModel delegate;
    private final Map<String, Embedding> cache = new ConcurrentHashMap<>();

    public CachingEmbeddingModel(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        Map<String, Embedding> found = new HashMap<>();
        Map<String, TextSegment> missing = new LinkedHashMap<>();
        for (TextSegment s : segments) {
            Embedding e = cache.get(s.text());
            if (e != null) {
                found.put(s.text(), e);
            } else {
                missing.putIfAbsent(s.text(), s);
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> todo = new ArrayList<>(missing.values());
            List<Embedding> computed = delegate.embedAll(todo).content();
            if (cache.size() + computed.size() > MAX_ENTRIES) {
                cache.clear();
            }
            for (int i = 0; i < todo.size(); i++) {
                found.put(todo.get(i).text(), computed.get(i));
                cache.put(todo.get(i).text(), computed.get(i));
            }
        }
        List<Embedding> out = new ArrayList<>(segments.size());
        for (TextSegment s : segments) {
            out.add(found.get(s.text()));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }
}
