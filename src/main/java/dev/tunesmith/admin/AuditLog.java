package dev.tunesmith.admin;

import dev.tunesmith.auth.Principal;
import dev.tunesmith.platform.db.Change;
import dev.tunesmith.platform.db.Like;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * All SQL of {@code audit_log}: who did what to which target, with details. A change and its entry are
 * written together: {@link #commit} runs a feature's {@link Change} and the entry in one transaction,
 * so both are committed or neither is.
 */
public final class AuditLog {

    /** One entry as the audit page lists it. */
    public record Entry(long id, String actorName, String action, String target, JsonObject details, OffsetDateTime at) {}

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    /** Records on its own (for entries that do not accompany a change, such as an export). */
    public Future<Void> record(Principal actor, String action, String target, JsonObject details) {
        return record(pool, actor, action, target, details);
    }

    /**
     * Runs {@code change} in a transaction and, when it yields a value (the target exists), writes the
     * entry with {@code details} of that value through the same connection: the change and its entry
     * commit together or not at all. An empty result writes no entry (nothing was changed).
     */
    public <T> Future<Optional<T>> commit(Principal actor, String action, String target, Change<Optional<T>> change,
            Function<T, JsonObject> details) {
        return pool.withTransaction(c -> change.run(c).compose(result -> result.isEmpty() ? Future.succeededFuture(result)
                : record(c, actor, action, target, details.apply(result.get())).map(v -> result)));
    }

    /**
     * The newest entries, at most {@code limit}; {@code actor} (an exact name) and {@code actionPrefix}
     * (a literal prefix: {@code %} and {@code _} match themselves) filter when not null.
     */
    public Future<List<Entry>> list(String actor, String actionPrefix, int limit) {
        return pool.preparedQuery("SELECT id, actor_name, action, target, details, at FROM audit_log "
                        + "WHERE ($1::text IS NULL OR actor_name = $1) AND ($2::text IS NULL OR action LIKE $2 ESCAPE '\\') ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(actor, actionPrefix == null ? null : Like.prefix(actionPrefix), limit)).map(rows -> {
                    List<Entry> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Entry(r.getLong("id"), r.getString("actor_name"), r.getString("action"), r.getString("target"),
                                r.getJsonObject("details"), r.getOffsetDateTime("at")));
                    }
                    return out;
                });
    }

    private static Future<Void> record(SqlClient client, Principal actor, String action, String target, JsonObject details) {
        return client.preparedQuery("INSERT INTO audit_log (actor_id, actor_name, action, target, details) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(actor == null ? null : actor.userId(), actor == null ? "system" : actor.username(), action, target,
                        details == null ? new JsonObject() : details))
                .mapEmpty();
    }
}
