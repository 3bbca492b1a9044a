package dev.tunesmith.admin;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

/**
 * Read-only aggregates across features for the dashboard; everything the admin routes change goes
 * through the owning feature's repository.
 */
public final class AdminQueries {

    /** The overview's database counts: local users, visible tracks, recorded events. */
    public record Counts(long users, long tracks, long events) {}

    private final Pool pool;

    public AdminQueries(Pool pool) {
        this.pool = pool;
    }

    public Future<Counts> counts() {
        return pool.query("SELECT (SELECT count(*) FROM users WHERE source = 'local') AS users, "
                        + "(SELECT count(*) FROM tracks WHERE NOT hidden) AS tracks, (SELECT count(*) FROM events) AS events")
                .execute().map(rows -> {
                    Row r = rows.iterator().next();
                    return new Counts(r.getLong("users"), r.getLong("tracks"), r.getLong("events"));
                });
    }
}
