package dev.tunesmith.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two nodes' limiters over one database share one budget per user. */
class SharedRateLimitTest {

    @Test
    void two_nodes_share_one_budget_per_user_and_it_refills_with_time() throws Exception {
        TestSupport.freshSchemaOnce();
        AppConfig config = TestSupport.config();
        Migrations.migrate(config.db());
        Vertx vertx = Vertx.vertx();
        Pool poolA = Db.pool(vertx, config.db());
        Pool poolB = Db.pool(vertx, config.db());
        try {
            String scope = "test-" + System.nanoTime();
            SharedRateLimit a = new SharedRateLimit(poolA, scope, 4, 5);
            SharedRateLimit b = new SharedRateLimit(poolB, scope, 4, 5);
            List<Boolean> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(a.take(42).await());
                taken.add(b.take(42).await());
            }
            assertEquals(List.of(true, true, true, true, false, false), taken, "4 tokens in all, whichever node is asked");
            assertTrue(a.take(43).await(), "another user has a budget of its own");
            // denied takes cost too (the bucket floors at -1): after 0.7 s at 5 tokens/s about 2.5 are usable again
            Thread.sleep(700);
            int granted = 0;
            while (granted < 10 && (granted % 2 == 0 ? b : a).take(42).await()) {
                granted++;
            }
            assertTrue(granted >= 2 && granted <= 4, "granted " + granted + " after refilling (capacity 4)");
            assertFalse(a.take(42).await());
        } finally {
            poolA.close().await();
            poolB.close().await();
            vertx.close().await();
        }
    }
}
