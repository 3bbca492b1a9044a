package dev.tunesmith.recommend.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.data.Interactions;
import org.junit.jupiter.api.Test;

class NeighbourhoodTest {
    // users: 0 → {0,1}, 1 → {0,1,2}, 2 → {2}
    private final Interactions data = Interactions.of(3, 3, new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 0, 1, 2, 2},
            new float[] {1, 1, 1, 1, 1, 1}, 6);

    @Test
    void should_compute_item_cosine_from_co_occurrence() {
        // when
        ItemKnnModel m = new ItemKnnTrainer(2, 0f).fit(data);

        // then: sim(0,1) = 2/(√2·√2) = 1; sim(0,2) = 1/(√2·√2) = 0.5
        assertEquals(1, m.neighbours()[0]);
        assertEquals(1.0f, m.similarities()[0], 1e-6f);
        assertEquals(2, m.neighbours()[1]);
        assertEquals(0.5f, m.similarities()[1], 1e-6f);
        assertArrayEquals(m.similarities(), ItemKnnModel.fromBytes(m.toBytes()).similarities());
    }

    @Test
    void should_weight_rp3beta_by_random_walk_probabilities() {
        // when: a = 1, β = 0
        ItemKnnModel m = new Rp3BetaTrainer(2, 1.0, 0.0).fit(data);

        // then: W01 = ½·½ + ½·⅓ (via users 0 and 1), W02 = ½·⅓ (via user 1)
        assertEquals(1, m.neighbours()[0]);
        assertEquals(0.25 + 1.0 / 6, m.similarities()[0], 1e-6);
        assertEquals(2, m.neighbours()[1]);
        assertEquals(1.0 / 6, m.similarities()[1], 1e-6);
        assertEquals("rp3beta", new Rp3BetaTrainer(2, 1.0, 0.5).train(data).name());
    }

    @Test
    void should_skip_the_user_itself_in_user_knn() {
        // given
        UserKnnScorer s = new UserKnnScorer(new UserKnnTrainer(1).fit(data));

        // when: user 0 as a training user
        float[] sim = s.similarities(data.row(0));

        // then: own row ignored, user 1 is the neighbour, cos = 2·log2²/(√2·√3·log2²)
        assertEquals(0f, sim[0]);
        assertEquals(2 / Math.sqrt(6), sim[1], 1e-5);
        assertEquals(0f, sim[2]);
        float[] out = new float[3];
        s.score(data.row(0), out);
        assertTrue(out[2] > 0);
    }

    @Test
    void should_solve_ease_in_closed_form() {
        // given: users {0,1}, {0,1}, {2}; λ = 1 → G = [[3,2,0],[2,3,0],[0,0,2]]
        Interactions d = Interactions.of(3, 3, new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 0, 1, 2},
                new float[] {1, 1, 1, 1, 1}, 5);

        // when
        EaseModel m = new EaseTrainer(1, 1).fit(d);
        float[] s = new float[3];
        new EaseScorer(m).score(dev.tunesmith.recommend.data.UserVector.of(new int[] {0}, new float[] {1}), s);

        // then: P = G⁻¹ has P01 = −0.4, P11 = 0.6, so B01 = 0.4/0.6 = 2/3; B02 = 0
        assertEquals(2.0 / 3, s[1], 1e-5);
        assertEquals(0.0, s[2], 1e-6);
        assertEquals(0f, m.weights()[0]);
    }

    @Test
    void should_weigh_heavy_plays_more_in_log_weighted_ease() {
        // given: one listener who played item 0 e − 1 times and item 1 e² − 1 times (log(1 + r) = 1 and 2)
        float once = (float) Math.expm1(1);
        float twice = (float) Math.expm1(2);
        Interactions d = Interactions.of(1, 2, new int[] {0, 0}, new int[] {0, 1}, new float[] {once, twice}, 2);

        // when: λ = 1, so G = XᵀX + I = [[2,2],[2,5]] and P = G⁻¹ = [[5/6,−1/3],[−1/3,1/3]]
        EaseModel m = new EaseTrainer(1, 1, true).fit(d);
        float[] s = new float[2];
        new EaseScorer(m).score(dev.tunesmith.recommend.data.UserVector.of(new int[] {0}, new float[] {twice}), s);
        float[] binary = new float[2];
        new EaseScorer(new EaseTrainer(1, 1).fit(d))
                .score(dev.tunesmith.recommend.data.UserVector.of(new int[] {0}, new float[] {twice}), binary);

        // then: B01 = −P01/P11 = 1, scored with x = log(1 + r) = 2; binary EASE gives B01 = 1/2 and x = 1
        assertEquals(2.0, s[1], 1e-4);
        assertEquals(0.5, binary[1], 1e-5);
        EaseModel back = EaseModel.fromBytes(m.toBytes());
        assertTrue(back.weighted());
        assertArrayEquals(m.weights(), back.weights());
    }

    @Test
    void should_train_an_empty_ease_model_when_no_item_has_enough_listeners() {
        // given: every item has one listener, EASE keeps items with at least 3 (a new community)
        Interactions d = Interactions.of(2, 3, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 1}, 2);

        // when
        EaseModel m = new EaseTrainer(75, 3).fit(d);
        float[] s = new float[3];
        new EaseScorer(m).score(dev.tunesmith.recommend.data.UserVector.of(new int[] {0}, new float[] {1}), s);

        // then: no item is kept and every item scores the same
        assertEquals(0, m.kept().length);
        assertEquals(s[0], s[1]);
        assertEquals(s[1], s[2]);
        assertEquals(0, EaseModel.fromBytes(m.toBytes()).kept().length);
    }

    @Test
    void should_rank_by_user_count_in_popularity() {
        // when
        PopularityModel m = new PopularityTrainer().fit(data);

        // then
        assertArrayEquals(new float[] {2, 2, 2}, m.counts());
        assertArrayEquals(m.counts(), PopularityModel.fromBytes(m.toBytes()).counts());
    }
}
