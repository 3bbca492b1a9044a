package dev.tunesmith.recommend.engine;

import dev.tunesmith.recommend.data.UserVector;
import dev.tunesmith.recommend.model.AlsModel;
import dev.tunesmith.recommend.model.AlsScorer;
import dev.tunesmith.recommend.model.ContentModel;
import dev.tunesmith.recommend.model.ContentScorer;
import dev.tunesmith.recommend.model.EaseModel;
import dev.tunesmith.recommend.model.EaseScorer;
import dev.tunesmith.recommend.model.ItemKnnModel;
import dev.tunesmith.recommend.model.ItemKnnScorer;
import dev.tunesmith.recommend.model.ItemScorer;
import dev.tunesmith.recommend.model.ModelIo;
import dev.tunesmith.recommend.model.PopularityModel;
import dev.tunesmith.recommend.model.PopularityScorer;
import dev.tunesmith.recommend.model.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The served recommender's scorer (built by {@link ServedTrainer}): s_i = Σ_c w_c·z_c(i), where z_c
 * is component c's score standardised over all items for this user. Immutable and thread-safe.
 * The {@code friends} component reads the friends' plays from the training matrix for a training
 * user, or from the vector the caller passes ({@link #score(UserVector, float[], float[])}).
 */
public final class ServedScorer implements ItemScorer {
    private static final String KIND = "served";
    private final List<String> names;
    private final List<ItemScorer> components;
    private final double[] weights;
    private final int items;

    /**
     * @param names component names, in order
     * @param components trained components (null where the weight is 0, or for an untrained friends component)
     * @param weights blend weight per component
     * @param items number of items
     */
    public ServedScorer(List<String> names, List<ItemScorer> components, double[] weights, int items) {
        this.names = List.copyOf(names);
        this.components = new ArrayList<>(components);
        this.weights = weights.clone();
        this.items = items;
    }

    @Override
    public String name() {
        return "served";
    }

    @Override
    public int itemCount() {
        return items;
    }

    /** Component names, in blend order. */
    public List<String> componentNames() {
        return names;
    }

    /** The learned blend weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** The trained ALS component (used for item–item similarity, whatever its blend weight). */
    public Optional<AlsModel> als() {
        for (ItemScorer s : components) {
            if (s instanceof AlsScorer a) {
                return Optional.of(a.model());
            }
        }
        return Optional.empty();
    }

    @Override
    public void score(UserVector user, float[] out) {
        score(user, null, out);
    }

    /**
     * Scores every item; {@code friends} (dense, one weight per item, or null) replaces the
     * friends component's own lookup, for users who are not rows of the training matrix.
     */
    public void score(UserVector user, float[] friends, float[] out) {
        Arrays.fill(out, 0, items, 0f);
        float[] tmp = new float[items];
        for (int c = 0; c < names.size(); c++) {
            if (weights[c] == 0) {
                continue;
            }
            ItemScorer s = components.get(c);
            if ("friends".equals(names.get(c)) && (friends != null || s == null)) {
                if (friends == null) {
                    continue;
                }
                System.arraycopy(friends, 0, tmp, 0, items);
            } else if (s == null) {
                continue;
            } else {
                s.score(user, tmp);
            }
            Vectors.standardise(tmp, items);
            float w = (float) weights[c];
            for (int i = 0; i < items; i++) {
                out[i] += w * tmp[i];
            }
        }
    }

    /** Human-readable blend, e.g. {@code ease=1.0 als=2.0 ...}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            sb.append(c == 0 ? "" : " ").append(names.get(c)).append('=').append(weights[c]);
        }
        return sb.toString();
    }

    /** Serialises the blend and every trained component (the friends' data is not stored). */
    public byte[] toBytes() {
        return ModelIo.toBytes(KIND, 1, out -> {
            out.writeInt(items);
            out.writeInt(names.size());
            for (int c = 0; c < names.size(); c++) {
                out.writeUTF(names.get(c));
                out.writeDouble(weights[c]);
                ItemScorer s = components.get(c);
                byte[] b = switch (s) {
                    case null -> new byte[0];
                    case EaseScorer e -> e.model().toBytes();
                    case AlsScorer a -> a.model().toBytes();
                    case ItemKnnScorer k -> k.model().toBytes();
                    case ContentScorer k -> k.model().toBytes();
                    case PopularityScorer p -> p.model().toBytes();
                    default -> new byte[0];
                };
                out.writeInt(b.length);
                out.write(b);
            }
        });
    }

    /** Reads a scorer written by {@link #toBytes()}. */
    public static ServedScorer fromBytes(byte[] bytes) {
        return ModelIo.fromBytes(bytes, KIND, 1, in -> {
            int items = in.readInt();
            int n = in.readInt();
            List<String> names = new ArrayList<>();
            List<ItemScorer> comps = new ArrayList<>();
            double[] w = new double[n];
            for (int c = 0; c < n; c++) {
                String name = in.readUTF();
                w[c] = in.readDouble();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                names.add(name);
                comps.add(b.length == 0 ? null : switch (name) {
                    case "ease" -> new EaseScorer(EaseModel.fromBytes(b));
                    case "als" -> new AlsScorer(AlsModel.fromBytes(b));
                    case "rp3beta", "itemknn" -> new ItemKnnScorer(ItemKnnModel.fromBytes(b), name);
                    case "content-cos" -> new ContentScorer(ContentModel.fromBytes(b), ContentScorer.Similarity.COSINE);
                    case "pop" -> new PopularityScorer(PopularityModel.fromBytes(b));
                    default -> throw new IllegalArgumentException("unknown served component " + name);
                });
            }
            return new ServedScorer(names, comps, w, items);
        });
    }
}
