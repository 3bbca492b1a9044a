package dev.tunesmith.jobs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The shared work queue in PostgreSQL ({@code work_queue}, migration V30). Every node's workers take
 * items with {@code SELECT … FOR UPDATE SKIP LOCKED} (no two nodes get the same item, nobody waits on
 * another's row lock) and hold a lease they renew while the work runs. An item whose lease ran out (its
 * node died or lost the database) is taken again by any node, up to {@code max_attempts}.
 */
public final class WorkQueue {

    /** A leased item. */
    public record Item(long id, long jobId, String kind, int attempts, JsonObject params, String log) {}

    private final Pool pool;
    private final String node;
    private final Duration lease;

    public WorkQueue(Pool pool, String node, Duration lease) {
        this.pool = pool;
        this.node = node;
        this.lease = lease;
    }

    public Duration lease() {
        return lease;
    }

    /** Enqueues the work of job {@code jobId} inside the caller's transaction. */
    Future<Long> enqueue(SqlConnection tx, long jobId, String kind, int maxAttempts) {
        return tx.preparedQuery("INSERT INTO work_queue (job_id, kind, max_attempts) VALUES ($1, $2, $3) RETURNING id")
                .execute(Tuple.of(jobId, kind, maxAttempts)).map(rows -> rows.iterator().next().getLong("id"));
    }

    /**
     * Leases the oldest open item of one of {@code kinds}: ready, or leased by a node whose lease ran out.
     * Marks its job running on this node. Empty when there is nothing to do.
     */
    public Future<Optional<Item>> take(List<String> kinds) {
        if (kinds.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "UPDATE work_queue w SET state = 'leased', leased_by = $1, lease_until = now() + $2 * interval '1 millisecond', "
                                + "attempts = w.attempts + 1 WHERE w.id = (SELECT id FROM work_queue WHERE kind = ANY($3) "
                                + "AND (state = 'ready' OR (state = 'leased' AND lease_until < now())) AND attempts < max_attempts "
                                + "ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1) "
                                + "RETURNING w.id, w.job_id, w.kind, w.attempts, (SELECT j.params FROM jobs j WHERE j.id = w.job_id) AS params, "
                                + "(SELECT j.log FROM jobs j WHERE j.id = w.job_id) AS log")
                .execute(Tuple.of(node, lease.toMillis(), kinds.toArray(String[]::new))).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<Item>empty());
                    }
                    Row r = rows.iterator().next();
                    Object params = r.getValue("params");
                    Item item = new Item(r.getLong("id"), r.getLong("job_id"), r.getString("kind"), r.getInteger("attempts"),
                            params instanceof JsonObject o ? o : new JsonObject(), r.getString("log"));
                    return tx.preparedQuery("UPDATE jobs SET state = 'running', node = $2, attempts = $3, "
                                    + "started_at = coalesce(started_at, now()) WHERE id = $1")
                            .execute(Tuple.of(item.jobId(), node, item.attempts())).map(x -> Optional.of(item));
                }));
    }

    /** Renews this node's lease; false when the lease was lost (another node took the item over). */
    public Future<Boolean> renew(long itemId) {
        return pool.preparedQuery("UPDATE work_queue SET lease_until = now() + $3 * interval '1 millisecond' "
                        + "WHERE id = $1 AND leased_by = $2 AND state = 'leased'")
                .execute(Tuple.of(itemId, node, lease.toMillis())).map(rows -> rows.rowCount() == 1);
    }

    /** Marks an item done (or failed for good) if this node still holds it; false when it does not. */
    public Future<Boolean> finish(long itemId, boolean succeeded, String error) {
        return pool.preparedQuery("UPDATE work_queue SET state = $3, last_error = $4, finished_at = now(), lease_until = NULL "
                        + "WHERE id = $1 AND leased_by = $2 AND state = 'leased'")
                .execute(Tuple.of(itemId, node, succeeded ? "done" : "failed", error)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Items whose lease ran out on their last allowed attempt can never be taken again: fail them and
     * their jobs. Returns how many were closed.
     */
    public Future<Integer> failExhausted() {
        return pool.query("WITH dead AS (UPDATE work_queue SET state = 'failed', finished_at = now(), "
                        + "last_error = 'lease expired on the last attempt (node ' || coalesce(leased_by, '?') || ')' "
                        + "WHERE state = 'leased' AND lease_until < now() AND attempts >= max_attempts RETURNING job_id, last_error) "
                        + "UPDATE jobs j SET state = 'failed', message = d.last_error, finished_at = now() FROM dead d "
                        + "WHERE j.id = d.job_id AND j.state IN ('queued', 'running')")
                .execute().map(rows -> rows.rowCount());
    }
}
