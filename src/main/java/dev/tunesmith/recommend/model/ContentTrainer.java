package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.Interactions;

/** Builds a {@link ContentModel} (tag TF-IDF) and serves it with the chosen similarity. */
public final class ContentTrainer implements ScorerTrainer {
    private final int dims;
    private final int[][] tags;
    private final float[][] counts;
    private final ContentScorer.Similarity similarity;

    /**
     * @param dims number of distinct tags
     * @param tags per item, tag indices (ascending)
     * @param counts per item, assignment counts
     * @param similarity cosine or Pearson
     */
    public ContentTrainer(int dims, int[][] tags, float[][] counts, ContentScorer.Similarity similarity) {
        this.dims = dims;
        this.tags = tags;
        this.counts = counts;
        this.similarity = similarity;
    }

    @Override
    public String name() {
        return similarity == ContentScorer.Similarity.COSINE ? "content-cos" : "content-pearson";
    }

    @Override
    public ItemScorer train(Interactions data) {
        return new ContentScorer(ContentModel.tfIdf(dims, tags, counts), similarity);
    }
}
