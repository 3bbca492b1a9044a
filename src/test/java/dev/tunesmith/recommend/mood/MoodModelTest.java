package dev.tunesmith.recommend.mood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoodModelTest {
    private static final MoodModel MODEL = MoodModel.standard();

    private static float[] q(double valence, double energy, double acoustic, double instrumental, double loud) {
        float[] v = new float[MoodModel.FEATURES];
        java.util.Arrays.fill(v, Float.NaN);
        v[MoodModel.Feature.VALENCE.ordinal()] = (float) valence;
        v[MoodModel.Feature.ENERGY.ordinal()] = (float) energy;
        v[MoodModel.Feature.ACOUSTICNESS.ordinal()] = (float) acoustic;
        v[MoodModel.Feature.INSTRUMENTALNESS.ordinal()] = (float) instrumental;
        v[MoodModel.Feature.LOUDNESS.ordinal()] = (float) loud;
        return v;
    }

    @Test
    void should_have_a_region_for_every_mood_word_of_the_vocabulary() {
        for (MoodEntry e : MoodVocabulary.standard().entries()) {
            assertTrue(MODEL.region(e.name()).isPresent(), e.name());
        }
    }

    @Test
    void should_score_by_distance_to_the_centre_not_flat_inside_a_range() {
        // given: quantiles of a quiet acoustic instrumental piece, a middling track and a loud electric one
        MoodModel.Region calm = MODEL.region("calm").orElseThrow();
        float[] ambient = q(0.3, 0.1, 0.9, 0.8, 0.1);
        float[] middling = q(0.4, 0.3, 0.6, 0.5, 0.35);
        float[] loud = q(0.5, 0.95, 0.05, 0.1, 0.95);

        // then: fit falls continuously with the distance
        double a = MoodModel.fit(calm, ambient);
        double m = MoodModel.fit(calm, middling);
        double l = MoodModel.fit(calm, loud);
        assertTrue(a > m && m > l, a + " " + m + " " + l);
        assertTrue(a > 0.9 && l < 0.05, a + " " + l);
    }

    @Test
    void should_separate_calm_from_sad_by_instrumentalness_and_loudness_not_valence_alone() {
        // given: both low valence and low energy; one sung and mid-loud, one instrumental and quiet
        float[] sadSong = q(0.1, 0.3, 0.65, 0.2, 0.4);
        float[] ambient = q(0.25, 0.1, 0.85, 0.8, 0.1);

        // then
        MoodModel.Region calm = MODEL.region("calm").orElseThrow();
        MoodModel.Region sad = MODEL.region("sad").orElseThrow();
        assertTrue(MoodModel.fit(calm, ambient) > MoodModel.fit(calm, sadSong));
        assertTrue(MoodModel.fit(sad, sadSong) > MoodModel.fit(sad, ambient));
    }

    @Test
    void should_describe_only_what_the_numbers_show() {
        MoodModel.Region calm = MODEL.region("calm").orElseThrow();
        List<String> words = MoodModel.describe(calm, q(0.3, 0.08, 0.9, 0.2, 0.12), 3);
        assertTrue(words.contains("low energy") && words.contains("acoustic"), words.toString());
        assertFalse(words.contains("instrumental"), words.toString()); // instrumentalness 0.2 is not instrumental
        assertTrue(MoodModel.describe(calm, q(0.5, 0.9, 0.1, 0.1, 0.9), 3).isEmpty());
    }

    @Test
    void should_calibrate_quantiles_to_the_catalogue_with_ties_at_mid_rank() {
        // given: energy on two different scales, instrumentalness mostly 0
        float[][] raw = {{0.1f, 0.2f, 0.3f, 0.4f}, {10f, 20f, 30f, 40f}, {0f, 0f, 0f, 0.9f}};
        FeatureQuantiles fq = FeatureQuantiles.of(raw);

        // then: the same rank gives the same quantile, whatever the scale; ties share one value
        assertEquals(fq.quantile(0, 0.3f), fq.quantile(1, 30f), 1e-6);
        assertEquals(fq.quantile(2, 0f), fq.transform(raw)[1][2], 1e-6);
        assertTrue(fq.quantile(2, 0f) < fq.quantile(2, 0.9f));
        assertTrue(Float.isNaN(fq.quantile(0, Float.NaN)));
    }

    @Test
    void should_move_a_region_towards_labelled_examples_with_shrinkage() {
        // given: twenty happy examples whose valence sits at the 60th percentile
        List<float[]> ex = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ex.add(q(0.6, 0.6, 0.4, 0.2, 0.6));
        }
        MoodModel learned = MODEL.learned(Map.of("happy", ex), 20);

        // then: halfway between the prior centre (0.85) and the examples (0.6)
        double c = learned.region("happy").orElseThrow().axis(MoodModel.Feature.VALENCE).orElseThrow().centre();
        assertEquals((0.85 + 0.6) / 2, c, 1e-6);
        assertEquals(0.85, MODEL.region("happy").orElseThrow().axis(MoodModel.Feature.VALENCE).orElseThrow().centre(), 1e-9);
    }

    @Test
    void should_combine_words_asked_together() {
        MoodModel.Region r = MODEL.combine(List.of("peaceful", "sleep")).orElseThrow();
        double e = r.axis(MoodModel.Feature.ENERGY).orElseThrow().centre();
        assertEquals((0.1 + 0.05) / 2, e, 1e-9);
        assertTrue(MODEL.combine(List.of("no such mood")).isEmpty());
    }

    @Test
    void should_name_the_quadrants_a_request_is_not_about_as_its_rivals() {
        // given
        MoodModel m = MoodModel.standard();

        // when / then: a word's own quadrants are the nearest on valence and energy, and any nearly as near
        assertEquals(List.of("happy", "energetic", "calm"), names(m.rivals(List.of("sad"))));
        assertEquals(List.of("happy", "energetic"), names(m.rivals(List.of("rainy"))));
        assertEquals(List.of("sad", "calm"), names(m.rivals(List.of("party"))));
        assertEquals(List.of("happy", "sad", "energetic"), names(m.rivals(List.of("relaxed"))));
        assertEquals(List.of("energetic"), names(m.rivals(List.of("rainy", "hopeful"))));
        // no valence or no energy centre: no quadrant, so no rivals
        assertEquals(List.of(), names(m.rivals(List.of("acoustic"))));
        assertEquals(List.of(), names(m.rivals(List.of("gym"))));
        assertEquals(List.of(), names(m.rivals(List.of("no such mood"))));
    }

    private static List<String> names(List<MoodModel.Region> regions) {
        return regions.stream().map(MoodModel.Region::mood).toList();
    }
}
