package dev.tunesmith.music.melody;

import dev.tunesmith.music.lm.LmConfig;
import dev.tunesmith.music.lm.TokenLm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import dev.tunesmith.music.abc.CorpusFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MelodyTrainerTest {

    @TempDir
    Path out;

    @Test
    void should_train_a_few_batches_then_save_and_reload_the_model() throws Exception {
        // given
        Path data = CorpusFixture.nottingham();
        MelodyTrainer.Options o = new MelodyTrainer.Options(data, out, 1, 11, 4, 32, 0, new LmConfig(8, 16, 32, 1, 0f), 1e-2f, 3, null);
        // when
        MelodyTrainer.Result r = MelodyTrainer.train(o);
        // then
        assertTrue(Double.isFinite(r.bestValidationLoss()));
        assertTrue(Files.exists(out.resolve("melody.params")));
        assertTrue(Files.exists(out.resolve("checkpoints/melody-epoch-001.params")));
        try (TokenLm m = TokenLm.load(out, "melody");
                Predictor<TokenLm.Step, TokenLm.StepResult> p = m.newPredictor();
                TokenLm m2 = TokenLm.load(out, "melody");
                Predictor<TokenLm.Step, TokenLm.StepResult> p2 = m2.newPredictor()) {
            assertEquals(r.vocabularySize(), m.vocabulary().size());
            int[] prefix = m.vocabulary().encode(java.util.List.of("<bos>", "M:6/8", "K:D", "<mood:lively>"));
            TokenLm.StepResult a = p.predict(new TokenLm.Step(prefix, null, null));
            TokenLm.StepResult b = p2.predict(new TokenLm.Step(prefix, null, null));
            assertEquals(m.vocabulary().size(), a.logits().length);
            assertArrayEquals(a.logits(), b.logits(), 1e-5f);
        }
    }

    @Test
    void should_reproduce_the_same_weights_for_the_same_seed(@TempDir Path other) throws Exception {
        // given
        Path data = CorpusFixture.nottingham();
        MelodyTrainer.Options a = new MelodyTrainer.Options(data, out, 1, 5, 4, 32, 1, new LmConfig(8, 16, 32, 1, 0f), 1e-2f, 2, null);
        MelodyTrainer.Options b = new MelodyTrainer.Options(data, other, 1, 5, 4, 32, 1, new LmConfig(8, 16, 32, 1, 0f), 1e-2f, 2, null);
        // when
        MelodyTrainer.Result ra = MelodyTrainer.train(a);
        MelodyTrainer.Result rb = MelodyTrainer.train(b);
        // then
        assertEquals(ra.bestValidationLoss(), rb.bestValidationLoss(), 1e-9);
        assertArrayEquals(Files.readAllBytes(out.resolve("melody.params")), Files.readAllBytes(other.resolve("melody.params")));
    }
}
