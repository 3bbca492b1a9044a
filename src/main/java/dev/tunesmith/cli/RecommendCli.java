package dev.tunesmith.cli;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.eval.EvalResult;
import dev.tunesmith.recommend.eval.Evaluator;
import dev.tunesmith.recommend.eval.Protocol;
import dev.tunesmith.recommend.model.AlsTrainer;
import dev.tunesmith.recommend.model.BiasedMfTrainer;
import dev.tunesmith.recommend.model.ContentScorer;
import dev.tunesmith.recommend.model.ContentTrainer;
import dev.tunesmith.recommend.model.EaseTrainer;
import dev.tunesmith.recommend.model.ItemKnnTrainer;
import dev.tunesmith.recommend.model.PopularityTrainer;
import dev.tunesmith.recommend.model.Rp3BetaTrainer;
import dev.tunesmith.recommend.model.ScorerTrainer;
import dev.tunesmith.recommend.model.UserKnnTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry points of the recommendation core, called from {@code Main}:
 * {@code eval}, {@code bench als} and {@code bench rank}. Each returns a process exit code and
 * prints a table followed by one line of JSON.
 */
public final class RecommendCli {
    /** Default seed of every split and model. */
    public static final long SEED = Protocol.SEED;

    private RecommendCli() {}

    /** The options of {@code ./tunesmith eval}. */
    static final Args.Spec SPEC = Args.command("eval", "offline evaluation protocol on HetRec Last.fm 2K (table + JSON)")
            .option("data", "DIR", "HetRec Last.fm 2K folder (default ../shared/data/lastfm-hetrec2k)")
            .option("folds", "N", "how many of the folds to evaluate (default all)")
            .option("split-folds", "N", "number of folds of the split (default 5: 20 % holdout)")
            .option("seed", "N", "seed of the split and the models (default 20110101)")
            .option("scorers", "A,B", "scorers to evaluate, e.g. pop,als,ease")
            .flag("no-hybrid", "do not evaluate the lab hybrid")
            .option("json", "FILE", "also write the JSON result to FILE")
            .values("userknn-k", "itemknn-k", "itemknn-shrink", "rp3-k", "rp3-alpha", "rp3-beta", "als-factors", "als-lambda",
                    "als-alpha", "als-iterations", "als-cg", "mf-factors", "mf-epochs", "mf-lr", "mf-reg", "ease-lambda", "ease-support")
            .flag("als-plain-lambda", "ALS without frequency-weighted regularisation");

    /**
     * {@code eval --data DIR [--folds 5] [--seed N] [--scorers a,b] [--no-hybrid] [--json FILE]}:
     * runs the protocol of {@link Evaluator} on HetRec Last.fm 2K ({@code --folds} is how many of the
     * five 20 % folds to evaluate; {@code --split-folds 10} switches to a 10 % holdout for comparison
     * with 10-fold figures, not the documented protocol). Scorers: pop, content-cos, content-pearson, userknn, itemknn,
     * rp3beta, als, biasedmf, ease, served (the recommender {@code ./tunesmith run} serves, trained by
     * {@code ServedTrainer} with the {@code recommender} config section) and the lab hybrid over all
     * selected baselines. Hyper-parameters can be
     * overridden, e.g. {@code --als-lambda 1.25 --als-alpha 2 --als-factors 64 --als-cg 3
     * --als-plain-lambda --ease-lambda 75 --userknn-k 50 --rp3-beta 0.25}.
     */
    public static int eval(List<String> args) {
        return eval(args, ServedConfig.DEFAULTS);
    }

    /** {@link #eval(List)} with the served recommender's settings from the config. */
    public static int eval(List<String> args, ServedConfig served) {
        Args a = SPEC.parse(args);
        Map<String, String> o = a.asMap();
        Path dir = Path.of(o.getOrDefault("data", "../shared/data/lastfm-hetrec2k"));
        if (!Files.isDirectory(dir)) {
            System.err.println("eval: data folder not found: " + dir.toAbsolutePath());
            return 2;
        }
        try {
            long seed = Long.parseLong(o.getOrDefault("seed", Long.toString(SEED)));
            int split = Integer.parseInt(o.getOrDefault("split-folds", "5"));
            int folds = Integer.parseInt(o.getOrDefault("folds", Integer.toString(split)));
            HetRecData d = HetRecData.load(dir);
            System.out.printf("HetRec Last.fm 2K: %d users, %d artists, %d plays; %d-fold per-user %d%% holdout,"
                    + " seed %d, folds evaluated %d%n", d.users().size(), d.items().size(), d.plays().nnz(), split,
                    100 / split, seed, folds);
            List<ScorerTrainer> all = new ArrayList<>(Protocol.defaultTrainers(d, seed, o));
            all.add(Protocol.served(d, served));
            List<ScorerTrainer> trainers = all;
            if (o.containsKey("scorers")) {
                List<String> names = Arrays.asList(o.get("scorers").split(","));
                trainers = all.stream().filter(t -> names.contains(t.name())).toList();
            }
            List<String> hybrid = o.containsKey("no-hybrid") ? List.of()
                    : trainers.stream().map(ScorerTrainer::name).filter(n -> !n.equals("served")).toList();
            List<EvalResult> r = new Evaluator(split, folds, seed, System.out).run(d.plays(), trainers, hybrid);
            System.out.println();
            System.out.print(Evaluator.table(r));
            String json = Evaluator.json(r);
            System.out.println(json);
            if (o.containsKey("json")) {
                Files.writeString(Path.of(o.get("json")), json);
            }
            return 0;
        } catch (UsageException | Args.HelpRequested e) {
            throw e;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }
}
