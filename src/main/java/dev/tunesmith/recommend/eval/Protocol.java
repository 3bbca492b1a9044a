package dev.tunesmith.recommend.eval;

import dev.tunesmith.recommend.data.HetRecData;
import dev.tunesmith.recommend.engine.ServedConfig;
import dev.tunesmith.recommend.engine.ServedTrainer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The documented offline protocol's defaults: its seed and the baseline scorers it compares. */
public final class Protocol {
    /** Default seed of every split and model. */
    public static final long SEED = 20110101L;

    private Protocol() {}

    /**
     * The scorers evaluated by default, with the hyper-parameters used for HetRec (chosen on fold 0
     * of the protocol during development; each can be overridden, e.g. {@code --als-lambda 50}).
     */
    public static List<ScorerTrainer> defaultTrainers(HetRecData d, long seed, Map<String, String> o) {
        List<ScorerTrainer> t = new ArrayList<>();
        t.add(new PopularityTrainer());
        t.add(new ContentTrainer(d::contentVisibleTo, ContentScorer.Similarity.COSINE));
        t.add(new ContentTrainer(d::contentVisibleTo, ContentScorer.Similarity.PEARSON));
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

    /**
     * The served recommender's trainer on HetRec: artists as items, their tags (with assignment
     * counts, without those on the pairs the training data hides) as content, the friends graph as
     * the friends component.
     */
    public static ServedTrainer served(HetRecData d, ServedConfig config) {
        return new ServedTrainer(config, d::contentVisibleTo, d.friends());
    }

    private static int num(Map<String, String> o, String key, int dflt) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key)) : dflt;
    }

    private static double num(Map<String, String> o, String key, double dflt) {
        return o.containsKey(key) ? Double.parseDouble(o.get(key)) : dflt;
    }
}
