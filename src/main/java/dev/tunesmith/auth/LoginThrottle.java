package dev.tunesmith.auth;

import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Login throttling per account and per client address. Failed attempts drain a bucket per account
 * (5 at once, then one more every 20 s) and per address (30 at once, then one a second); with either
 * empty a login is answered 429 {@code too_many_attempts} with {@code Retry-After} before any password is
 * hashed. So that parallel requests cannot all slip past the count before it is updated, attempts on one
 * account run one at a time and an address has at most four in flight; the rest wait in a bounded queue
 * (a full queue is 429 too). Successful logins cost nothing and clear their account's count.
 */
public final class LoginThrottle {

    /** A bucket policy: {@code burst} failures at once, then one more per {@code refillNanos}. */
    public record Policy(int burst, long refillNanos, int concurrent, int maxQueued) {}

    public static final Policy ACCOUNT = new Policy(5, 20_000_000_000L, 1, 128);
    public static final Policy ADDRESS = new Policy(30, 1_000_000_000L, 4, 512);
    private static final int MAX_KEYS = 100_000;

    /** Held while a login is being checked; {@link #release(boolean)} once its outcome is known. */
    public interface Permit {
        void release(boolean failed);
    }

    private final Policy accountPolicy;
    private final Policy addressPolicy;
    private final LongSupplier clock;
    private final Map<String, Entry> accounts = new HashMap<>();
    private final Map<String, Entry> addresses = new HashMap<>();

    public LoginThrottle() {
        this(ACCOUNT, ADDRESS, System::nanoTime);
    }

    public LoginThrottle(Policy account, Policy address, LongSupplier clock) {
        this.accountPolicy = account;
        this.addressPolicy = address;
        this.clock = clock;
    }

    /** Waits for a turn for {@code account} from {@code address}; fails with a 429 {@link ApiError} when throttled. */
    public Future<Permit> enter(String account, String address) {
        String accountKey = account == null ? "" : account.toLowerCase(java.util.Locale.ROOT);
        String addressKey = address == null ? "unknown" : address;
        return acquire(addresses, addressKey, addressPolicy).compose(addr -> acquire(accounts, accountKey, accountPolicy)
                .recover(e -> {
                    addr.leave(false);
                    return Future.failedFuture(e);
                })
                .compose(acct -> {
                    long wait = Math.max(acct.waitNanos(), addr.waitNanos());
                    if (wait > 0) {
                        acct.leave(false);
                        addr.leave(false);
                        return Future.failedFuture(throttled(wait));
                    }
                    return Future.succeededFuture((Permit) failed -> {
                        acct.leave(failed);
                        addr.leave(failed);
                        if (!failed) {
                            acct.clear();
                        }
                    });
                }));
    }

    private Future<Entry> acquire(Map<String, Entry> map, String key, Policy policy) {
        Entry entry;
        synchronized (this) {
            entry = map.get(key);
            if (entry == null) {
                if (map.size() >= MAX_KEYS) {
                    map.values().removeIf(Entry::idle);
                }
                entry = new Entry(map, key, policy);
                map.put(key, entry);
            }
            if (entry.inFlight < policy.concurrent()) {
                entry.inFlight++;
                return Future.succeededFuture(entry);
            }
            if (entry.queue.size() >= policy.maxQueued()) {
                return Future.failedFuture(throttled(policy.refillNanos()));
            }
            Promise<Entry> turn = Promise.promise();
            entry.queue.add(turn);
            return turn.future();
        }
    }

    private static ApiError throttled(long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new ApiError(429, "too_many_attempts", "too many login attempts; try again in " + seconds + " s")
                .withHeader("Retry-After", Long.toString(seconds));
    }

    private final class Entry {
        private final Map<String, Entry> map;
        private final String key;
        private final Policy policy;
        private final ArrayDeque<Promise<Entry>> queue = new ArrayDeque<>();
        private int inFlight;
        private double tokens;
        private long last;

        Entry(Map<String, Entry> map, String key, Policy policy) {
            this.map = map;
            this.key = key;
            this.policy = policy;
            this.tokens = policy.burst();
            this.last = clock.getAsLong();
        }

        /** Nanoseconds until one more failure is allowed; 0 when one is allowed now. */
        long waitNanos() {
            synchronized (LoginThrottle.this) {
                refill();
                return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * policy.refillNanos());
            }
        }

        void clear() {
            synchronized (LoginThrottle.this) {
                tokens = policy.burst();
            }
        }

        boolean idle() {
            refill();
            return inFlight == 0 && queue.isEmpty() && tokens >= policy.burst();
        }

        void leave(boolean failed) {
            Promise<Entry> next;
            synchronized (LoginThrottle.this) {
                if (failed) {
                    refill();
                    tokens = Math.max(0, tokens - 1);
                }
                next = queue.poll();
                if (next == null) {
                    inFlight--;
                    if (idle()) {
                        map.remove(key, this);
                    }
                }
            }
            if (next != null) {
                next.complete(this); // the permit passes straight to the next waiter
            }
        }

        private void refill() {
            long now = clock.getAsLong();
            tokens = Math.min(policy.burst(), tokens + (now - last) / (double) policy.refillNanos());
            last = now;
        }
    }
}
