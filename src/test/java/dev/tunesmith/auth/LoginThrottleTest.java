package dev.tunesmith.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Throttling arithmetic with a hand-driven clock: per account, per address, parallel attempts, Retry-After. */
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(3, 10_000_000_000L, 1, 8),
            new LoginThrottle.Policy(5, 2_000_000_000L, 2, 8), now::get);

    private boolean attempt(String account, String address, boolean fails) {
        Future<LoginThrottle.Permit> permit = throttle.enter(account, address);
        if (permit.failed()) {
            return false;
        }
        permit.result().release(fails);
        return true;
    }

    private ApiError refusal(String account, String address) {
        Future<LoginThrottle.Permit> permit = throttle.enter(account, address);
        assertTrue(permit.failed(), "expected a refusal");
        return (ApiError) permit.cause();
    }

    @Test
    void should_refuse_an_account_after_its_burst_of_failures_until_it_refills() {
        for (int i = 0; i < 3; i++) {
            assertTrue(attempt("bob", "10.0.0.1", true));
        }
        ApiError e = refusal("bob", "10.0.0.2");
        assertEquals(429, e.status());
        assertEquals("10", e.headers().get("Retry-After"));
        now.addAndGet(10_000_000_000L);
        assertTrue(attempt("bob", "10.0.0.3", true), "one more after one refill period");
        assertEquals(429, refusal("bob", "10.0.0.3").status());
    }

    @Test
    void should_refuse_an_address_that_fails_across_many_accounts() {
        for (int i = 0; i < 5; i++) {
            assertTrue(attempt("user" + i, "10.9.9.9", true));
        }
        ApiError e = refusal("fresh", "10.9.9.9");
        assertEquals("2", e.headers().get("Retry-After"));
        assertTrue(attempt("fresh", "10.9.9.8", false), "other addresses are not affected");
    }

    @Test
    void should_not_count_successes_and_clear_the_account_on_success() {
        assertTrue(attempt("amy", "10.1.1.1", true));
        assertTrue(attempt("amy", "10.1.1.1", true));
        assertTrue(attempt("amy", "10.1.1.1", false));
        for (int i = 0; i < 3; i++) {
            assertTrue(attempt("amy", "10.1.1.2", true), "the success restored the account's allowance");
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(attempt("carl", "10.1.1.3", false), "successes never throttle");
        }
    }

    @Test
    void should_queue_parallel_attempts_on_one_account_so_they_cannot_outrun_the_count() {
        List<Future<LoginThrottle.Permit>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(throttle.enter("dora", "10.2.2." + i));
        }
        assertTrue(waiting.get(0).succeeded());
        assertTrue(waiting.subList(1, 6).stream().noneMatch(Future::isComplete), "one at a time per account");
        int admitted = 0;
        int refused = 0;
        for (Future<LoginThrottle.Permit> f : waiting) {
            if (f.succeeded()) {
                admitted++;
                f.result().release(true); // each admitted guess fails and lets the next one in
            } else if (f.failed()) {
                refused++;
            }
        }
        assertEquals(3, admitted, "only the burst is checked");
        assertEquals(3, refused);
    }
}
