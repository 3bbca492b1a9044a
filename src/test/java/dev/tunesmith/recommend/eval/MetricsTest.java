package dev.tunesmith.recommend.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void should_compute_ndcg_map_and_recall_by_hand() {
        // given: relevant {1, 9}; ranked 5, 1, 2, 9
        int[] ranked = {5, 1, 2, 9};
        int[] rel = {1, 9};

        // then
        double dcg = 1 / log2(3) + 1 / log2(5);
        double idcg = 1 + 1 / log2(3);
        assertEquals(dcg / idcg, Metrics.ndcg(ranked, rel, 10), 1e-9);
        assertEquals((1.0 / 2 + 2.0 / 4) / 2, Metrics.averagePrecision(ranked, rel, 10), 1e-9);
        assertEquals(0.5, Metrics.recall(ranked, rel, 2), 1e-9);
        assertEquals(1.0, Metrics.recall(ranked, rel, 20), 1e-9);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
