package dev.tunesmith.recommend.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The analyser on signals synthesised here (no tools needed): tempo, key, loudness, bounded memory. */
class AudioAnalyserTest {

    private static final int SR = AudioAnalyser.SAMPLE_RATE;

    /** Clicks (5 ms bursts of a 1.5 kHz tone) every 60/bpm seconds. */
    static float[] clicks(double bpm, double seconds) {
        float[] x = new float[(int) (seconds * SR)];
        double period = 60 / bpm * SR;
        for (double t = 0; t < x.length; t += period) {
            for (int i = 0; i < SR / 200 && (int) t + i < x.length; i++) {
                x[(int) t + i] = (float) (0.8 * Math.sin(2 * Math.PI * 1500 * i / SR));
            }
        }
        return x;
    }

    static AudioAnalysis analyse(float[] x) {
        AudioAnalyser a = new AudioAnalyser();
        float[] chunk = new float[4096];
        for (int i = 0; i < x.length; i += chunk.length) {
            int n = Math.min(chunk.length, x.length - i);
            System.arraycopy(x, i, chunk, 0, n);
            a.accept(chunk, n);
        }
        return a.finish();
    }

    @Test
    void should_measure_the_tempo_of_click_tracks_within_two_percent() {
        for (double bpm : new double[] {72, 97, 120, 143}) {
            AudioAnalysis r = analyse(clicks(bpm, 30));
            assertEquals(bpm, r.tempo(), bpm * 0.02, "clicks at " + bpm);
            assertTrue(r.tempoConfidence() > 0.5, "a click track is strongly periodic: " + r.tempoConfidence());
            assertEquals(bpm / 60, r.onsetRate(), bpm / 60 * 0.15, "one onset per click");
        }
    }

    @Test
    void should_find_the_key_of_a_cadence_in_a_major_and_a_minor_key() {
        // I–IV–V–I in G major, then i–iv–V–i in D minor, as sustained triads of sine tones
        assertEquals("G major", analyse(chords(new int[][] {{67, 71, 74}, {72, 76, 79}, {74, 78, 81}, {67, 71, 74}})).key().toString());
        assertEquals("D minor", analyse(chords(new int[][] {{62, 65, 69}, {67, 70, 74}, {69, 73, 76}, {62, 65, 69}})).key().toString());
    }

    private static float[] chords(int[][] progression) {
        int per = 2 * SR;
        float[] x = new float[per * progression.length * 3];
        for (int rep = 0; rep < 3; rep++) {
            for (int c = 0; c < progression.length; c++) {
                for (int midi : progression[c]) {
                    double f = 440 * Math.pow(2, (midi - 69) / 12.0);
                    for (int i = 0; i < per; i++) {
                        x[(rep * progression.length + c) * per + i] += (float) (0.2 * Math.sin(2 * Math.PI * f * i / SR));
                    }
                }
            }
        }
        return x;
    }

    @Test
    void should_read_a_one_kilohertz_sine_at_minus_twenty_dbfs_as_about_minus_twenty_three_lufs() {
        float[] x = new float[20 * SR];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.1 * Math.sin(2 * Math.PI * 1000 * i / SR));
        }
        AudioAnalysis r = analyse(x);
        // BS.1770: a 0 dBFS 1 kHz sine in one channel reads −3.01 LUFS; K-weighting is within ±0.7 dB at 1 kHz
        assertEquals(-23.0, r.loudness(), 0.7);
        assertEquals(0, r.dynamicRange(), 0.5, "a steady tone has no loudness range");
    }

    @Test
    void should_report_nothing_measurable_for_silence() {
        AudioAnalysis r = analyse(new float[10 * SR]);
        assertTrue(Double.isNaN(r.loudness()));
        assertTrue(Double.isNaN(r.tempo()));
        assertNotNull(r.embedding());
    }

    @Test
    void should_give_unit_embeddings_closer_for_similar_sounds() {
        float[] a = analyse(clicks(120, 20)).embedding();
        float[] b = analyse(clicks(124, 20)).embedding();
        float[] noise = new float[20 * SR];
        Random rnd = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.3 * rnd.nextGaussian());
        }
        float[] c = analyse(noise).embedding();
        assertEquals(1.0, AudioAnalysis.similarity(a, a), 1e-4);
        assertTrue(AudioAnalysis.similarity(a, b) > AudioAnalysis.similarity(a, c), "two click tracks sound more alike than clicks and noise");
    }

    @Test
    void should_allocate_no_more_for_thirty_minutes_than_for_one() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] chunk = new float[8192];
        Random rnd = new Random(2);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (float) (0.2 * rnd.nextGaussian());
        }
        long[] allocated = new long[2];
        int[] minutes = {1, 30};
        for (int k = 0; k < 2; k++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            AudioAnalyser a = new AudioAnalyser();
            long samples = (long) minutes[k] * 60 * SR;
            for (long s = 0; s < samples; s += chunk.length) {
                a.accept(chunk, chunk.length);
            }
            a.finish();
            allocated[k] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertTrue(allocated[1] < allocated[0] + 512 * 1024,
                "memory grows with length: 1 min allocated " + allocated[0] + " B, 30 min " + allocated[1] + " B");
    }
}
