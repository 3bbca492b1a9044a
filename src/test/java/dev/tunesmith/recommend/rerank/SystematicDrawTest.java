package dev.tunesmith.recommend.rerank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SystematicDrawTest {

    @Test
    void should_give_probabilities_that_add_up_to_the_count_and_respect_the_caps() {
        // given: steep weights, the strongest items capped at 0.2
        double[] w = new double[60];
        double[] cap = new double[60];
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.exp(-j / 10.0);
            cap[j] = j < 5 ? 0.1 : 0.2;
        }

        // when
        double[] pi = SystematicDraw.inclusion(w, 8, cap);

        // then
        assertEquals(8, Arrays.stream(pi).sum(), 1e-9);
        for (int j = 0; j < pi.length; j++) {
            assertTrue(pi[j] <= cap[j] + 1e-12, "item " + j + ": " + pi[j]);
        }
        for (int j = 6; j < pi.length; j++) {
            assertTrue(pi[j] <= pi[j - 1] + 1e-12, "a lighter item got more: " + j);
        }
    }

    @Test
    void should_draw_exactly_count_items_each_with_its_own_probability() {
        // given: random weights and caps
        Random r = new Random(5);
        double[] w = new double[40];
        double[] cap = new double[40];
        for (int j = 0; j < w.length; j++) {
            w[j] = r.nextDouble();
            cap[j] = 0.3 + 0.7 * r.nextDouble();
        }
        double[] pi = SystematicDraw.inclusion(w, 12, cap);

        // when: the start runs over a fine grid of [0, 1)
        int steps = 10_000;
        int[] hits = new int[pi.length];
        for (int s = 0; s < steps; s++) {
            boolean[] chosen = SystematicDraw.draw(pi, (s + 0.5) / steps);
            int n = 0;
            for (int j = 0; j < chosen.length; j++) {
                if (chosen[j]) {
                    hits[j]++;
                    n++;
                }
            }
            // then: every draw has the size asked
            assertEquals(12, n);
        }

        // and: each item is drawn for a share of the starts equal to its probability
        for (int j = 0; j < pi.length; j++) {
            assertEquals(pi[j], hits[j] / (double) steps, 2.0 / steps, "item " + j);
        }
    }
}
