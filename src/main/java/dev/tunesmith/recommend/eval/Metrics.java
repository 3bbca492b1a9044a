package dev.tunesmith.recommend.eval;

/** Ranking metrics with binary relevance. */
public final class Metrics {
    private Metrics() {}

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 2) / Math.log(2));
    }

    /** NDCG@k of {@code ranked} against the sorted relevant items. */
    public static double ndcg(int[] ranked, int[] sortedRelevant, int k) {
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (java.util.Arrays.binarySearch(sortedRelevant, ranked[r]) >= 0) {
                dcg += discount(r);
            }
        }
        double idcg = 0;
        for (int r = 0; r < Math.min(k, sortedRelevant.length); r++) {
            idcg += discount(r);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** AP@k: mean precision at each hit within the top k, divided by min(|relevant|, k). */
    public static double averagePrecision(int[] ranked, int[] sortedRelevant, int k) {
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (java.util.Arrays.binarySearch(sortedRelevant, ranked[r]) >= 0) {
                hits++;
                sum += (double) hits / (r + 1);
            }
        }
        int denom = Math.min(k, sortedRelevant.length);
        return denom == 0 ? 0 : sum / denom;
    }

    /** Recall@k: relevant items in the top k / |relevant|. */
    public static double recall(int[] ranked, int[] sortedRelevant, int k) {
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (java.util.Arrays.binarySearch(sortedRelevant, ranked[r]) >= 0) {
                hits++;
            }
        }
        return sortedRelevant.length == 0 ? 0 : (double) hits / sortedRelevant.length;
    }
}
