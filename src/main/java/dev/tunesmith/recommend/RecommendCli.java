package dev.tunesmith.recommend;

import dev.tunesmith.recommend.bench.AlsBench;
import dev.tunesmith.recommend.bench.RankBench;
import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.eval.EvalResult;
import dev.tunesmith.recommend.eval.Evaluator;
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
    public static final long SEED = 20110101L;

    private RecommendCli() {}

    /**
     * {@code eval --data DIR [--folds 5] [--seed N] [--scorers a,b] [--no-hybrid] [--json FILE]}:
     * runs the protocol of {@link Evaluator} on HetRec Last.fm 2K ({@code --folds} is how many of the
     * five 20 % folds to evaluate; {@code --split-folds 10} switches to a 10 % holdout for comparison
     * with 10-fold figures, not the documented protocol). Scorers: pop, content-cos, content-pearson, userknn, itemknn,
     * rp3beta, als, biasedmf, ease, and the hybrid over all selected ones. Hyper-parameters can be
     * overridden, e.g. {@code --als-lambda 1.25 --als-alpha 2 --als-factors 64 --als-cg 3
     * --als-plain-lambda --ease-lambda 75 --userknn-k 50 --rp3-beta 0.25}.
     */
    public static int eval(List<String> args) {
        Map<String, String> o = options(args);
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
            List<ScorerTrainer> all = defaultTrainers(d, seed, o);
            List<ScorerTrainer> trainers = all;
            if (o.containsKey("scorers")) {
                List<String> names = Arrays.asList(o.get("scorers").split(","));
                trainers = all.stream().filter(t -> names.contains(t.name())).toList();
            }
            List<String> hybrid = o.containsKey("no-hybrid") ? List.of()
                    : trainers.stream().map(ScorerTrainer::name).toList();
            List<EvalResult> r = new Evaluator(split, folds, seed, System.out).run(d.plays(), trainers, hybrid);
            System.out.println();
            System.out.print(Evaluator.table(r));
            String json = Evaluator.json(r);
            System.out.println(json);
            if (o.containsKey("json")) {
                Files.writeString(Path.of(o.get("json")), json);
            }
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    /**
     * The scorers evaluated by default, with the hyper-parameters used for HetRec (chosen on fold 0
     * of the protocol during development; each can be overridden, e.g. {@code --als-lambda 50}).
     */
    public static List<ScorerTrainer> defaultTrainers(HetRecData d, long seed, Map<String, String> o) {
        List<ScorerTrainer> t = new ArrayList<>();
        t.add(new PopularityTrainer());
        t.add(new ContentTrainer(d.tagNames().length, d.itemTags(), d.itemTagCounts(), ContentScorer.Similarity.COSINE));
        t.add(new ContentTrainer(d.tagNames().length, d.itemTags(), d.itemTagCounts(), ContentScorer.Similarity.PEARSON));
        t.add(new UserKnnTrainer(num(o, "userknn-k", 50)));
        t.add(new ItemKnnTrainer(num(o, "itemknn-k", 100), (float) num(o, "itemknn-shrink", 10.0)));
        t.add(new Rp3BetaTrainer(num(o, "rp3-k", 100), num(o, "rp3-alpha", 1.0), num(o, "rp3-beta", 0.25)));
        t.add(new AlsTrainer(num(o, "als-factors", 64), num(o, "als-lambda", 1.25), num(o, "als-alpha", 2.0),
                num(o, "als-iterations", 15), seed, num(o, "als-cg", 3), !o.containsKey("als-plain-lambda")));
        t.add(new BiasedMfTrainer(num(o, "mf-factors", 64), num(o, "mf-epochs", 40), (float) num(o, "mf-lr", 0.05),
                (float) num(o, "mf-reg", 0.02), 3, seed));
        t.add(new EaseTrainer(num(o, "ease-lambda", 75.0), num(o, "ease-support", 3)));
        return t;
    }

    /** {@code bench als [--data DIR] [--factors 64] [--iterations 15] [--spark]}. */
    public static int benchAls(List<String> args) {
        return AlsBench.run(options(args));
    }

    /** {@code bench rank [--items 100000] [--factors 64] [--queries 2000]}. */
    public static int benchRank(List<String> args) {
        return RankBench.run(options(args));
    }

    private static int num(Map<String, String> o, String key, int dflt) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key)) : dflt;
    }

    private static double num(Map<String, String> o, String key, double dflt) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : dflt;
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> o = new HashMap<>();
        for (int j = 0; j < args.size(); j++) {
            String a = args.get(j);
            if (a.startsWith("--")) {
                String key = a.substring(2);
                if (j + 1 < args.size() && !args.get(j + 1).startsWith("--")) {
                    o.put(key, args.get(++j));
                } else {
                    o.put(key, "true");
                }
            }
        }
        return o;
    }

    /** Runs {@code eval}, {@code bench als} or {@code bench rank} from a plain {@code main}. */
    public static void main(String[] argv) {
        List<String> a = List.of(argv);
        int rc;
        if (a.isEmpty()) {
            rc = 2;
        } else if (a.get(0).equals("eval")) {
            rc = eval(a.subList(1, a.size()));
        } else if (a.size() > 1 && a.get(0).equals("bench") && a.get(1).equals("als")) {
            rc = benchAls(a.subList(2, a.size()));
        } else if (a.size() > 1 && a.get(0).equals("bench") && a.get(1).equals("rank")) {
            rc = benchRank(a.subList(2, a.size()));
        } else {
            rc = 2;
        }
        System.exit(rc);
    }
}
