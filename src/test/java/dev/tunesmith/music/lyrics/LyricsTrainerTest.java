package dev.tunesmith.music.lyrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.music.LyricsRequest;
import dev.tunesmith.music.abc.CorpusFixture;
import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.lm.LmTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LyricsTrainerTest {

    @TempDir
    Path out;

    @Test
    void should_train_a_few_batches_then_save_reload_and_generate() throws Exception {
        // given
        Path data = CorpusFixture.sharedData().resolve("gutenberg-songs");
        Assumptions.assumeTrue(Files.isDirectory(data), "gutenberg-songs absent: skipping");
        LyricsTrainer.Options o = new LyricsTrainer.Options(data, out, 1, 3, 500, new LmConfig(8, 16, 32, 1, 0f), 2, null);
        // when
        LmTrainer.Result r = LyricsTrainer.train(o);
        // then
        assertTrue(Double.isFinite(r.bestValidationLoss()));
        assertTrue(Files.exists(out.resolve("lyrics.params")));
        try (ModelLyricsGenerator g = ModelLyricsGenerator.load(out, 1)) {
            String text = g.write(new LyricsRequest("love", "AABB", 4, 7, 1L)).text();
            assertEquals(4, text.lines().count());
        }
    }
}
