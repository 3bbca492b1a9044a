package dev.tunesmith.recommend.engine;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.ItemContent;
import dev.tunesmith.recommend.data.TagRows;
import dev.tunesmith.recommend.model.AlsTrainer;
import dev.tunesmith.recommend.model.ContentScorer;
import dev.tunesmith.recommend.model.ContentTrainer;
import dev.tunesmith.recommend.model.EaseTrainer;
import dev.tunesmith.recommend.model.HybridTrainer;
import dev.tunesmith.recommend.model.ItemKnnTrainer;
import dev.tunesmith.recommend.model.ItemScorer;
import dev.tunesmith.recommend.model.PopularityTrainer;
import dev.tunesmith.recommend.model.Rp3BetaTrainer;
import dev.tunesmith.recommend.model.ScorerTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Trains the served recommender, the one {@code ./tunesmith run} serves and {@code ./tunesmith eval}
 * measures as the row {@code served}: EASE, implicit ALS, RP3β and item-KNN on the interactions
 * (EASE, and ALS when configured, also on one row per tag: {@link TagRows}), TF-IDF tag content,
 * the friends' plays and popularity, blended linearly over per-user standardised scores. The blend
 * weights are learned by {@link HybridTrainer#fitWeights} on an inner validation split of the data
 * it is given (in the evaluation: of the training folds only, never the test fold), then every
 * component is retrained on all of it.
 */
public final class ServedTrainer implements ScorerTrainer {
    private final ServedConfig config;
    private final Function<Interactions, ItemContent> content;
    private final int[][] friends;

    /**
     * @param config hyper-parameters
     * @param content the items' tags, or null for none
     * @param friends per training user (row of the interactions it is trained on), their friends' rows; null for none
     */
    public ServedTrainer(ServedConfig config, ItemContent content, int[][] friends) {
        this(config, content == null ? null : train -> content, friends);
    }

    /**
     * @param config hyper-parameters
     * @param content the items' tags as a model trained on the given interactions may see them (the
     *     evaluation hides a held-out pair's tags), or null for none
     * @param friends per training user (row of the interactions it is trained on), their friends' rows; null for none
     */
    public ServedTrainer(ServedConfig config, Function<Interactions, ItemContent> content, int[][] friends) {
        this.config = config;
        this.content = content;
        this.friends = friends;
    }

    @Override
    public String name() {
        return "served";
    }

    /** The component trainers, in blend order. */
    public List<ScorerTrainer> components(Interactions data) {
        ServedConfig c = config;
        List<ScorerTrainer> t = new ArrayList<>();
        int support = easeSupport(data);
        t.add(withTags(new EaseTrainer(c.easeLambda(), support, c.easeWeighted()), c.easeWeighted() ? c.easeTagWeight() : 0,
                support));
        t.add(withTags(new AlsTrainer(c.alsFactors(), c.alsLambda(), c.alsAlpha(), c.alsIterations(), c.seed(), c.alsCgSteps(),
                true), c.alsTagWeight(), 0));
        t.add(new Rp3BetaTrainer(c.rp3K(), c.rp3Alpha(), c.rp3Beta()));
        t.add(new ItemKnnTrainer(c.itemKnnK(), (float) c.itemKnnShrink()));
        if (c.content() && content != null) {
            t.add(new ContentTrainer(content, ContentScorer.Similarity.COSINE));
        }
        if (c.friends() && friends != null) {
            int[][] fr = friends;
            t.add(new ScorerTrainer() {
                @Override
                public String name() {
                    return "friends";
                }

                @Override
                public ItemScorer train(Interactions d) {
                    return new FriendsScorer(d, fr);
                }
            });
        }
        if (c.popularity()) {
            t.add(new PopularityTrainer());
        }
        return t;
    }

    /**
     * {@code inner} trained on the interactions plus one row per tag ({@link TagRows}) when content is
     * on and {@code weight} is positive; otherwise {@code inner} itself.
     */
    private ScorerTrainer withTags(ScorerTrainer inner, double weight, int minSupport) {
        if (weight <= 0 || !config.content() || content == null) {
            return inner;
        }
        Function<Interactions, ItemContent> tags = content;
        return new ScorerTrainer() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public ItemScorer train(Interactions d) {
                return inner.train(TagRows.append(d, tags.apply(d), weight, minSupport));
            }
        };
    }

    /** The minimum support that keeps at most {@link ServedConfig#easeMaxItems()} items in EASE. */
    int easeSupport(Interactions data) {
        int[] counts = new int[data.items()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = data.itemCount(i);
        }
        Arrays.sort(counts);
        int support = config.easeMinSupport();
        if (counts.length > config.easeMaxItems()) {
            support = Math.max(support, counts[counts.length - config.easeMaxItems()] + 1);
        }
        return support;
    }

    @Override
    public ServedScorer train(Interactions data) {
        List<ScorerTrainer> comps = components(data);
        double[] w = new HybridTrainer(comps, config.seed(), HybridTrainer.FINE_GRID, 4).fitWeights(data);
        List<String> names = new ArrayList<>();
        List<ItemScorer> scorers = new ArrayList<>();
        for (int c = 0; c < comps.size(); c++) {
            names.add(comps.get(c).name());
            // a component with weight 0 is not needed at serving time, except ALS, whose item factors also
            // give the engine its item–item similarity
            String name = comps.get(c).name();
            scorers.add(w[c] == 0 && !"friends".equals(name) && !"als".equals(name) ? null : comps.get(c).train(data));
        }
        return new ServedScorer(names, scorers, w, data.items());
    }
}
