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

    @Test
    void should_explain_similar_tracks_by_measured_tempo_and_energy_only_when_both_were_analysed() {
        var measuredA = new dev.tunesmith.recommend.AudioFeatures(0.5, 0.45, 0.5, 0.5, 121.0, false);
        var measuredB = new dev.tunesmith.recommend.AudioFeatures(0.5, 0.49, 0.5, 0.5, 118.0, false);
        CatalogItem a = new CatalogItem(1, "a", "x", List.of(), null, measuredA, 0, new float[] {1});
        CatalogItem b = new CatalogItem(2, "b", "y", List.of(), null, measuredB, 0, new float[] {1});
        assertEquals("sounds alike (measured): 121 and 118 BPM, energy 45 % and 49 %", EngineTrainerAccess.measuredAlike(a, b).orElseThrow());
        CatalogItem estimated = new CatalogItem(3, "c", "z", List.of(), null,
                new dev.tunesmith.recommend.AudioFeatures(0.5, 0.45, 0.5, 0.5, 121.0, true), 0);
        assertEquals(java.util.Optional.empty(), EngineTrainerAccess.measuredAlike(a, estimated));
    }

    private static double dot(float[] v, int a, int b, int dims) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            s += v[a * dims + d] * v[b * dims + d];
        }
        return s;
    }
}
