package dev.tunesmith.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdExposureTest {

    @Test
    void should_lower_the_cap_of_a_track_as_it_fills_recent_cold_playlists() {
        // given: track 7 in 6 of the last playlists, track 8 in none
        ColdExposure e = new ColdExposure();
        for (int k = 0; k < 6; k++) {
            e.record(List.of(7L, 100L + k, 7L));
        }

        // then: its share counts each playlist once, and past the knee its cap shrinks linearly towards the target
        assertEquals(0.06, e.share(7), 1e-9);
        double knee = ColdExposure.KNEE * ColdExposure.TARGET;
        assertEquals(1 - (0.06 - knee) / (ColdExposure.TARGET - knee), e.capFactor(7), 1e-9);
        assertTrue(e.capFactor(7) < 1);
        assertEquals(1.0, e.capFactor(8), 1e-9);

        // and: under the knee a track's cap is left as it is
        ColdExposure few = new ColdExposure();
        few.record(List.of(9L));
        few.record(List.of(9L));
        assertTrue(0.02 <= knee);
        assertEquals(1.0, few.capFactor(9), 1e-9);

        // and: at the target and beyond, a floor keeps it drawable
        e.record(List.of(7L));
        e.record(List.of(7L));
        e.record(List.of(7L));
        assertEquals(0.05, e.capFactor(7), 1e-9);
    }

    @Test
    void should_forget_playlists_older_than_the_window() {
        ColdExposure e = new ColdExposure();
        e.record(List.of(1L));
        for (int k = 0; k < ColdExposure.WINDOW - 1; k++) {
            e.record(List.of(2L));
        }
        assertEquals(0.01, e.share(1), 1e-9);

        // one more playlist pushes the first one out
        e.record(List.of(2L));
        assertEquals(0.0, e.share(1), 1e-9);
        assertEquals(1.0, e.share(2), 1e-9);
    }

    @Test
    void should_do_nothing_when_off() {
        ColdExposure.NONE.record(List.of(3L));
        assertEquals(0.0, ColdExposure.NONE.share(3), 1e-9);
        assertTrue(ColdExposure.NONE.capFactor(3) == 1.0);
    }
}
