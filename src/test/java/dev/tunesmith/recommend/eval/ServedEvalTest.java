package dev.tunesmith.recommend.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.Splits;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.engine.ServedScorer;
import dev.tunesmith.recommend.model.EaseTrainer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The served recommender, measured by the protocol as the row {@code served} (HetRec Last.fm 2K, fold 0). */
class ServedEvalTest {
    @Test
    void should_evaluate_the_served_blend_as_a_row_that_beats_ease() throws Exception {
        // given
        Path dir = Path.of(System.getProperty("tunesmith.shared.data", "../shared/data"), "lastfm-hetrec2k");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("user_artists.dat")),
                "HetRec Last.fm 2K not found at " + dir.toAbsolutePath() + "; skipping the served evaluation test");
        HetRecData d = HetRecData.load(dir);

        // when: fold 0 of the documented protocol, the served trainer with the default configuration
        List<EvalResult> r = new Evaluator(5, 1, Protocol.SEED, new PrintStream(PrintStream.nullOutputStream()))
                .run(d.plays(), List.of(new EaseTrainer(75, 3), Protocol.served(d, ServedConfig.DEFAULTS)), List.of());

        // then
        EvalResult ease = r.get(0);
        EvalResult served = r.get(1);
        assertEquals("served", served.scorer());
        assertTrue(served.ndcg10() >= 0.2587, "served " + served);
        assertTrue(served.ndcg10() > ease.ndcg10() + 0.01, "served " + served + " ease " + ease);
        assertTrue(Evaluator.table(r).contains("served"));
    }

    @Test
    void should_serve_the_same_scores_after_a_round_trip_through_bytes() throws Exception {
        Path dir = Path.of(System.getProperty("tunesmith.shared.data", "../shared/data"), "lastfm-hetrec2k");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("user_artists.dat")), "HetRec Last.fm 2K not found; skipping");
        HetRecData d = HetRecData.load(dir);
        // a small training set (fold 0's training part, light settings) keeps the test quick
        int[] fold = Splits.foldOfEntry(d.plays(), 5, Protocol.SEED);
        Interactions train = d.plays().filter(Splits.trainMask(fold, 0));
        ServedConfig light = new ServedConfig(200, 10, 1500, 8, 1.25, 2.0, 3, 3, 50, 1.0, 0.25, 50, 10, true, true, true, 1L);
        ServedScorer s = Protocol.served(d, light).train(train);
        ServedScorer back = ServedScorer.fromBytes(s.toBytes());
        float[] a = new float[s.itemCount()];
        float[] b = new float[s.itemCount()];
        float[] friends = new float[s.itemCount()];
        s.score(train.row(3), friends, a);
        back.score(train.row(3), friends, b);
        assertArrayEquals(a, b, 1e-5f);
        assertEquals(s.describe(), back.describe());
    }
}
