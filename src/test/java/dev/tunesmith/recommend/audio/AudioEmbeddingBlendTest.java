package dev.tunesmith.recommend.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.EngineTrainerAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioEmbeddingBlendTest {

    @Test
    void should_leave_catalogue_pairs_alone_and_mix_sound_into_analysed_pairs() {
        float[] text = {0, 1, 0, 1, 0, 1}; // three items × 2 text dims, all with the same text
        CatalogItem plain = new CatalogItem(1, "a", "x", List.of("folk"), null, null, 0);
        CatalogItem heardA = new CatalogItem(2, "b", "y", List.of("folk"), null, null, 0, new float[] {1, 0});
        CatalogItem heardB = new CatalogItem(3, "c", "z", List.of("folk"), null, null, 0, new float[] {0, 1});
        float[] out = EngineTrainerAccess.withAudio(text, List.of(plain, heardA, heardB));
        int dims = out.length / 3;
        assertEquals(4, dims);
        assertEquals(1.0, dot(out, 0, 0, dims), 1e-6, "a catalogue track keeps its unit text vector");
        // over two analysed items the standardised sounds are opposite: 0.4·1 + 0.6·(−1)
        assertEquals(-0.2, dot(out, 1, 2, dims), 1e-6, "same text, opposite sound");
        assertEquals(Math.sqrt(0.4), dot(out, 0, 1, dims), 1e-6, "catalogue against analysed: the text part only");
        assertEquals(1.0, dot(out, 1, 1, dims), 1e-6);
        assertSame(text, EngineTrainerAccess.withAudio(text, List.of(plain, plain, plain)));
    }

    private static double dot(float[] v, int a, int b, int dims) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            s += v[a * dims + d] * v[b * dims + d];
        }
        return s;
    }
}
