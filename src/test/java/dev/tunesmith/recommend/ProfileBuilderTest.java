package dev.tunesmith.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileBuilderTest {
    private final Map<Long, CatalogItem> catalog = Fixtures.byId(Fixtures.catalog());
    private final ProfileBuilder builder = new ProfileBuilder(catalog::get, EventWeights.DEFAULTS);

    @Test
    void should_weight_events_by_fraction_played_type_and_decay() {
        // given: at T0, full play of 1, half play of 2, skip of 3, like+unlike of 4, favourite of 5
        Instant t = Fixtures.T0;
        List<UserEvent> events = List.of(
                new UserEvent(1, "play", 240.0, t),
                new UserEvent(2, "play", 120.0, t),
                new UserEvent(3, "skip", 10.0, t),
                new UserEvent(4, "like", null, t),
                new UserEvent(4, "unlike", null, t),
                new UserEvent(5, "favorite", null, t));

        // when: profile 30 days (one half-life) later
        UserProfile p = builder.build(events, t.plus(Duration.ofDays(30)));

        // then
        assertEquals(0.5, p.itemWeights().get(1L), 1e-9);
        assertEquals(0.25, p.itemWeights().get(2L), 1e-9);
        assertEquals(-0.375, p.itemWeights().get(3L), 1e-9);
        assertEquals(0.0, p.itemWeights().get(4L), 1e-9);
        assertEquals(2.5, p.itemWeights().get(5L), 1e-9);
        assertEquals(2, p.eventCounts().get("play"));
        assertEquals(1, p.eventCounts().get("skip"));
    }

    @Test
    void should_count_plays_per_artist_and_find_top_tags_and_mood_centre() {
        // given: 41 plays of Boards of Canada, 2 of Metallica
        List<UserEvent> events = new ArrayList<>();
        for (int k = 0; k < 41; k++) {
            events.add(Fixtures.play(1 + k % 4, k));
        }
        events.add(Fixtures.play(13, 100));
        events.add(Fixtures.play(14, 101));

        // when
        UserProfile p = builder.build(events, Fixtures.T0.plusSeconds(6000));

        // then
        assertEquals("Boards of Canada", p.topArtists().get(0).artist());
        assertEquals(41, p.topArtists().get(0).plays());
        assertEquals(41, p.artistPlays().get("Boards of Canada"));
        assertTrue(List.of("ambient", "chillout", "instrumental").contains(p.topTags().get(0).tag()));
        assertTrue(p.moodEnergy() < 0.3, "mood energy " + p.moodEnergy());
        assertTrue(p.summary().containsKey("topArtists"));
    }

    @Test
    void should_update_incrementally_like_a_full_rebuild() {
        // given
        List<UserEvent> events = new ArrayList<>(List.of(Fixtures.play(1, 0), Fixtures.event(13, "skip", 5)));
        UserProfile before = builder.build(events, Fixtures.T0.plusSeconds(600));
        UserEvent like = Fixtures.event(20, "like", 20);

        // when
        UserProfile after = builder.apply(before, like);
        events.add(like);
        UserProfile rebuilt = builder.build(events, like.at());

        // then
        assertEquals(rebuilt.itemWeights().keySet(), after.itemWeights().keySet());
        for (var e : rebuilt.itemWeights().entrySet()) {
            assertEquals(e.getValue(), after.itemWeights().get(e.getKey()), 1e-9);
        }
        assertEquals(3.0, after.itemWeights().get(20L), 1e-9);
    }

    @Test
    void should_add_friends_as_a_weak_prior_with_like_counts() {
        // given: three friends who like track 9
        UserProfile friend = builder.build(List.of(Fixtures.event(9, "like", 0)), Fixtures.T0);
        UserProfile me = builder.build(List.of(Fixtures.play(1, 0)), Fixtures.T0);

        // when
        UserProfile p = builder.withFriends(me, List.of(friend, friend, friend));

        // then
        assertEquals(3, p.friendLikes().get(9L));
        UserProfile fromEvents = builder.buildWithFriendEvents(List.of(Fixtures.play(1, 0)),
                List.of(List.of(Fixtures.event(9, "like", 0)), List.of(Fixtures.event(9, "like", 0))), Fixtures.T0);
        assertEquals(2, fromEvents.friendLikes().get(9L));
        assertEquals(0.3, p.friendWeights().get(9L), 1e-9);
        assertNull(p.itemWeights().get(9L));
    }
}
