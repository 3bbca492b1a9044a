package dev.tunesmith.recommend.eval;

/**
 * Mean metrics of one scorer over the evaluated folds.
 *
 * @param scorer scorer name
 * @param ndcg10 NDCG@10 (binary relevance)
 * @param map10 MAP@10 (AP normalised by min(|relevant|, 10))
 * @param recall20 Recall@20 (hits / |relevant|)
 * @param coverage distinct items in any top-10 / catalogue size
 * @param novelty mean −log₂(popularity share) of top-10 items
 * @param trainSeconds mean training seconds per fold
 * @param users users evaluated per fold (mean)
 * @param ndcg10Std sample standard deviation of NDCG@10 over the folds (0 for one fold)
 * @param ndcg10PerFold NDCG@10 of each evaluated fold, in order
 */
public record EvalResult(String scorer, double ndcg10, double map10, double recall20, double coverage,
        double novelty, double trainSeconds, double users, double ndcg10Std, double[] ndcg10PerFold) {

    /** One JSON object. */
    public String toJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"scorer\":\"%s\",\"ndcg@10\":%.4f,\"ndcg@10_sd\":%.4f,\"map@10\":%.4f,\"recall@20\":%.4f,\"coverage\":%.4f,"
                        + "\"novelty\":%.3f,\"train_s\":%.2f,\"users\":%.0f}",
                scorer, ndcg10, ndcg10Std, map10, recall20, coverage, novelty, trainSeconds, users);
    }
}
