package dev.tunesmith.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.mood.MoodTarget;
import dev.tunesmith.recommend.rerank.ConstraintCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationEngineTest {
    private static final Instant NOW = Fixtures.T0.plus(Duration.ofDays(1));
    private final List<CatalogItem> catalog = Fixtures.catalog();
    private final EngineTrainer.Options options =
            new EngineTrainer.Options(Fixtures.SMALL_SERVED, EventWeights.DEFAULTS, EngineConfig.DEFAULTS);
    private final RecommendationEngine engine = EngineTrainer.train(catalog, Fixtures.community(), null, NOW, options)
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Map<Long, CatalogItem> byId = Fixtures.byId(engine.items());
    private final ProfileBuilder builder = new ProfileBuilder(byId::get, EventWeights.DEFAULTS);

    private UserProfile ambientFan() {
        List<UserEvent> e = new ArrayList<>();
        for (int k = 0; k < 41; k++) {
            e.add(Fixtures.play(1 + k % 4, k));
        }
        return builder.build(e, NOW);
    }

    @Test
    void should_keep_to_a_genre_the_request_names_over_what_the_listener_plays() {
        // given: an ambient fan who asks for "a little jazzy" (the fixture has 6 jazz tracks by 2 artists)
        MoodTarget jazzy = new MoodTarget("a little jazzy", "jazzy", null, null, null, List.of("jazz"), List.of(), List.of(),
                List.of(), null, List.of(), List.of(), List.of("jazz"));

        // when: 4 tracks, 2 per artist: jazz alone can fill them
        Playlist four = engine.recommend(ambientFan(), jazzy, Constraints.defaults().withCount(4));

        // then: only jazz, although taste and CF point at ambient
        assertEquals(4, four.items().size());
        assertTrue(four.items().stream().allMatch(i -> i.item().tags().contains("jazz")), four.trackIds().toString());

        // and: 8 tracks cannot all be jazz under the artist cap: the 4 jazz ones lead, others fill
        Playlist eight = engine.recommend(ambientFan(), jazzy, Constraints.defaults().withCount(8));
        assertEquals(8, eight.items().size());
        assertEquals(4, eight.items().stream().filter(i -> i.item().tags().contains("jazz")).count(), eight.trackIds().toString());
    }

    @Test
    void should_enforce_every_constraint_by_construction() {
        // given: random constraint sets over the fixture
        Random r = new Random(42);
        UserProfile p = builder.build(List.of(Fixtures.play(3, 60 * 23), Fixtures.play(14, 0)), NOW);
        List<String> artists = List.of("Brian Eno", "Metallica", "Miles Davis", "Boards of Canada");
        List<String> tags = List.of("jazz", "metal", "ambient", "vocal");
        for (int round = 0; round < 200; round++) {
            Set<String> exA = new HashSet<>();
            Set<String> exT = new HashSet<>();
            if (r.nextBoolean()) {
                exA.add(artists.get(r.nextInt(artists.size())));
            }
            if (r.nextBoolean()) {
                exT.add(tags.get(r.nextInt(tags.size())));
            }
            double lo = r.nextDouble() * 0.6;
            Range energy = r.nextBoolean() ? new Range(lo, lo + 0.1 + r.nextDouble() * 0.4) : null;
            Range tempo = r.nextBoolean() ? new Range(60 + r.nextInt(60), 200) : null;
            Constraints c = new Constraints(1 + r.nextInt(15), exA, exT, Set.of(2L, 15L), 1 + r.nextInt(3), energy,
                    tempo, r.nextBoolean(), Duration.ofHours(2), r.nextDouble());
            MoodTarget mood = r.nextBoolean() ? MoodTarget.NONE
                    : new MoodTarget("x", "x", null, new Range(0.7, 1), null, List.of(), List.of("rock"), List.of(),
                            List.of("Slayer"), null);

            // when
            Playlist pl = engine.recommend(p, mood, c);

            // then
            assertEquals(List.of(), ConstraintCheck.violations(pl, c, p, mood, NOW), "round " + round);
            for (PlaylistItem it : pl.items()) {
                assertFalse(exA.contains(it.item().artist()));
                assertFalse(it.item().tags().stream().anyMatch(exT::contains));
                assertFalse(Set.of(2L, 15L).contains(it.item().trackId()));
                assertFalse(it.item().artist().equals("Slayer") && mood != MoodTarget.NONE);
                if (c.skipRecentlyPlayed()) {
                    assertNotEquals(3L, it.item().trackId());
                }
                if (energy != null) {
                    assertTrue(energy.contains(it.item().features().energy()));
                }
            }
            SatisfiedConstraints applied = pl.satisfiedConstraints();
            assertEquals(c.maxPerArtist(), applied.maxPerArtist());
            assertTrue(applied.noDuplicates());
            assertEquals(c.count(), applied.count());
            assertEquals(pl.items().size(), applied.returned());
            assertEquals(energy, applied.energy());
            assertEquals(tempo, applied.tempo());
            assertEquals(c.skipRecentlyPlayed() ? Duration.ofHours(2) : null, applied.recentlyPlayedWindow());
            assertEquals(List.of(2L, 15L), applied.excludeTrackIds());
            assertEquals(mood.unwantedArtists(), applied.moodExcludedArtists());
            assertEquals(pl.items().size() < c.count(), applied.shortfall().isPresent(), "round " + round + ": " + applied);
            applied.shortfall().ifPresent(f -> assertEquals("only " + pl.items().size() + " of " + c.count() + " items satisfy every constraint", f));
        }
    }

    @Test
    void should_never_return_duplicates_of_the_same_song() {
        // given: track 31 duplicates track 1 (same artist and title)
        Constraints c = Constraints.defaults().withCount(40).withMaxPerArtist(10);

        // when
        Playlist pl = engine.recommend(ambientFan(), MoodTarget.NONE, c);

        // then
        assertFalse(pl.trackIds().contains(1L) && pl.trackIds().contains(31L));
        assertEquals(pl.trackIds().size(), new HashSet<>(pl.trackIds()).size());
    }

    @Test
    void should_explain_with_play_counts_mood_and_friends() {
        // given
        UserProfile friend = builder.build(List.of(Fixtures.event(9, "like", 0)), NOW);
        UserProfile p = builder.withFriends(ambientFan(), List.of(friend, friend, friend));
        MoodTarget calm = new MoodTarget("calm please", "calm", null, new Range(0.0, 0.35), null, List.of(), List.of(),
                List.of(), List.of(), null);

        // when
        Playlist pl = engine.recommend(p, calm, Constraints.defaults().withCount(15).withMaxPerArtist(5));

        // then
        Map<Long, List<String>> reasons = new HashMap<>();
        pl.items().forEach(i -> reasons.put(i.item().trackId(), i.reasons()));
        assertTrue(pl.items().stream().filter(i -> i.item().artist().equals("Boards of Canada"))
                .anyMatch(i -> i.reasons().contains("you played Boards of Canada 41 times")), reasons.toString());
        assertTrue(reasons.get(7L).contains("matches 'calm': energy 0.21"), reasons.get(7L).toString());
        assertTrue(reasons.get(9L).contains("liked by 3 friends"), reasons.get(9L).toString());
        assertTrue(pl.items().stream().allMatch(i -> !i.reasons().isEmpty()));
    }

    @Test
    void should_fold_in_a_new_user_from_their_first_event() {
        // given: a new user
        UserProfile fresh = UserProfile.empty(NOW);
        Constraints c = Constraints.defaults().withCount(6).withMaxPerArtist(2).withDiversity(0);

        // when: one like on a metal track, no retraining
        UserProfile after = builder.apply(fresh, new UserEvent(13, "like", null, NOW));
        Playlist pl = engine.recommend(after, MoodTarget.NONE, c);

        // then: the metal/rock group dominates
        long loud = pl.trackIds().stream().filter(id -> id >= 13 && id <= 24).count();
        assertTrue(loud >= 5, pl.trackIds().toString());
        assertFalse(engine.recommend(fresh, MoodTarget.NONE, c).trackIds().equals(pl.trackIds()));
    }

    @Test
    void should_refine_by_swapping_resizing_and_shifting_energy() {
        // given
        UserProfile p = ambientFan();
        Constraints c = Constraints.defaults().withCount(6).withMaxPerArtist(2);
        Playlist pl = engine.recommend(p, MoodTarget.NONE, c);

        // when
        Playlist swapped = engine.refine(pl, new Refinement.Swap(2), p, MoodTarget.NONE, c);
        Playlist longer = engine.refine(pl, new Refinement.Longer(3), p, MoodTarget.NONE, c);
        Playlist shorter = engine.refine(pl, new Refinement.Shorter(2), p, MoodTarget.NONE, c);
        Playlist up = engine.refine(pl, new Refinement.MoreEnergetic(0.4), p, MoodTarget.NONE, c);
        Playlist down = engine.refine(pl, new Refinement.LessEnergetic(0.4), p, MoodTarget.NONE, c);

        // then
        assertNotEquals(pl.trackIds().get(2), swapped.trackIds().get(2));
        assertFalse(pl.trackIds().contains(swapped.trackIds().get(2)));
        for (int k = 0; k < pl.items().size(); k++) {
            if (k != 2) {
                assertEquals(pl.trackIds().get(k), swapped.trackIds().get(k));
            }
        }
        assertEquals(List.of(), ConstraintCheck.violations(swapped, c, p, MoodTarget.NONE, NOW));
        assertEquals(9, longer.items().size());
        assertEquals(pl.trackIds(), longer.trackIds().subList(0, 6));
        assertEquals(4, shorter.items().size());
        assertTrue(meanEnergy(up) > meanEnergy(down) + 0.1);
    }

    private static double meanEnergy(Playlist p) {
        return p.items().stream().mapToDouble(i -> i.item().features().energy()).average().orElse(0);
    }

    @Test
    void should_find_similar_tracks_without_the_seed() {
        // when
        Playlist pl = engine.similarTracks(13, 4, Constraints.defaults().withMaxPerArtist(2));

        // then
        assertFalse(pl.trackIds().contains(13L));
        assertEquals(4, pl.items().size());
        assertTrue(pl.trackIds().stream().filter(id -> id >= 13 && id <= 24).count() >= 3, pl.trackIds().toString());
        assertTrue(pl.items().get(0).reasons().get(0).startsWith("similar to 'Loud 13'"));
    }

    @Test
    void should_estimate_missing_features_from_the_genre() {
        // then: track 32 (ambient, no features) gets the ambient mean and is marked estimated
        CatalogItem m = engine.item(32).orElseThrow();
        assertTrue(m.features().estimated());
        assertTrue(m.features().energy() < 0.4);
        assertFalse(engine.item(1).orElseThrow().features().estimated());
    }

    @Test
    void should_restore_the_same_engine_from_bytes() {
        // given
        byte[] bytes = engine.toBytes();

        // when
        RecommendationEngine back = EngineTrainer.restore(catalog, bytes, EngineConfig.DEFAULTS)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));

        // then
        UserProfile p = ambientFan();
        assertEquals(engine.recommend(p, MoodTarget.NONE, Constraints.defaults()).trackIds(),
                back.recommend(p, MoodTarget.NONE, Constraints.defaults()).trackIds());
    }

    @Test
    void should_give_an_artists_own_tracks_first_then_tracks_like_them_saying_which() {
        // given: "songs by Metallica" (4 tracks in the fixture), 10 asked, the usual cap of 2 per artist
        MoodTarget byMetallica = new MoodTarget("songs by metallica", "Metallica", null, null, null, List.of(), List.of(),
                List.of("Metallica"), List.of(), null);
        assertTrue(byMetallica.asksForArtistsOwn());
        Playlist p = engine.byArtists(ambientFan(), byMetallica, Constraints.defaults().withCount(10), ColdExposure.NONE).orElseThrow();

        // then: all 4 of theirs lead, uncapped, each saying so; the rest are like them, under the cap
        List<PlaylistItem> items = p.items();
        assertEquals(10, items.size(), p.trackIds().toString());
        for (int i = 0; i < 4; i++) {
            assertEquals("Metallica", items.get(i).item().artist(), p.trackIds().toString());
            assertEquals("by Metallica", items.get(i).reasons().get(0));
        }
        for (PlaylistItem it : items.subList(4, items.size())) {
            assertNotEquals("Metallica", it.item().artist());
            assertTrue(it.reasons().get(0).startsWith("like Metallica"), it.reasons().toString());
        }
        Map<String, Integer> per = new HashMap<>();
        items.subList(4, items.size()).forEach(it -> per.merge(it.item().artist(), 1, Integer::sum));
        assertTrue(per.values().stream().allMatch(n -> n <= 2), per.toString());

        // and: like them, or an artist the catalogue lacks, is not theirs
        assertFalse(new MoodTarget("something like metallica", "Metallica", null, null, null, List.of(), List.of(),
                List.of("Metallica"), List.of(), null).asksForArtistsOwn());
        assertTrue(new MoodTarget("i'd like some metallica", "Metallica", null, null, null, List.of(), List.of(),
                List.of("Metallica"), List.of(), null).asksForArtistsOwn());
        assertTrue(engine.byArtists(ambientFan(), new MoodTarget("songs by nobody", "x", null, null, null, List.of(), List.of(),
                List.of("Nobody Here"), List.of(), null), Constraints.defaults(), ColdExposure.NONE).isEmpty());
    }

    @Test
    void should_fill_an_artists_list_with_a_large_cap_too() {
        // the chat's edits of such a list ask with the cap lifted (100): the fill must still come
        MoodTarget byMetallica = new MoodTarget("songs by metallica", "Metallica", null, null, null, List.of(), List.of(),
                List.of("Metallica"), List.of(), null);
        Playlist p = engine.byArtists(ambientFan(), byMetallica, Constraints.defaults().withCount(12).withMaxPerArtist(100),
                ColdExposure.NONE).orElseThrow();
        assertEquals(12, p.items().size(), p.trackIds().toString());
    }
}
