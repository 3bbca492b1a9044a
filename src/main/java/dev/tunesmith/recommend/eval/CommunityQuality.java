package dev.tunesmith.recommend.eval;

import dev.tunesmith.recommend.CatalogItem;
import dev.tunesmith.recommend.EngineTrainer;
import dev.tunesmith.recommend.ProfileBuilder;
import dev.tunesmith.recommend.UserEvent;
import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.engine.ServedTrainer;
import dev.tunesmith.recommend.model.PopularityTrainer;
import dev.tunesmith.recommend.model.ScorerTrainer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking quality of one training run, measured on the community's own events: the interaction
 * matrix the served blend is trained on (each user's positive profile weights, built by the same
 * {@link ProfileBuilder} and event weights as {@link EngineTrainer#train}), split per user into 5 seeded
 * folds, fold 0 (20 %) held out; the SAME {@link ServedTrainer} with the SAME {@code ServedConfig}
 * trains on the rest and {@link Evaluator} scores NDCG@10 and Recall@20 on the held-out items, with
 * popularity beside it as the floor. A community too small for a meaningful figure gets
 * {@code enough = false} and a reason in words instead of a number.
 */
public final class CommunityQuality {
    /** Listeners needed with at least {@link #MIN_ITEMS} liked or played tracks before a figure is computed. */
    public static final int MIN_USERS = 10;
    /** Tracks a listener needs in their profile to take part in the held-out split. */
    public static final int MIN_ITEMS = 5;

    /**
     * One measurement.
     *
     * @param enough whether a figure was computed
     * @param users listeners with any positive interaction
     * @param eligibleUsers listeners with at least {@link #MIN_ITEMS} tracks
     * @param evaluatedUsers listeners scored on held-out tracks (0 when not enough)
     * @param interactions user–track pairs in the matrix
     * @param ndcg10 the served blend's NDCG@10 (NaN when not enough)
     * @param recall20 the served blend's Recall@20 (NaN when not enough)
     * @param popularityNdcg10 popularity's NDCG@10 on the same split (NaN when not enough)
     * @param popularityRecall20 popularity's Recall@20 on the same split (NaN when not enough)
     * @param protocol the protocol in words
     * @param reason why there is no figure (null when there is one)
     */
    public record Result(boolean enough, int users, int eligibleUsers, int evaluatedUsers, int interactions, double ndcg10, double recall20,
            double popularityNdcg10, double popularityRecall20, String protocol, String reason) {}

    private CommunityQuality() {}

    /**
     * Measures the served trainer of {@code options} on the community's events.
     *
     * @param catalog all tracks (duplicate ids: first wins), as given to {@link EngineTrainer#train}
     * @param eventsByUser every user's events
     * @param friendsByUser user id → friend ids
     * @param now time the profiles are decayed to
     * @param options the served settings and event weights of the run being measured
     * @param seed split seed
     */
    public static Result measure(List<CatalogItem> catalog, Map<Long, List<UserEvent>> eventsByUser, Map<Long, List<Long>> friendsByUser,
            Instant now, EngineTrainer.Options options, long seed) {
        String protocol = "community events, per-user 5-fold split (seed " + seed + "), fold 0 held out (20 %), served blend vs popularity";
        EngineTrainer.TrainingData d = EngineTrainer.trainingData(catalog, eventsByUser, friendsByUser, now, options);
        int users = (int) Arrays.stream(d.itemsPerUser()).filter(c -> c > 0).count();
        int eligible = (int) Arrays.stream(d.itemsPerUser()).filter(c -> c >= MIN_ITEMS).count();
        int n = d.pairs();
        if (eligible < MIN_USERS) {
            return new Result(false, users, eligible, 0, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, protocol,
                    "not enough data: " + eligible + " listener" + (eligible == 1 ? "" : "s") + " with at least " + MIN_ITEMS
                            + " liked or played tracks, " + MIN_USERS + " needed for a held-out figure");
        }
        Interactions data = d.interactions();
        List<CatalogItem> items = d.items();
        int[][] friends = d.friends();
        ScorerTrainer served = new ServedTrainer(options.served(), EngineTrainer.content(items), friends);
        ScorerTrainer popularity = new PopularityTrainer();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, EvalResult> byName = new LinkedHashMap<>();
        for (EvalResult r : new Evaluator(5, 1, seed, quiet).run(data, List.of(served, popularity), null)) {
            byName.put(r.scorer(), r);
        }
        EvalResult s = byName.get(served.name());
        EvalResult pop = byName.get(popularity.name());
        int evaluated = (int) Math.round(s.users());
        if (evaluated < MIN_USERS || Double.isNaN(s.ndcg10())) {
            return new Result(false, users, eligible, evaluated, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, protocol,
                    "not enough data: only " + evaluated + " listener" + (evaluated == 1 ? "" : "s") + " had held-out tracks, "
                            + MIN_USERS + " needed");
        }
        return new Result(true, users, eligible, evaluated, n, s.ndcg10(), s.recall20(), pop.ndcg10(), pop.recall20(), protocol, null);
    }
}
