package dev.tunesmith.platform.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Classifies PostgreSQL failures so callers can answer 409, 503 or 500 rather than leak them. */
public final class DbErrors {

    private DbErrors() {}

    /** True when the database could not be reached or did not answer in time (answer 503). */
    public static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof ClosedConnectionException || c instanceof TimeoutException) {
                return true;
            }
            if (c instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (c instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57"))) {
                return true; // connection exception, operator intervention (shutdown, statement timeout)
            }
            String message = c.getMessage();
            if (message != null && (message.contains("Timeout waiting for connection")
                    || message.contains("max wait queue size") || message.contains("Connection refused")
                    || message.contains("Pool closed"))) {
                return true;
            }
        }
        return false;
    }

    /** True for a unique-constraint violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable t) {
        return t instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** True for a foreign-key violation (SQLSTATE 23503), e.g. an event for a track that does not exist. */
    public static boolean isForeignKeyViolation(Throwable t) {
        return t instanceof PgException pg && "23503".equals(pg.getSqlState());
    }
}
