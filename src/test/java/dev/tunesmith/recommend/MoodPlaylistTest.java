package dev.tunesmith.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.mood.MoodTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mood playlists: the calibrated mood model gates, defaults keep long and spoken tracks out, likes do not flood. */
class MoodPlaylistTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /** Four groups of 100 tracks (ids 1000·g + k) around different points, on a non-Spotify scale for energy. */
    private static List<CatalogItem> catalog() {
        Random r = new Random(7);
        // valence, energy (0–10 scale on purpose: the model calibrates to the catalogue), acousticness, instrumentalness, loudness
        double[][] centre = {{0.75, 7.0, 0.2, 0.05, -6}, {0.25, 4.0, 0.5, 0.05, -9}, {0.45, 9.0, 0.05, 0.2, -4}, {0.3, 1.5, 0.9, 0.8, -20}};
        String[] group = {"pop", "singer-songwriter", "rock", "ambient"};
        List<CatalogItem> c = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            for (int k = 0; k < 100; k++) {
                double[] x = centre[g];
                AudioFeatures f = new AudioFeatures(clamp(x[0] + 0.1 * r.nextGaussian()), x[1] + r.nextGaussian(), 0.5,
                        clamp(x[2] + 0.1 * r.nextGaussian()), 110 + 10 * r.nextGaussian(), false,
                        clamp(x[3] + 0.1 * r.nextGaussian()), x[4] + 2 * r.nextGaussian(), null, 0.05);
                c.add(new CatalogItem(1000L * g + k, group[g] + " " + k, group[g] + " artist " + (k % 25), List.of(group[g]),
                        group[g], f, 200 + k));
            }
        }
        // the calmest features of all, but an hour-long podcast and a 20-minute piece
        c.add(new CatalogItem(9001, "Sleep talk episode 12", "A podcast", List.of("podcast"), "podcast",
                new AudioFeatures(0.3, 0.5, 0.5, 0.95, 70.0, false, 0.9, -30.0, null, 0.1), 3700));
        c.add(new CatalogItem(9002, "Long drone", "Drone artist", List.of("ambient"), "ambient",
                new AudioFeatures(0.3, 0.5, 0.5, 0.95, 70.0, false, 0.9, -30.0, null, 0.05), 1200));
        return c;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static MoodTarget mood(String word) {
        return new MoodTarget(word, word, null, null, null, List.of(), List.of(), List.of(), List.of(), null, List.of(word), List.of());
    }

    /** Three early listeners who each like the six tracks from {@code first} on. */
    private static Map<Long, List<UserEvent>> threeListenersLike(long first) {
        Map<Long, List<UserEvent>> events = new HashMap<>();
        for (long u = 1; u <= 3; u++) {
            List<UserEvent> ev = new ArrayList<>();
            for (long t = first; t < first + 6; t++) {
                ev.add(new UserEvent(t, "like", null, NOW.minusSeconds(3600)));
            }
            events.put(u, ev);
        }
        return events;
    }

    private static long inGroup(Playlist p, int g) {
        return p.trackIds().stream().filter(id -> id / 1000 == g && id < 4000).count();
    }

    @Test
    void should_fill_a_calm_playlist_with_quiet_acoustic_instrumental_tracks_and_say_why() {
        // given
        RecommendationEngine e = EngineTrainer.train(catalog(), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);

        // when
        Playlist calm = e.recommend(UserProfile.empty(NOW), mood("calm"), Constraints.defaults().withMaxPerArtist(4));
        Playlist happy = e.recommend(UserProfile.empty(NOW), mood("happy"), Constraints.defaults().withMaxPerArtist(4));
        Playlist energetic = e.recommend(UserProfile.empty(NOW), mood("energetic"), Constraints.defaults().withMaxPerArtist(4));

        // then: the asked mood's group, never the podcast or the 20-minute piece
        assertTrue(inGroup(calm, 3) >= 18, calm.trackIds().toString());
        assertTrue(inGroup(happy, 0) >= 17, happy.trackIds().toString());
        assertTrue(inGroup(energetic, 2) >= 17, energetic.trackIds().toString());
        assertFalse(calm.trackIds().contains(9001L) || calm.trackIds().contains(9002L), calm.trackIds().toString());
        assertTrue(calm.items().stream().allMatch(i -> i.reasons().stream().anyMatch(r -> r.contains("calm"))));
        long lowEnergy = calm.items().stream().filter(i -> i.reasons().stream().anyMatch(r -> r.startsWith("calm: ")
                && r.contains("low energy"))).count();
        assertTrue(lowEnergy >= 15, calm.items().stream().map(PlaylistItem::reasons).toList().toString());
        assertFalse(happy.items().stream().anyMatch(i -> i.reasons().stream().anyMatch(r -> r.contains("low energy"))));
    }

    private static MoodTarget genre(String g) {
        return new MoodTarget(g, g, null, null, null, List.of(g), List.of(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(g));
    }

    @Test
    void should_play_a_genres_typical_sound_when_the_catalogue_has_no_tags_for_it() {
        // given: the same tracks imported with features only, no genre or tags
        List<CatalogItem> untagged = catalog().stream().map(it -> new CatalogItem(it.trackId(), it.title(), it.artist(), List.of(), null,
                it.features(), it.durationSec())).toList();
        RecommendationEngine e = EngineTrainer.train(untagged, Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);

        // when
        Playlist metal = e.recommend(UserProfile.empty(NOW), genre("metal"), Constraints.defaults().withMaxPerArtist(4));
        Playlist ambient = e.recommend(UserProfile.empty(NOW), genre("ambient"), Constraints.defaults().withMaxPerArtist(4));
        Playlist unknown = e.recommend(UserProfile.empty(NOW), genre("no such genre"), Constraints.defaults().withMaxPerArtist(4));

        // then: loud electric tracks for metal, quiet instrumental ones for ambient, and the reasons name the genre
        assertTrue(inGroup(metal, 2) >= 15, metal.trackIds().toString());
        assertTrue(inGroup(ambient, 3) >= 15, ambient.trackIds().toString());
        assertTrue(metal.items().stream().filter(i -> i.reasons().stream().anyMatch(r -> r.startsWith("metal: ") && r.contains("high energy")))
                .count() >= 10, metal.items().stream().map(PlaylistItem::reasons).toList().toString());
        assertEquals(20, unknown.items().size(), "a genre the table does not know still gets a playlist");
        assertFalse(unknown.items().stream().anyMatch(i -> i.reasons().stream().anyMatch(r -> r.startsWith("no such genre: "))));
    }

    @Test
    void should_play_a_genres_sound_at_the_pace_asked_when_the_catalogue_has_no_tags_for_it() {
        // given: untagged tracks, and "slow metal": a pace with no valence of its own, and a genre
        List<CatalogItem> untagged = catalog().stream().map(it -> new CatalogItem(it.trackId(), it.title(), it.artist(), List.of(), null,
                it.features(), it.durationSec())).toList();
        RecommendationEngine e = EngineTrainer.train(untagged, Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
        MoodTarget slowMetal = new MoodTarget("slow metal", "slow, metal", null, null, null, List.of("metal"), List.of(), List.of(),
                List.of(), null, List.of("slow"), List.of(), List.of("metal"));

        // when
        Playlist p = e.recommend(UserProfile.empty(NOW), slowMetal, Constraints.defaults().withMaxPerArtist(4));
        Playlist slow = e.recommend(UserProfile.empty(NOW), mood("slow"), Constraints.defaults().withMaxPerArtist(4));

        // then: the reasons name both, and metal's loud, electric sound keeps the slow list off the quiet acoustic groups
        // ("slow" sets the energy and tempo, metal the rest)
        assertTrue(p.items().stream().filter(i -> i.reasons().stream().anyMatch(r -> r.startsWith("slow metal: "))).count() >= 10,
                p.items().stream().map(PlaylistItem::reasons).toList().toString());
        assertTrue(inGroup(p, 3) + inGroup(p, 1) < inGroup(slow, 3) + inGroup(slow, 1),
                p.trackIds() + " against slow alone " + slow.trackIds());
    }

    @Test
    void should_gate_on_tags_not_on_sound_when_the_catalogue_has_the_genre() {
        // given: tagged tracks; "ambient" has 100 of them
        RecommendationEngine e = EngineTrainer.train(catalog(), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);

        // when
        Playlist ambient = e.recommend(UserProfile.empty(NOW), genre("ambient"), Constraints.defaults().withMaxPerArtist(4));

        // then: every track is tagged ambient, none is called ambient for its sound
        assertTrue(inGroup(ambient, 3) == ambient.items().size(), ambient.trackIds().toString());
        assertFalse(ambient.items().stream().anyMatch(i -> i.reasons().stream().anyMatch(r -> r.startsWith("ambient: "))),
                ambient.items().stream().map(PlaylistItem::reasons).toList().toString());
    }

    @Test
    void should_include_long_or_spoken_tracks_only_when_asked() {
        RecommendationEngine e = EngineTrainer.train(catalog(), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
        MoodTarget podcast = new MoodTarget("calm podcast", "calm", null, null, null, List.of("podcast"), List.of(), List.of(),
                List.of(), null, List.of("calm"), List.of());
        boolean seen = false;
        for (int l = 0; l < 10; l++) {
            seen |= e.recommend(UserProfile.empty(NOW.plusSeconds(l)), podcast, Constraints.defaults().withMaxPerArtist(4))
                    .trackIds().contains(9001L);
        }
        assertTrue(seen, "the podcast never came back for a calm podcast request");
    }

    private static MoodTarget said(String text, String word) {
        return new MoodTarget(text, word, null, null, null, List.of(), List.of(), List.of(), List.of(), null, List.of(word), List.of());
    }

    @Test
    void should_treat_track_length_as_a_hard_constraint_and_report_it_from_the_result() {
        RecommendationEngine e = EngineTrainer.train(catalog(), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);

        // when: "happy songs between 3:30 and 4:30" (the catalogue's lengths run from 200 to 299 s)
        Playlist p = e.recommend(UserProfile.empty(NOW), mood("happy"),
                Constraints.defaults().withMaxPerArtist(4).withDuration(new Range(210, 270)));

        // then: every track fits, the report says so, and without the limit it would not have held
        assertFalse(p.items().isEmpty());
        assertTrue(p.items().stream().allMatch(i -> i.item().durationSec() >= 210 && i.item().durationSec() <= 270), p.trackIds().toString());
        assertEquals(new Range(210, 270), p.satisfiedConstraints().durationSec(), p.satisfiedConstraints().toString());
        Playlist free = e.recommend(UserProfile.empty(NOW), mood("happy"), Constraints.defaults().withMaxPerArtist(4));
        assertNull(free.satisfiedConstraints().durationSec());
        assertTrue(free.items().stream().anyMatch(i -> i.item().durationSec() < 210 || i.item().durationSec() > 270));
    }

    @Test
    void should_let_long_tracks_in_when_the_listener_asks_for_them() {
        RecommendationEngine e = EngineTrainer.train(catalog(), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
        Constraints base = Constraints.defaults().withMaxPerArtist(4);

        // "I want a 20 minute ambient piece": a length range around 20 minutes lifts the 12-minute default
        Playlist piece = e.recommend(UserProfile.empty(NOW), said("calm ambient piece", "calm"), base.withDuration(new Range(960, 1440)));
        assertEquals(List.of(9002L), piece.trackIds());

        // "long tracks are fine" in the words of the request: a list long enough to hold every calm track holds the
        // drone (an outlier past calm's centre, so it comes late), the podcast still not
        Constraints all = base.withCount(100).withMaxPerArtist(100);
        Playlist fine = e.recommend(UserProfile.empty(NOW), said("calm, long tracks are fine", "calm"), all);
        assertTrue(fine.trackIds().contains(9002L), "the 20-minute drone is missing although long tracks were welcome");
        assertFalse(fine.trackIds().contains(9001L), "a podcast came back without being asked for");

        // a "long drive" is no request for long tracks
        Playlist drive = e.recommend(UserProfile.empty(NOW), said("calm music for a long drive at night", "calm"), all);
        assertFalse(drive.trackIds().contains(9002L), drive.trackIds().toString());
        Playlist plain = e.recommend(UserProfile.empty(NOW), said("calm", "calm"), all);
        assertFalse(plain.trackIds().contains(9002L), plain.trackIds().toString());
    }

    @Test
    void should_not_let_a_few_likes_flood_every_mood_playlist() {
        // given: three early listeners like the same six calm tracks
        RecommendationEngine e = EngineTrainer.train(catalog(), threeListenersLike(3000), null, NOW,
                EngineTrainer.Options.DEFAULTS);

        // when: new listeners ask for energetic and happy music
        int liked = 0;
        for (int l = 0; l < 10; l++) {
            UserProfile cold = UserProfile.empty(NOW.plusSeconds(l));
            for (String m : List.of("energetic", "happy")) {
                liked += (int) e.recommend(cold, mood(m), Constraints.defaults().withMaxPerArtist(4)).trackIds().stream()
                        .filter(id -> id >= 3000 && id < 3006).count();
            }
        }

        // then: none of the liked calm tracks, and different listeners get different draws from the region
        assertTrue(liked == 0, "liked calm tracks in energetic/happy playlists: " + liked);
        Playlist a = e.recommend(UserProfile.empty(NOW), mood("calm"), Constraints.defaults().withMaxPerArtist(4));
        Playlist b = e.recommend(UserProfile.empty(NOW.plusSeconds(5)), mood("calm"), Constraints.defaults().withMaxPerArtist(4));
        assertNotEquals(a.trackIds(), b.trackIds());
    }

    @Test
    void should_not_give_every_new_listener_the_same_list_when_the_request_names_no_mood() {
        // given: early likes make a few tracks the most popular
        RecommendationEngine e = EngineTrainer.train(catalog(), threeListenersLike(0), null, NOW,
                EngineTrainer.Options.DEFAULTS);

        // when: 100 new listeners ask for "surprise me" (no mood, no genre), as the service does with one exposure memory
        ColdExposure exposure = new ColdExposure();
        Map<Long, Integer> seen = new HashMap<>();
        for (int l = 1; l <= 100; l++) {
            Playlist p = e.recommend(UserProfile.empty(NOW.plusSeconds(l)).withListener(l), MoodTarget.NONE,
                    Constraints.defaults().withCount(20), exposure);
            assertEquals(20, p.items().size());
            p.trackIds().stream().distinct().forEach(id -> seen.merge(id, 1, Integer::sum));
        }

        // then: no track is in more than 10 of the 100 playlists (it was in all of them)
        int max = seen.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max <= 10, "one track in " + max + " of 100 playlists");
        assertTrue(seen.size() >= 200, "only " + seen.size() + " distinct tracks");
    }

    @Test
    void should_draw_a_broad_request_from_the_whole_catalogue_not_its_first_artists_by_name() {
        // a catalogue nobody has played, in artist-name order (as the catalogue is stored), every track alike
        List<CatalogItem> c = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            c.add(new CatalogItem(k + 1, "t" + k, String.format("artist %04d", k), List.of(), null,
                    new AudioFeatures(0.5, 0.5, 0.5, 0.5, 110.0, false, 0.2, -8.0, null, 0.05), 200));
        }
        RecommendationEngine e = EngineTrainer.train(c, Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
        Playlist p = e.recommend(UserProfile.empty(NOW).withListener(7), MoodTarget.NONE, Constraints.defaults());
        long late = p.trackIds().stream().filter(id -> id > 1000).count();
        assertTrue(late >= 5, "tracks from the second half of the alphabet: " + late + " of " + p.trackIds().size() + " " + p.trackIds());
    }

    @Test
    void should_find_tracks_like_an_artist_from_all_of_their_tracks() {
        RecommendationEngine e = EngineTrainer.train(catalog(), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
        Playlist p = e.similarToArtist("Ambient Artist 3", 10, Constraints.defaults()).orElseThrow();
        assertEquals(10, p.items().size());
        long ambient = p.trackIds().stream().filter(id -> id / 1000 == 3).count();
        assertTrue(ambient >= 8, "like an ambient artist: " + p.trackIds());
        assertTrue(p.items().stream().allMatch(it -> it.reasons().get(0).startsWith("like ambient artist 3: shares ambient")
                || it.reasons().get(0).equals("by ambient artist 3")), p.items().get(0).reasons().toString());
        assertEquals(java.util.Optional.of("ambient artist 3"), e.artistNamed("  AMBIENT artist 3 "));
        assertTrue(e.similarToArtist("nobody at all", 10, Constraints.defaults()).isEmpty());
    }

    @Test
    void should_read_two_cuts_of_one_song_as_one_song() {
        assertEquals("landlocked", RecommendationEngine.songKey("Landlocked (Edit)"));
        assertEquals("facing the sea", RecommendationEngine.songKey("Facing the Sea (Album Version)"));
        assertEquals("hey jude", RecommendationEngine.songKey("Hey Jude - Remastered 2015"));
        assertEquals("song 2 (part ii)", RecommendationEngine.songKey("Song 2 (Part II)"), "a part is another piece");
        assertEquals("(untitled)", RecommendationEngine.songKey("(Untitled)"));
    }

    @Test
    void should_keep_a_year_range_hard_and_leave_out_tracks_of_unknown_year() {
        List<CatalogItem> c = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            // years 1990-2019, and every tenth track of unknown year
            c.add(new CatalogItem(k + 1, "t" + k, "artist " + (k % 60), List.of("pop"), "pop",
                    new AudioFeatures(0.7, 0.6, 0.6, 0.3, 120.0, false, 0.1, -7.0, null, 0.05), 200, null, k % 10 == 0 ? null : 1990 + k % 30));
        }
        RecommendationEngine e = EngineTrainer.train(c, Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
        Constraints before2000 = Constraints.defaults().withYears(new Range(1000, 1999));
        Playlist p = e.recommend(UserProfile.empty(NOW), mood("happy"), before2000);
        assertEquals(20, p.items().size());
        assertTrue(p.items().stream().allMatch(it -> it.item().year() != null && it.item().year() <= 1999),
                p.items().stream().map(it -> it.item().year()).toList().toString());
    }
}
