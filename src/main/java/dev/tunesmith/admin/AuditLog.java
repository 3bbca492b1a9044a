package dev.tunesmith.admin;

import dev.tunesmith.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** Appends to {@code audit_log}: who did what to which target, with details. */
public final class AuditLog {

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> record(Principal actor, String action, String target, JsonObject details) {
        return pool.preparedQuery("INSERT INTO audit_log (actor_id, actor_name, action, target, details) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(), action, target,
                        details == null ? new JsonObject() : details))
                .mapEmpty();
    }
}
