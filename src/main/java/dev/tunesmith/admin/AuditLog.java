package dev.tunesmith.admin;

import dev.tunesmith.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Appends to {@code audit_log}: who did what to which target, with details. A change and its entry are
 * written together: pass the transaction's connection to {@link #record(SqlClient, Principal, String, String, JsonObject)}
 * so both are committed or neither is.
 */
public final class AuditLog {

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    /** Records on its own (for entries that do not accompany a change, such as an export). */
    public Future<Void> record(Principal actor, String action, String target, JsonObject details) {
        return record(pool, actor, action, target, details);
    }

    /** Records through {@code client}, e.g. the connection of the transaction that makes the change. */
    public Future<Void> record(SqlClient client, Principal actor, String action, String target, JsonObject details) {
        return client.preparedQuery("INSERT INTO audit_log (actor_id, actor_name, action, target, details) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(), action, target,
                        details == null ? new JsonObject() : details))
                .mapEmpty();
    }
}
