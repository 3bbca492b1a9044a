package dev.tunesmith.recommend.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.model.ItemKnnTrainer;
import dev.tunesmith.recommend.model.PopularityTrainer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EvalSmokeTest {
    @Test
    void should_beat_popularity_with_item_knn_on_hetrec() throws Exception {
        // given
        Path dir = Path.of(System.getProperty("tunesmith.shared.data", "../shared/data"), "lastfm-hetrec2k");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("user_artists.dat")),
                "HetRec Last.fm 2K not found at " + dir.toAbsolutePath() + "; skipping the eval smoke test");
        HetRecData d = HetRecData.load(dir);
        assertEquals(1892, d.users().size());
        assertEquals(17632, d.items().size());
        assertEquals(92834, d.plays().nnz());

        // when: one fold of the protocol
        List<EvalResult> r = new Evaluator(5, 1, 20110101L, new PrintStream(PrintStream.nullOutputStream()))
                .run(d.plays(), List.of(new PopularityTrainer(), new ItemKnnTrainer(100, 10f)), List.of("pop", "itemknn"));

        // then
        EvalResult pop = r.get(0);
        EvalResult knn = r.get(1);
        EvalResult hybrid = r.get(2);
        assertTrue(pop.ndcg10() > 0.03 && pop.ndcg10() < 0.2, "pop " + pop);
        assertTrue(knn.ndcg10() > pop.ndcg10() + 0.05, "itemknn " + knn);
        assertTrue(hybrid.ndcg10() >= knn.ndcg10() - 0.01, "hybrid " + hybrid);
        assertTrue(Evaluator.json(r).startsWith("[{\"scorer\":\"pop\""));
    }
}
