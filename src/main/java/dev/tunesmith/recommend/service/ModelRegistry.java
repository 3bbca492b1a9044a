package dev.tunesmith.recommend.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code models} table as the dashboard and the training jobs see it: the list of stored versions,
 * one version by id, and the record of a trained melody or lyrics model. The recommender's own
 * load/store/activate statements are still in {@link RecommenderService}.
 */
public final class ModelRegistry {

    /**
     * A stored model version. {@code engine} is {@code "ejml"} or {@code "spark"} for recommender
     * versions and null for other kinds.
     */
    public record ModelInfo(long id, String kind, String version, boolean live, String engine, JsonObject metrics, Long jobId,
            OffsetDateTime createdAt) {}

    /** What identifies a version: its kind and version string. */
    public record ModelRef(long id, String kind, String version, boolean live) {

        public boolean recommender() {
            return "recommender".equals(kind);
        }
    }

    private final Pool pool;

    public ModelRegistry(Pool pool) {
        this.pool = pool;
    }

    /** The newest versions first, at most {@code limit}. */
    public Future<List<ModelInfo>> list(int limit) {
        return pool.preparedQuery("SELECT id, kind, version, live, CASE WHEN kind = 'recommender' THEN coalesce(metrics->>'engine', 'ejml') END AS engine, "
                + "metrics, job_id, created_at FROM models ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit)).map(rows -> {
                    List<ModelInfo> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new ModelInfo(r.getLong("id"), r.getString("kind"), r.getString("version"), r.getBoolean("live"),
                                r.getString("engine"), r.getJsonObject("metrics"), r.getLong("job_id"), r.getOffsetDateTime("created_at")));
                    }
                    return out;
                });
    }

    public Future<Optional<ModelRef>> find(long id) {
        return pool.preparedQuery("SELECT id, kind, version, live FROM models WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.<ModelRef>empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new ModelRef(r.getLong("id"), r.getString("kind"), r.getString("version"), r.getBoolean("live")));
                });
    }

    /** Records a trained model of another kind than the recommender (not live; its files live elsewhere). */
    public Future<Void> record(String kind, String version, JsonObject metrics, long jobId) {
        return pool.preparedQuery("INSERT INTO models (kind, version, live, metrics, job_id) VALUES ($1, $2, false, $3, $4)")
                .execute(Tuple.of(kind, version, metrics, jobId)).mapEmpty();
    }
}
