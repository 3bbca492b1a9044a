package dev.tunesmith.chat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * A per-user token bucket that holds across the nodes of a cluster: its state is one row of
 * {@code rate_buckets} (an unlogged table, migration V30) per (scope, user), refilled by elapsed time and
 * taken from with one atomic upsert, so the same user on two nodes shares one budget. Used only when
 * the node is clustered; a node alone keeps its in-memory bucket only (no database round trip).
 */
public final class SharedRateLimit {

    private final Pool pool;
    private final String scope;
    private final double capacity;
    private final double refillPerSecond;

    public SharedRateLimit(Pool pool, String scope, double capacity, double refillPerSecond) {
        this.pool = pool;
        this.scope = scope;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    /** Takes one token; true when the user is within the limit. */
    public Future<Boolean> take(long userId) {
        return pool.preparedQuery("INSERT INTO rate_buckets AS b (scope, user_id, tokens, updated_at) VALUES ($1, $2, $3::real - 1, now()) "
                        + "ON CONFLICT (scope, user_id) DO UPDATE SET tokens = greatest(-1, least($3::real, b.tokens "
                        + "+ extract(epoch FROM now() - b.updated_at)::real * $4::real) - 1), updated_at = now() RETURNING tokens")
                .execute(Tuple.of(scope, userId, (float) capacity, (float) refillPerSecond))
                .map(rows -> ((Number) rows.iterator().next().getValue("tokens")).doubleValue() >= 0);
    }
}
