package dev.tunesmith.recommend.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommunityQualityTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** Three scenes of 40 tracks each (folk, techno, opera), tagged so. */
    private static List<CatalogItem> catalogue() {
        String[] scenes = {"folk", "techno", "opera"};
        List<CatalogItem> items = new ArrayList<>();
        for (int s = 0; s < scenes.length; s++) {
            for (int k = 0; k < 40; k++) {
                long id = 1000L + s * 100 + k;
                items.add(new CatalogItem(id, scenes[s] + " tune " + k, scenes[s] + " band " + (k % 7), List.of(scenes[s]), scenes[s],
                        AudioFeatures.UNKNOWN, 200));
            }
        }
        return items;
    }

    /** {@code listeners} people, each loyal to one scene: they like and play 12 of its 40 tracks. */
    private static Map<Long, List<UserEvent>> loyalListeners(int listeners, long seed) {
        Random rnd = new Random(seed);
        Map<Long, List<UserEvent>> events = new HashMap<>();
        for (long u = 1; u <= listeners; u++) {
            int scene = (int) (u % 3);
            List<UserEvent> mine = new ArrayList<>();
            List<Integer> picks = new ArrayList<>();
            while (picks.size() < 12) {
                int k = rnd.nextInt(40);
                if (!picks.contains(k)) {
                    picks.add(k);
                }
            }
            for (int k : picks) {
                long track = 1000L + scene * 100 + k;
                mine.add(new UserEvent(track, "play", 180.0, NOW.minusSeconds(3600L * k)));
                mine.add(new UserEvent(track, "like", null, NOW.minusSeconds(3600L * k - 60)));
            }
            events.put(u, mine);
        }
        return events;
    }

    @Test
    void should_rank_held_out_tracks_of_a_loyal_community_above_popularity() {
        CommunityQuality.Result q = CommunityQuality.measure(catalogue(), loyalListeners(60, 7), Map.of(), NOW, EngineTrainer.Options.DEFAULTS,
                Protocol.SEED);
        assertTrue(q.enough(), q.reason());
        assertEquals(60, q.users());
        assertEquals(60, q.eligibleUsers());
        assertTrue(q.evaluatedUsers() >= 50 && q.evaluatedUsers() <= 60, "evaluated " + q.evaluatedUsers());
        assertEquals(60 * 12, q.interactions());
        assertTrue(q.ndcg10() > 0 && q.ndcg10() <= 1, "ndcg " + q.ndcg10());
        assertTrue(q.recall20() > 0 && q.recall20() <= 1, "recall " + q.recall20());
        // each listener sticks to one scene: the served blend must find their scene, popularity mixes all three
        assertTrue(q.ndcg10() > q.popularityNdcg10(), q.ndcg10() + " vs popularity " + q.popularityNdcg10());
        assertTrue(q.recall20() > q.popularityRecall20(), q.recall20() + " vs popularity " + q.popularityRecall20());
    }

    @Test
    void should_be_the_same_figure_for_the_same_events_and_seed() {
        var a = CommunityQuality.measure(catalogue(), loyalListeners(30, 3), Map.of(), NOW, EngineTrainer.Options.DEFAULTS, 42);
        var b = CommunityQuality.measure(catalogue(), loyalListeners(30, 3), Map.of(), NOW, EngineTrainer.Options.DEFAULTS, 42);
        assertEquals(a.ndcg10(), b.ndcg10());
        assertEquals(a.recall20(), b.recall20());
    }

    @Test
    void should_say_not_enough_data_for_a_small_community_instead_of_a_number() {
        Map<Long, List<UserEvent>> events = loyalListeners(6, 1);
        // and one newcomer with only two likes, who does not count towards the minimum
        events.put(99L, List.of(new UserEvent(1001L, "like", null, NOW), new UserEvent(1002L, "like", null, NOW)));
        CommunityQuality.Result q = CommunityQuality.measure(catalogue(), events, Map.of(), NOW, EngineTrainer.Options.DEFAULTS, Protocol.SEED);
        assertFalse(q.enough());
        assertEquals(7, q.users());
        assertEquals(6, q.eligibleUsers());
        assertTrue(Double.isNaN(q.ndcg10()));
        assertTrue(q.reason().startsWith("not enough data: 6 listeners"), q.reason());
        assertTrue(q.reason().contains(CommunityQuality.MIN_USERS + " needed"), q.reason());
    }

    @Test
    void should_say_not_enough_data_when_nobody_listened_yet() {
        CommunityQuality.Result q = CommunityQuality.measure(catalogue(), Map.of(), Map.of(), NOW, EngineTrainer.Options.DEFAULTS, Protocol.SEED);
        assertFalse(q.enough());
        assertEquals(0, q.users());
        assertTrue(q.reason().startsWith("not enough data: 0 listeners"), q.reason());
    }
}
