package dev.tunesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateCliTest {

    @Test
    void should_refuse_unknown_or_incomplete_arguments_naming_them() {
        assertTrue(assertThrows(UsageException.class, () -> GenerateCli.trainMelody(List.of("--bogus", "1"))).getMessage()
                .contains("--bogus"));
        assertTrue(assertThrows(UsageException.class, () -> GenerateCli.trainLyrics(List.of("--epochs"))).getMessage()
                .contains("--epochs needs a value"));
        assertTrue(assertThrows(UsageException.class, () -> GenerateCli.trainLyrics(List.of("--epochs", "many"))).getMessage()
                .contains("must be an integer"));
    }

    @Test
    void should_print_help_for_every_command() {
        assertTrue(assertThrows(Args.HelpRequested.class, () -> GenerateCli.trainMelody(List.of("--help"))).getMessage()
                .contains("--epochs"));
        assertTrue(assertThrows(Args.HelpRequested.class, () -> RecommendCli.eval(List.of("--help"))).getMessage()
                .contains("--als-lambda"));
    }

    @Test
    void should_return_1_when_the_data_folder_is_missing() {
        assertEquals(1, GenerateCli.trainMelody(List.of("--data", "/nonexistent/abc", "--out", "target/never", "--epochs", "1")));
    }
}
