package dev.tunesmith.platform.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/**
 * SQL work that runs on the client it is given, so that the caller decides the transaction: a
 * repository returns a {@code Change} for a write, and the caller runs it together with other work
 * (for example its audit entry, {@code admin.AuditLog#commit}) so that both commit or neither does.
 * Callers that only pass a change along never touch the SQL client themselves.
 */
@FunctionalInterface
public interface Change<T> {

    /** Runs the statements through {@code client} (a pool, or the connection of a transaction). */
    Future<T> run(SqlClient client);
}
