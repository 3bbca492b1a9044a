package dev.tunesmith.recommend.mood;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.AudioFeatures;
import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.Constraints;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.Playlist;
import dev.tunesmith.recommend.RecommendationEngine;
import dev.tunesmith.recommend.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Do the standard regions keep happy, sad, energetic and calm apart on measured Spotify-scale features?
 *
 * <p>The synthetic catalogue follows Spotify's published feature definitions, not any labelled set:
 * calm music is quiet, low in energy, acoustic and mostly instrumental with a low valence (the genre
 * means of ambient, classical and new age in Spotify's per-genre table sit at energy 0.16–0.28,
 * loudness −18 to −21 dB, acousticness 0.67–0.92, instrumentalness 0.58–0.75, valence about 0.2);
 * sad songs are sung (low instrumentalness), low in valence ("sounds more negative: sad, depressed"),
 * moderate in energy and loudness (singer-songwriter, acoustic pop: energy about 0.45, −9 to −12 dB);
 * happy songs are high in valence and danceable with moderate energy (disco, funk, motown: valence about
 * 0.7, danceability 0.6–0.66); energetic tracks are high in energy and loud with a middling valence
 * (EDM, metal, electro house: energy about 0.8, −5 to −7 dB, valence about 0.4). Each track is drawn
 * around its kind's means with track-level spreads wider than the genre means show.
 */
class SpotifyMoodSeparationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    // valence, energy, danceability, acousticness, instrumentalness, loudness, tempo, P(major), speechiness
    private static final Map<String, double[]> MEANS = new LinkedHashMap<>();
    private static final Map<String, double[]> SPREADS = new LinkedHashMap<>();

    static {
        MEANS.put("calm", new double[] {0.20, 0.20, 0.33, 0.85, 0.70, -19.5, 105, 0.7, 0.04});
        SPREADS.put("calm", new double[] {0.12, 0.10, 0.12, 0.12, 0.25, 4.0, 25, 0, 0.015});
        MEANS.put("sad", new double[] {0.22, 0.42, 0.48, 0.50, 0.05, -10.0, 115, 0.5, 0.045});
        SPREADS.put("sad", new double[] {0.10, 0.14, 0.12, 0.25, 0.08, 3.0, 25, 0, 0.02});
        MEANS.put("happy", new double[] {0.75, 0.64, 0.68, 0.25, 0.04, -7.5, 118, 0.8, 0.06});
        SPREADS.put("happy", new double[] {0.12, 0.13, 0.10, 0.18, 0.06, 2.5, 20, 0, 0.03});
        MEANS.put("energetic", new double[] {0.42, 0.84, 0.56, 0.07, 0.12, -5.5, 128, 0.6, 0.08});
        SPREADS.put("energetic", new double[] {0.16, 0.09, 0.13, 0.07, 0.18, 2.0, 18, 0, 0.04});
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static List<CatalogItem> catalogue(long seed, int perMood) {
        Random r = new Random(seed);
        List<CatalogItem> out = new ArrayList<>();
        int g = 0;
        for (var e : MEANS.entrySet()) {
            double[] m = e.getValue();
            double[] s = SPREADS.get(e.getKey());
            for (int k = 0; k < perMood; k++) {
                AudioFeatures f = new AudioFeatures(clamp(m[0] + s[0] * r.nextGaussian()), clamp(m[1] + s[1] * r.nextGaussian()),
                        clamp(m[2] + s[2] * r.nextGaussian()), clamp(m[3] + s[3] * r.nextGaussian()),
                        Math.max(50, m[6] + s[6] * r.nextGaussian()), false, clamp(m[4] + s[4] * r.nextGaussian()),
                        Math.min(0, m[5] + s[5] * r.nextGaussian()), r.nextDouble() < m[7] ? 1.0 : 0.0,
                        clamp(m[8] + s[8] * r.nextGaussian()));
                // no tags, no genre: the mood must come from the features alone
                out.add(new CatalogItem(1000L * g + k, "track " + k, "artist " + g + "-" + (k % 60), List.of(), null, f, 200 + k % 100));
            }
            g++;
        }
        return out;
    }

    @Test
    void should_fill_each_basic_mood_from_its_own_kind_on_spotify_scale_features() {
        List<String> moods = new ArrayList<>(MEANS.keySet());
        StringBuilder report = new StringBuilder();
        double worst = 1;
        for (long seed : new long[] {3, 11}) {
            RecommendationEngine e = EngineTrainer.train(catalogue(seed, 175), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
            for (int g = 0; g < moods.size(); g++) {
                String mood = moods.get(g);
                MoodTarget t = new MoodTarget(mood, mood, null, null, null, List.of(), List.of(), List.of(), List.of(), null,
                        List.of(mood), List.of());
                double hits = 0;
                int listeners = 5;
                for (int l = 0; l < listeners; l++) {
                    Playlist p = e.recommend(UserProfile.empty(NOW.plusSeconds(977L * l)), t, Constraints.defaults());
                    int group = g;
                    hits += p.trackIds().stream().filter(id -> id / 1000 == group).count() / 20.0;
                }
                double precision = hits / listeners;
                worst = Math.min(worst, precision);
                report.append(String.format(java.util.Locale.ROOT, " %s@%d=%.2f", mood, seed, precision));
            }
        }
        System.out.println("spotify-scale mood separation:" + report);
        assertTrue(worst >= 0.85, "P@20 per mood:" + report);
    }

    @Test
    void should_spread_cold_listeners_over_the_tracks_of_each_mood() {
        List<String> moods = new ArrayList<>(MEANS.keySet());
        StringBuilder report = new StringBuilder();
        int worst = 0;
        double precision = 0;
        for (long seed : new long[] {3, 11}) {
            RecommendationEngine e = EngineTrainer.train(catalogue(seed, 175), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
            Map<Long, Integer> appearances = new java.util.HashMap<>();
            dev.tunesmith.recommend.ColdExposure exposure = new dev.tunesmith.recommend.ColdExposure();
            double hits = 0;
            for (int l = 0; l < 100; l++) {
                int g = l % moods.size();
                String mood = moods.get(g);
                MoodTarget t = new MoodTarget(mood, mood, null, null, null, List.of(), List.of(), List.of(), List.of(), null,
                        List.of(mood), List.of());
                Playlist p = e.recommend(UserProfile.empty(NOW).withListener(100 * seed + l + 1), t, Constraints.defaults(), exposure);
                p.trackIds().forEach(id -> appearances.merge(id, 1, Integer::sum));
                hits += p.trackIds().stream().filter(id -> id / 1000 == g).count() / 20.0;
            }
            int max = appearances.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            worst = Math.max(worst, max);
            precision += hits / 100 / 2;
            report.append(String.format(java.util.Locale.ROOT, " seed %d: max share %d %%, P@20 %.3f;", seed, max, hits / 100));
        }
        System.out.println("spotify-scale cold listeners:" + report);
        assertTrue(worst <= 10, "largest share of one track:" + report);
        assertTrue(precision >= 0.85, "P@20 over the cold listeners:" + report);
    }

    /**
     * "Calmer", "happier", "faster" move the playlist along that feature and keep the rest of its mood: a calmer happy
     * playlist is still bright, a happier sad one is still as quiet. Measured as the mean feature quantile of the 20
     * tracks before and after one step, over both seeds.
     */
    @Test
    void should_keep_the_mood_when_a_playlist_is_made_calmer_happier_or_faster() {
        record Case(String mood, MoodModel.Feature moved, double delta, MoodModel.Feature kept) {}
        List<Case> cases = List.of(new Case("happy", MoodModel.Feature.ENERGY, -0.2, MoodModel.Feature.VALENCE),
                new Case("sad", MoodModel.Feature.ENERGY, -0.2, MoodModel.Feature.VALENCE),
                new Case("sad", MoodModel.Feature.VALENCE, 0.2, MoodModel.Feature.ENERGY),
                new Case("energetic", MoodModel.Feature.ENERGY, -0.2, MoodModel.Feature.ACOUSTICNESS),
                new Case("calm", MoodModel.Feature.ENERGY, 0.2, MoodModel.Feature.ACOUSTICNESS),
                new Case("calm", MoodModel.Feature.TEMPO, 0.2, MoodModel.Feature.ENERGY));
        StringBuilder report = new StringBuilder();
        for (long seed : new long[] {3, 11}) {
            RecommendationEngine e = EngineTrainer.train(catalogue(seed, 175), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
            for (Case c : cases) {
                MoodTarget t = new MoodTarget(c.mood(), c.mood(), null, null, null, List.of(), List.of(), List.of(), List.of(), null,
                        List.of(c.mood()), List.of());
                UserProfile listener = UserProfile.empty(NOW).withListener(seed);
                Playlist before = e.recommend(listener, t, Constraints.defaults());
                Playlist after = e.recommend(listener, t.nudged(MoodTarget.Nudge.by(c.moved(), meanQuantile(e, before, c.moved()), c.delta())),
                        Constraints.defaults());
                double moved = meanQuantile(e, after, c.moved()) - meanQuantile(e, before, c.moved());
                double kept = meanQuantile(e, after, c.kept()) - meanQuantile(e, before, c.kept());
                report.append(String.format(java.util.Locale.ROOT, " %s %s%+.1f@%d: moved %+.2f, %s %+.2f;", c.mood(), c.moved().key(),
                        c.delta(), seed, moved, c.kept().key(), kept));
                assertTrue(Math.signum(moved) == Math.signum(c.delta()) && Math.abs(moved) >= 0.05, "moved too little:" + report);
                assertTrue(Math.abs(kept) <= 0.12, "the rest of the mood drifted:" + report);
                assertTrue(after.items().get(0).reasons().stream().anyMatch(r -> r.contains(c.mood() + ", ")), "reason names the mood:"
                        + after.items().get(0).reasons());
            }
        }
        System.out.println("spotify-scale nudges:" + report);
    }

    private static double meanQuantile(RecommendationEngine e, Playlist p, MoodModel.Feature f) {
        return p.trackIds().stream().mapToDouble(id -> e.quantiles(e.indexOf(id))[f.ordinal()]).average().orElse(Double.NaN);
    }

    /** Requests as listeners type them, per quadrant mood (parsed, as the REST and chat paths do). */
    private static final Map<String, List<String>> WORDED = new LinkedHashMap<>();

    static {
        WORDED.put("calm", List.of("calm", "relaxing chill", "peaceful sleep", "something soothing to wind down",
                "quiet music for a lazy evening"));
        WORDED.put("sad", List.of("sad", "sad breakup songs", "melancholic evening", "songs for crying",
                "heartbroken and lonely"));
        WORDED.put("happy", List.of("happy", "something cheerful and fun", "feel good songs", "a joyful sunny morning",
                "good vibes, bright and happy"));
        WORDED.put("energetic", List.of("energetic", "high energy, pumped", "powerful and lively", "get me hyped",
                "intense workout energy"));
    }

    @Test
    void should_hold_the_mood_and_spread_the_tracks_for_worded_requests() {
        dev.tunesmith.recommend.TextEmbedder minilm = dev.tunesmith.recommend.service.Embedders.of(
                new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel());
        MoodParser parser = new MoodParser(minilm, MoodVocabulary.standard(), List.of(), List.of());
        List<String> moods = new ArrayList<>(WORDED.keySet());
        StringBuilder report = new StringBuilder();
        int worst = 0;
        double worstP = 1;
        for (long seed : new long[] {5, 17}) {
            RecommendationEngine e = EngineTrainer.train(catalogue(seed, 175), Map.of(), null, NOW, EngineTrainer.Options.DEFAULTS);
            Map<Long, Integer> appearances = new java.util.HashMap<>();
            dev.tunesmith.recommend.ColdExposure exposure = new dev.tunesmith.recommend.ColdExposure();
            Map<String, Double> hits = new LinkedHashMap<>();
            for (int l = 0; l < 100; l++) {
                int g = l % moods.size();
                List<String> phrases = WORDED.get(moods.get(g));
                MoodTarget t = parser.parse(phrases.get((l / moods.size()) % phrases.size()));
                Playlist p = e.recommend(UserProfile.empty(NOW).withListener(1000 * seed + l + 1), t, Constraints.defaults(), exposure);
                p.trackIds().forEach(id -> appearances.merge(id, 1, Integer::sum));
                hits.merge(moods.get(g), p.trackIds().stream().filter(id -> id / 1000 == g).count() / 20.0 / 25, Double::sum);
            }
            int max = appearances.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            worst = Math.max(worst, max);
            worstP = Math.min(worstP, hits.values().stream().mapToDouble(Double::doubleValue).min().orElse(0));
            report.append(String.format(java.util.Locale.ROOT, " seed %d: max share %d %%, P@20", seed, max));
            hits.forEach((m, h) -> report.append(String.format(java.util.Locale.ROOT, " %s %.2f", m, h)));
            report.append(';');
        }
        System.out.println("spotify-scale worded requests:" + report);
        assertTrue(worst <= 10, "largest share of one track:" + report);
        assertTrue(worstP >= 0.85, "P@20 per mood:" + report);
    }
}
