package dev.tunesmith.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.ItemContent;
import dev.tunesmith.recommend.data.UserVector;
import dev.tunesmith.recommend.model.ItemScorer;
import dev.tunesmith.recommend.model.ScorerTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedTrainerTest {
    @Test
    void should_let_ease_relate_two_artists_no_listener_shares_through_a_tag_they_share() {
        // given: artists 0 and 1 share listeners; artists 2 and 3 have three listeners each, never the
        // same ones, and both carry the tag "shoegaze" (tag 1); every artist carries "rock" (tag 0)
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < 6; u++) {
            pairs.add(new int[] {u, 0});
            pairs.add(new int[] {u, 1});
        }
        for (int u = 0; u < 3; u++) {
            pairs.add(new int[] {u, 2});
            pairs.add(new int[] {u + 3, 3});
        }
        int[] us = pairs.stream().mapToInt(p -> p[0]).toArray();
        int[] is = pairs.stream().mapToInt(p -> p[1]).toArray();
        float[] vs = new float[us.length];
        java.util.Arrays.fill(vs, 20f);
        Interactions plays = Interactions.of(6, 4, us, is, vs, us.length);
        ItemContent tags = new ItemContent(2, new int[][] {{0}, {0}, {0, 1}, {0, 1}},
                new float[][] {{1}, {1}, {1, 1}, {1, 1}});

        // when: EASE is trained with and without the tag rows
        float withTags = easeScoreOf(plays, tags, 1.0, 2, 3);
        float without = easeScoreOf(plays, tags, 0, 2, 3);

        // then: for a listener of artist 2, the shared tag lifts artist 3 (without it, their disjoint
        // listeners make EASE push it away)
        assertTrue(without < 0, "without tag rows, artists 2 and 3 share no listener: " + without);
        assertTrue(withTags > without + 0.1, "with tag rows, the shared tag relates them: " + withTags + " vs " + without);
    }

    @Test
    void should_name_its_components_the_same_with_and_without_tag_rows() {
        Interactions plays = Interactions.of(2, 2, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 1}, 2);
        ItemContent tags = new ItemContent(1, new int[][] {{0}, {0}}, new float[][] {{1}, {1}});
        List<String> on = new ServedTrainer(config(1.0), tags, null).components(plays).stream().map(ScorerTrainer::name).toList();
        List<String> off = new ServedTrainer(config(0), tags, null).components(plays).stream().map(ScorerTrainer::name).toList();
        assertEquals(off, on);
    }

    private static float easeScoreOf(Interactions plays, ItemContent tags, double tagWeight, int liked, int item) {
        ServedTrainer t = new ServedTrainer(config(tagWeight), tags, null);
        ScorerTrainer ease = t.components(plays).get(0);
        assertEquals("ease", ease.name());
        ItemScorer s = ease.train(plays);
        float[] out = new float[plays.items()];
        s.score(UserVector.of(new int[] {liked}, new float[] {20f}), out);
        return out[item];
    }

    private static ServedConfig config(double easeTagWeight) {
        return new ServedConfig(1.0, 1, 100, 4, 1.25, 2.0, 3, 0, 10, 1.0, 0.25, 10, 1, true, false, false, 1L, true,
                easeTagWeight, 0);
    }
}
