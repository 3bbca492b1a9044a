package dev.tunesmith.generate.melody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import dev.tunesmith.generate.abc.CorpusFixture;
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
        MelodyTrainer.Options o = new MelodyTrainer.Options(data, out, 1, 11, 4, 32, 0, new MelodyConfig(8, 16, 32, 1, 0f), 1e-2f, 3, null);
        // when
        MelodyTrainer.Result r = MelodyTrainer.train(o);
        // then
        assertTrue(Double.isFinite(r.bestValidationLoss()));
        assertTrue(Files.exists(out.resolve("melody.params")));
        assertTrue(Files.exists(out.resolve("checkpoints/melody-epoch-001.params")));
        try (MelodyModel m = MelodyModel.load(out);
                Predictor<MelodyModel.Step, MelodyModel.StepResult> p = m.newPredictor();
                MelodyModel m2 = MelodyModel.load(out);
                Predictor<MelodyModel.Step, MelodyModel.StepResult> p2 = m2.newPredictor()) {
            assertEquals(r.vocabularySize(), m.vocabulary().size());
            int[] prefix = m.vocabulary().encode(java.util.List.of("<bos>", "M:6/8", "K:D", "<mood:lively>"));
            MelodyModel.StepResult a = p.predict(new MelodyModel.Step(prefix, null, null));
            MelodyModel.StepResult b = p2.predict(new MelodyModel.Step(prefix, null, null));
            assertEquals(m.vocabulary().size(), a.logits().length);
            assertArrayEquals(a.logits(), b.logits(), 1e-5f);
        }
    }
}
