package dev.tunesmith.auth;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current roles, disabled flag and token version of users, so every request sees role changes
 * and disabling at once without a query per request. Admin actions call {@link #invalidate(long)}.
 * Entries expire after a short time so changes made by another process are picked up too.
 */
public final class UserStatusCache {

    /** What a request needs to know about its caller right now. */
    public record Status(String username, List<String> roles, boolean disabled, int tokenVersion, long loadedAtNanos) {}

    private static final long TTL_NANOS = 30_000_000_000L;
    private static final int MAX_ENTRIES = 100_000;

    private final UserRepository users;
    private final ConcurrentHashMap<Long, Status> cache = new ConcurrentHashMap<>();

    public UserStatusCache(UserRepository users) {
        this.users = users;
    }

    public Future<Optional<Status>> get(long userId) {
        Status cached = cache.get(userId);
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < TTL_NANOS) {
            return Future.succeededFuture(Optional.of(cached));
        }
        return users.findById(userId).map(found -> found.map(u -> {
            Status status = new Status(u.username(), u.roles(), u.disabled(), u.tokenVersion(), System.nanoTime());
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(userId, status);
            return status;
        }));
    }

    public void invalidate(long userId) {
        cache.remove(userId);
    }

    /** Bumps the user's token version (every token issued so far stops working) and forgets the cached status. */
    public Future<Void> revoke(long userId) {
        return users.bumpTokenVersion(userId).onComplete(ar -> cache.remove(userId));
    }
}
