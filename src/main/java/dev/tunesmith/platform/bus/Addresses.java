package dev.tunesmith.platform.bus;

/**
 * Event-bus addresses shared between features and adapters. Each is published by one owner and
 * may be consumed by anyone; payloads are small JSON objects described here.
 */
public final class Addresses {
    /** Published by the events feature for every stored event: {@code {"userId","trackId","type",...}}. */
    public static final String EVENT_RECORDED = "tunesmith.events.recorded";

    /** Published by admin when a user is disabled or demoted: {@code {"userId"}}; open sockets of that user close. */
    public static final String USER_DISABLED = "tunesmith.users.disabled";

    /** Published by auth on logout: {@code {"userId"}}; that user's tokens are revoked and open sockets close with 4401. */
    public static final String SESSIONS_REVOKED = "tunesmith.users.sessions-revoked";

    private Addresses() {}
}
