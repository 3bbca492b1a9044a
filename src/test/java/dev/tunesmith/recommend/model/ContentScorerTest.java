package dev.tunesmith.recommend.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunesmith.recommend.data.UserVector;
import org.junit.jupiter.api.Test;

class ContentScorerTest {
    // items over 3 dims: a = (1,0,0), b = (0,1,0), c = (1,1,0)/√2
    private final ContentModel model = ContentModel.dense(3, new float[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}});
    // log(1 + (e − 1)) = 1, so the profile is exactly a
    private final UserVector likesA = UserVector.of(new int[] {0}, new float[] {(float) (Math.E - 1)});

    @Test
    void should_rank_by_cosine_when_profile_is_new() {
        // when
        float[] s = new float[3];
        new ContentScorer(model, ContentScorer.Similarity.COSINE).score(likesA, s);

        // then: cos(a,a) = 1, cos(a,b) = 0, cos(a,c) = 1/√2
        assertEquals(1.0, s[0], 1e-6);
        assertEquals(0.0, s[1], 1e-6);
        assertEquals(Math.sqrt(0.5), s[2], 1e-6);
    }

    @Test
    void should_score_pearson_correlation_over_all_dimensions() {
        // when
        float[] s = new float[3];
        new ContentScorer(model, ContentScorer.Similarity.PEARSON).score(likesA, s);

        // then: r(a,a) = 1; r(a,b) = −1/2; r(a,c) = 1/2 (worked by hand over 3 dims)
        assertEquals(1.0, s[0], 1e-5);
        assertEquals(-0.5, s[1], 1e-5);
        assertEquals(0.5, s[2], 1e-5);
    }

    @Test
    void should_round_trip_content_and_hybrid_models_through_bytes() {
        // when
        ContentModel back = ContentModel.fromBytes(model.toBytes());
        HybridModel h = HybridModel.fromBytes(new HybridModel(java.util.List.of("als", "ease"), new double[] {1, 0.5}).toBytes());

        // then
        assertEquals(3, back.dims());
        assertEquals(model.values()[2][1], back.values()[2][1]);
        assertEquals(java.util.List.of("als", "ease"), h.components());
        assertEquals(0.5, h.weights()[1]);
    }

    @Test
    void should_weight_tags_by_tf_idf_and_normalise() {
        // given: tag 0 on every item (idf 0), tag 1 on one item
        ContentModel m = ContentModel.tfIdf(2, new int[][] {{0, 1}, {0}}, new float[][] {{5, 1}, {3}});

        // then: item 0 keeps only tag 1 after idf, normalised to 1
        assertEquals(0.0, m.values()[0][0], 1e-6);
        assertEquals(1.0, m.values()[0][1], 1e-6);
    }
}
