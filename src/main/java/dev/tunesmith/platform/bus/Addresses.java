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

    /** Published by admin after any change to a user (roles, disabled): {@code {"userId"}}; every node drops its cached status. */
    public static final String USER_CHANGED = "tunesmith.users.changed";

    /** Published when a recommender version went live on one node: {@code {"version","node"}}; every other node loads it. */
    public static final String MODEL_ACTIVATED = "tunesmith.models.activated";

    /** Published after the catalogue changed (track edited, import finished): {@code {"trackId"?,"node"}}. */
    public static final String CATALOG_CHANGED = "tunesmith.catalog.changed";

    /** Published after a user's music library changed (files added or analysed): {@code {"userId","node"}}. */
    public static final String LIBRARY_CHANGED = "tunesmith.library.changed";

    /** Published by every node every two seconds: {@code {"node","at",...live numbers}} (the admin overview of the cluster). */
    public static final String NODE_OVERVIEW = "tunesmith.cluster.node-overview";

    /** Published by auth on logout: {@code {"userId"}}; that user's tokens are revoked and open sockets close with 4401. */
    public static final String SESSIONS_REVOKED = "tunesmith.users.sessions-revoked";

    private Addresses() {}
}
