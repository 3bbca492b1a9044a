package dev.tunesmith.platform.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Classifies PostgreSQL failures so callers can answer 409, 503 or 500 rather than leak them. */
public final class DbErrors {

    private DbErrors() {}

    /**
     * True when the database could not be reached, went away mid-request or did not answer in time
     * (answer 503 {@code db_unavailable}): refused or reset connections, a connection closed under a
     * running query (a PostgreSQL restart), pool exhaustion, timeouts, and the server's own
     * connection/shutdown/resource SQLSTATEs (classes 08, 57, 53).
     */
    public static boolean isUnavailable(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 16; c = c.getCause(), depth++) {
            if (c instanceof ConnectException || c instanceof ClosedConnectionException || c instanceof TimeoutException
                    || c instanceof java.net.SocketException || c instanceof java.nio.channels.ClosedChannelException
                    || c instanceof java.net.SocketTimeoutException || c instanceof java.net.UnknownHostException) {
                return true;
            }
            if (c instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (c instanceof PgException pg) {
                String state = pg.getSqlState();
                // connection exception, operator intervention (shutdown, statement timeout), insufficient resources
                return state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53"));
            }
            String message = c.getMessage();
            if (message != null && UNAVAILABLE_MESSAGES.matcher(message).find()) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern UNAVAILABLE_MESSAGES = java.util.regex.Pattern.compile(
            "(?i)timeout waiting for connection|connection is not active|max wait queue size|connection refused|pool closed|connection reset|"
                    + "broken pipe|connection (was |is )?closed|closed connection|connection not open|not connected|"
                    + "underlying connection may have been lost|the database system is (starting up|shutting down|in recovery)|"
                    + "terminating connection|connection timed out|no route to host|failed to read any response");

    /** True for a unique-constraint violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable t) {
        return t instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** True for a foreign-key violation (SQLSTATE 23503), e.g. an event for a track that does not exist. */
    public static boolean isForeignKeyViolation(Throwable t) {
        return t instanceof PgException pg && "23503".equals(pg.getSqlState());
    }
}
