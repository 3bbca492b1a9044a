package dev.tunesmith.recommend.data;

/**
 * Side information as extra rows of the interaction matrix (the collective EASE of Jeunen, Van Balen
 * and Goethals, "Closed-form models for collaborative filtering with side-information", RecSys 2020):
 * every tag becomes one more row, holding the items that carry it. A model trained on the result
 * learns from "these items share a tag" as it learns from "these items share a listener", so two
 * artists filed under the same rare tag move closer even where few listeners play both.
 *
 * <p>The trainers read a value v as the confidence log(1 + v) (weighted EASE, implicit ALS). A tag
 * entry's value is chosen to read as {@code weight}·μ·log₂(1 + count), where μ is the mean
 * log(1 + max(v, 0)) of the listeners' entries and count the number of assignments of that tag to
 * that item. So at weight 1 one assignment counts like an average listener's entry, whatever scale
 * the listeners' values have (HetRec play counts, the product's event weights). The users keep
 * their row indices; tag t is row {@code data.users() + t}.
 */
public final class TagRows {
    /** Largest exponent written, so that e^x stays a finite float. */
    private static final double MAX_LOG = 80;

    private TagRows() {}

    /**
     * @param data the users' interactions
     * @param content the items' tags
     * @param weight how much one tag assignment counts against an average listener's entry (0: no
     *     rows are added)
     * @param minSupport only items with at least this many listeners get tag entries (so a model that
     *     keeps items by support keeps the same items)
     * @return the interactions followed by one row per tag
     */
    public static Interactions append(Interactions data, ItemContent content, double weight, int minSupport) {
        if (weight <= 0 || content == null || data.nnz() == 0) {
            return data;
        }
        double mu = 0;
        for (int e = 0; e < data.nnz(); e++) {
            mu += Math.log1p(Math.max(0, data.valueAt(e)));
        }
        double scale = weight * mu / data.nnz() / Math.log(2);
        int n = data.nnz();
        int items = Math.min(content.tags().length, data.items());
        for (int i = 0; i < items; i++) {
            n += content.tags()[i].length;
        }
        int[] u = new int[n];
        int[] it = new int[n];
        float[] v = new float[n];
        int k = 0;
        for (int r = 0; r < data.users(); r++) {
            for (int e = data.rowStart(r); e < data.rowStart(r + 1); e++) {
                u[k] = r;
                it[k] = data.colAt(e);
                v[k++] = data.valueAt(e);
            }
        }
        for (int i = 0; i < items; i++) {
            if (data.itemCount(i) < minSupport) {
                continue;
            }
            int[] tags = content.tags()[i];
            for (int j = 0; j < tags.length; j++) {
                u[k] = data.users() + tags[j];
                it[k] = i;
                v[k++] = (float) Math.expm1(Math.min(MAX_LOG, scale * Math.log1p(content.counts()[i][j])));
            }
        }
        return Interactions.of(data.users() + content.dims(), data.items(), u, it, v, k);
    }
}
