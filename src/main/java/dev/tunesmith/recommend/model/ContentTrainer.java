package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.ItemContent;
import java.util.function.Function;

/**
 * Builds a {@link ContentModel} (tag TF-IDF) and serves it with the chosen similarity. The tags may
 * depend on the interactions it is trained on: in the evaluation a held-out pair's tags are hidden
 * ({@code HetRecData.contentVisibleTo}).
 */
public final class ContentTrainer implements ScorerTrainer {
    private final Function<Interactions, ItemContent> content;
    private final ContentScorer.Similarity similarity;

    /**
     * @param content the items' tags as seen by a model trained on the given interactions
     * @param similarity cosine or Pearson
     */
    public ContentTrainer(Function<Interactions, ItemContent> content, ContentScorer.Similarity similarity) {
        this.content = content;
        this.similarity = similarity;
    }

    @Override
    public String name() {
        return similarity == ContentScorer.Similarity.COSINE ? "content-cos" : "content-pearson";
    }

    @Override
    public ItemScorer train(Interactions data) {
        ItemContent c = content.apply(data);
        return new ContentScorer(ContentModel.tfIdf(c.dims(), c.tags(), c.counts()), similarity);
    }
}
