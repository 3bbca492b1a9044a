package dev.tunesmith.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** All SQL of {@code eval_runs}: the evaluation job stores its results, the dashboard charts them. */
public final class EvalRunStore {

    /** One evaluation: the protocol in words and the results ({@code folds}, {@code scorers}). */
    public record EvalRun(long id, String protocol, JsonObject results, OffsetDateTime createdAt) {}

    private final Pool pool;

    public EvalRunStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> save(String protocol, JsonObject results) {
        return pool.preparedQuery("INSERT INTO eval_runs (protocol, results) VALUES ($1, $2)").execute(Tuple.of(protocol, results)).mapEmpty();
    }

    /** The newest runs first, at most {@code limit}. */
    public Future<List<EvalRun>> recent(int limit) {
        return pool.preparedQuery("SELECT id, protocol, results, created_at FROM eval_runs ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<EvalRun> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new EvalRun(r.getLong("id"), r.getString("protocol"), r.getJsonObject("results"), r.getOffsetDateTime("created_at")));
                    }
                    return out;
                });
    }
}
