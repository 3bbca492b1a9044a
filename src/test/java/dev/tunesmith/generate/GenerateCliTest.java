package dev.tunesmith.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateCliTest {

    @Test
    void should_return_2_for_unknown_or_incomplete_arguments() {
        assertEquals(2, GenerateCli.trainMelody(List.of("--bogus", "1")));
        assertEquals(2, GenerateCli.trainLyrics(List.of("--epochs")));
        assertEquals(2, GenerateCli.bench(List.of("--samples", "many")));
    }

    @Test
    void should_return_1_when_the_data_folder_is_missing() {
        assertEquals(1, GenerateCli.trainMelody(List.of("--data", "/nonexistent/abc", "--out", "target/never", "--epochs", "1")));
    }
}
