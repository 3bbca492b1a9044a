package dev.tunesmith.recommend.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RerankerTest {
    /** Items 0..5: 0,1,2 by artist 0 and near-identical; 3,4,5 by distinct artists and dissimilar. */
    private final Reranker.Items items = new Reranker.Items() {
        final float[] energy = {0.9f, 0.1f, 0.5f, 0.3f, 0.7f, 0.2f};

        @Override
        public int artist(int i) {
            return i < 3 ? 0 : i - 2;
        }

        @Override
        public int artistCount() {
            return 4;
        }

        @Override
        public int duplicateKey(int i) {
            return i;
        }

        @Override
        public int duplicateKeyCount() {
            return 6;
        }

        @Override
        public float similarity(int a, int b) {
            return a == b || (a < 3 && b < 3) ? 1f : 0f;
        }

        @Override
        public float energy(int i) {
            return energy[i];
        }

        @Override
        public float tempo(int i) {
            return Float.NaN;
        }
    };
    private final float[] score = {1.0f, 0.99f, 0.98f, 0.5f, 0.4f, 0.3f};
    private final int[] pool = {0, 1, 2, 3, 4, 5};

    @Test
    void should_take_pure_relevance_when_lambda_is_zero() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Reranker.select(score, pool, 4, 3, 0, items));
    }

    @Test
    void should_cap_items_per_artist() {
        assertArrayEquals(new int[] {0, 3, 4, 5}, Reranker.select(score, pool, 4, 1, 0, items));
    }

    @Test
    void should_prefer_dissimilar_items_when_diversity_is_high() {
        // when: λ = 0.7, the near-duplicates 1 and 2 lose to dissimilar items
        int[] s = Reranker.select(score, pool, 3, 3, 0.7, items);

        // then
        assertArrayEquals(new int[] {0, 3, 4}, s);
    }

    @Test
    void should_order_as_an_energy_arc() {
        // when
        int[] o = Reranker.flowOrder(new int[] {0, 1, 2, 3, 4, 5}, items);

        // then: energies rise to the peak then fall
        float[] e = new float[o.length];
        for (int j = 0; j < o.length; j++) {
            e[j] = items.energy(o[j]);
        }
        int peak = 0;
        for (int j = 1; j < e.length; j++) {
            if (e[j] > e[peak]) {
                peak = j;
            }
        }
        for (int j = 1; j <= peak; j++) {
            assertTrue(e[j] >= e[j - 1]);
        }
        for (int j = peak + 1; j < e.length; j++) {
            assertTrue(e[j] <= e[j - 1]);
        }
        assertEquals(6, o.length);
    }
}
