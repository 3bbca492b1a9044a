package dev.tunesmith.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.abc.AbcElement;
import dev.tunesmith.music.abc.AbcParser;
import dev.tunesmith.music.abc.Tune;
import dev.tunesmith.music.abc.TuneTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MelodyServiceTest {

    private static MelodyService service;

    @BeforeAll
    static void load() {
        service = MelodyService.loadShipped();
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void should_generate_a_valid_16_bar_tune_with_chords_from_the_shipped_model() {
        // when
        Melody m = service.generate(new MelodyRequest("G", "6/8", 16, "lively", 110.0, 7L, 1.0, 0.95));
        // then
        Tune t = AbcParser.parse(m.abc());
        assertTrue(TuneTiming.strictlyValid(t), m.abc());
        assertEquals(16, TuneTiming.bars(t).size());
        assertEquals("G", m.key());
        assertEquals("6/8", m.meter());
        assertEquals("3/8=110", t.field('Q'));
        assertTrue(t.body().stream().anyMatch(AbcElement.ChordSymbol.class::isInstance));
    }

    @Test
    void should_repeat_itself_for_the_same_seed() {
        MelodyRequest req = new MelodyRequest("Em", "3/4", 8, "calm", null, 42L, 0.8, 0.9);
        assertEquals(service.generate(req).abc(), service.generate(req).abc());
    }

    @Test
    void should_stay_valid_when_called_from_several_threads() throws Exception {
        // given
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Melody>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long seed = i;
                futures.add(pool.submit(() -> service.generate(new MelodyRequest("D", "4/4", 8, null, null, seed, 1.0, 0.95))));
            }
            // then
            for (Future<Melody> f : futures) {
                Tune t = AbcParser.parse(f.get().abc());
                assertTrue(TuneTiming.strictlyValid(t));
                assertEquals(8, TuneTiming.bars(t).size());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void should_reject_bad_requests_with_clear_messages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MelodyRequest.of("H", "4/4", 8)).getMessage().contains("invalid key 'H'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MelodyRequest.of("D", "4/5", 8)).getMessage().contains("meter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MelodyRequest.of("D", "4/4", 0)).getMessage().contains("bars must be between 1 and 64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MelodyRequest.of("Ddor", "4/4", 8)).getMessage().contains("major and minor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.generate(MelodyRequest.of("C#", "4/4", 8))).getMessage().contains("not supported"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.generate(MelodyRequest.of("D", "7/8", 8))).getMessage().contains("supported: "));
    }

    @Test
    void should_harmonize_given_abc_and_report_malformed_input_with_position() {
        String out = service.harmonize("X:1\nT:Test\nM:3/4\nL:1/8\nK:D\nd2 f2 a2|g2 e2 c2|d6|]\n");
        assertTrue(out.contains("\"D\""), out);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.harmonize("X:1\nK:D\nd2 f2 ?|\n")).getMessage().startsWith("line 3, column 7"));
        assertEquals("cpu", service.device());
    }
}
