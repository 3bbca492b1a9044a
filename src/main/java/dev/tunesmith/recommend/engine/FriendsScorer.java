package dev.tunesmith.recommend.engine;

import dev.tunesmith.recommend.data.Interactions;
import dev.tunesmith.recommend.data.UserVector;
import dev.tunesmith.recommend.model.ItemScorer;

/**
 * What a user's friends play: s_i = mean over friends f of log(1 + r_fi) / ‖log(1 + r_f)‖, read
 * from the training matrix for a training user ({@link UserVector#self()}); a folded-in user with
 * no friends' vector gets zeros. {@link ServedScorer} can pass an explicit friends' vector instead.
 *
 * @param data training interactions
 * @param friends per training user, the training users who are their friends
 */
public record FriendsScorer(Interactions data, int[][] friends) implements ItemScorer {
    @Override
    public String name() {
        return "friends";
    }

    @Override
    public int itemCount() {
        return data.items();
    }

    @Override
    public void score(UserVector user, float[] out) {
        java.util.Arrays.fill(out, 0, data.items(), 0f);
        int u = user.self();
        if (u < 0 || u >= friends.length) {
            return;
        }
        for (int f : friends[u]) {
            double norm = 0;
            for (int e = data.rowStart(f); e < data.rowStart(f + 1); e++) {
                double l = Math.log1p(data.valueAt(e));
                norm += l * l;
            }
            if (norm <= 0) {
                continue;
            }
            float inv = (float) (1 / Math.sqrt(norm) / friends[u].length);
            for (int e = data.rowStart(f); e < data.rowStart(f + 1); e++) {
                out[data.colAt(e)] += inv * (float) Math.log1p(data.valueAt(e));
            }
        }
    }
}
