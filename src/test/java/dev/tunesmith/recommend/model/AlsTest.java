package dev.tunesmith.recommend.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.UserVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlsTest {
    /** Two taste groups: users 0..29 play items 0..19, users 30..59 play items 20..39, each ~60 % of them. */
    static Interactions planted(long seed, List<int[]> heldOut) {
        Random r = new Random(seed);
        List<int[]> e = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            int base = u < 30 ? 0 : 20;
            for (int i = base; i < base + 20; i++) {
                if (r.nextDouble() < 0.6) {
                    if (heldOut != null && r.nextDouble() < 0.15) {
                        heldOut.add(new int[] {u, i});
                    } else {
                        e.add(new int[] {u, i, 1 + r.nextInt(20)});
                    }
                }
            }
        }
        int n = e.size();
        int[] us = new int[n];
        int[] is = new int[n];
        float[] vs = new float[n];
        for (int k = 0; k < n; k++) {
            us[k] = e.get(k)[0];
            is[k] = e.get(k)[1];
            vs[k] = e.get(k)[2];
        }
        return Interactions.of(60, 40, us, is, vs, n);
    }

    @Test
    void should_recover_planted_low_rank_structure() {
        // given
        List<int[]> held = new ArrayList<>();
        Interactions data = planted(7, held);

        // when
        AlsScorer s = new AlsScorer(new AlsTrainer(4, 10, 2.0, 10, 1).fit(data));

        // then: every held-out (in-group) item outscores every item of the other group
        float[] out = new float[40];
        for (int[] h : held) {
            UserVector uv = data.row(h[0]);
            s.score(uv, out);
            int otherBase = h[0] < 30 ? 20 : 0;
            for (int i = otherBase; i < otherBase + 20; i++) {
                assertTrue(out[h[1]] > out[i], "user " + h[0] + " held-out item " + h[1] + " vs " + i);
            }
        }
        assertTrue(held.size() > 20);
    }

    @Test
    void should_reach_the_cholesky_ranking_with_conjugate_gradient() {
        // given
        Interactions data = planted(7, null);
        AlsScorer chol = new AlsScorer(new AlsTrainer(4, 10, 2.0, 10, 1).fit(data));
        AlsScorer cg = new AlsScorer(new AlsTrainer(4, 10, 2.0, 10, 1, 3).fit(data));

        // when
        float[] a = new float[40];
        float[] b = new float[40];
        chol.score(data.row(0), a);
        cg.score(data.row(0), b);

        // then: same top-5 items
        assertArrayEquals(Vectors.topK(a, 40, 5, null), Vectors.topK(b, 40, 5, null));
    }

    @Test
    void should_fold_in_by_solving_the_normal_equations_exactly() {
        // given
        AlsModel m = new AlsTrainer(3, 0.5, 1.5, 5, 3).fit(planted(11, null));
        UserVector u = UserVector.of(new int[] {1, 5, 22}, new float[] {3, 1, 10});

        // when
        double[] x = new AlsScorer(m).foldIn(u);

        // then: (YᵀY + Yᵀ(Cᵤ − I)Y + λI) x = YᵀCᵤp(u) holds, built here independently
        int k = 3;
        float[] y = m.itemFactors();
        for (int p = 0; p < k; p++) {
            double lhs = 0;
            double rhs = 0;
            for (int i = 0; i < m.items(); i++) {
                double c = u.contains(i) ? 1 + 1.5 * Math.log1p(u.values()[java.util.Arrays.binarySearch(u.items(), i)]) : 1;
                double pref = u.contains(i) ? 1 : 0;
                double yx = 0;
                for (int q = 0; q < k; q++) {
                    yx += y[i * k + q] * x[q];
                }
                lhs += c * y[i * k + p] * yx;
                rhs += c * pref * y[i * k + p];
            }
            lhs += 0.5 * x[p];
            assertEquals(rhs, lhs, 1e-3 * Math.max(1, Math.abs(rhs)));
        }
    }

    @Test
    void should_round_trip_through_bytes() {
        // given
        AlsModel m = new AlsTrainer(4, 1, 1, 3, 5).fit(planted(3, null));

        // when
        AlsModel back = AlsModel.fromBytes(m.toBytes());

        // then
        assertEquals(m.k(), back.k());
        assertArrayEquals(m.itemFactors(), back.itemFactors());
        assertArrayEquals(m.gram(), back.gram());
    }

    @Test
    void should_fold_in_a_biased_mf_user_towards_their_group() {
        // given
        Interactions data = planted(5, null);
        BiasedMfScorer s = new BiasedMfScorer(new BiasedMfTrainer(4, 40, 0.05f, 0.01f, 2, 9).fit(data));

        // when: a new user who played three items of group A
        float[] out = new float[40];
        s.score(UserVector.of(new int[] {0, 1, 2}, new float[] {5, 5, 5}), out);

        // then: group A on average above group B
        double a = 0;
        double b = 0;
        for (int i = 3; i < 20; i++) {
            a += out[i];
        }
        for (int i = 20; i < 40; i++) {
            b += out[i];
        }
        assertTrue(a / 17 > b / 20);
        assertEquals(s.name(), "biasedmf");
    }
}
