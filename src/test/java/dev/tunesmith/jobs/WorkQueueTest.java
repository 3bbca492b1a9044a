package dev.tunesmith.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunesmith.TestSupport;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.platform.db.Db;
import dev.tunesmith.platform.db.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared work queue against the real PostgreSQL: SKIP LOCKED hands an item to one node; an expired lease moves it. */
class WorkQueueTest {

    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        TestSupport.freshSchemaOnce();
        AppConfig config = TestSupport.config();
        Migrations.migrate(config.db());
        vertx = Vertx.vertx();
        pool = Db.pool(vertx, config.db());
    }

    @AfterAll
    static void stop() {
        pool.close().await();
        vertx.close().await();
    }

    private static long enqueue(WorkQueue q, String kind) {
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO jobs (kind, state, params) VALUES ($1, 'queued', $2) RETURNING id")
                .execute(Tuple.of(kind, new JsonObject().put("n", 1))).compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    return q.enqueue(tx, id, kind, 2).map(x -> id);
                })).await();
    }

    @Test
    void two_nodes_taking_at_once_get_the_item_once_and_an_expired_lease_moves_it_to_the_other_node() throws Exception {
        String kind = "wq-test-" + System.nanoTime();
        WorkQueue a = new WorkQueue(pool, "node-a", Duration.ofMillis(1_000));
        WorkQueue b = new WorkQueue(pool, "node-b", Duration.ofMillis(1_000));
        long job = enqueue(a, kind);
        Future<Optional<WorkQueue.Item>> fa = a.take(List.of(kind));
        Future<Optional<WorkQueue.Item>> fb = b.take(List.of(kind));
        Future.all(fa, fb).await();
        assertEquals(1, (fa.result().isPresent() ? 1 : 0) + (fb.result().isPresent() ? 1 : 0), "exactly one node gets the item");
        WorkQueue holder = fa.result().isPresent() ? a : b;
        WorkQueue other = holder == a ? b : a;
        WorkQueue.Item item = (fa.result().isPresent() ? fa.result() : fb.result()).orElseThrow();
        assertEquals(job, item.jobId());
        assertEquals(1, item.attempts());
        assertEquals(1, item.params().getInteger("n"));
        assertTrue(holder.renew(item.id()).await(), "the holder renews its lease");
        assertTrue(other.take(List.of(kind)).await().isEmpty(), "a live lease is not taken");
        Thread.sleep(1_300); // the holder stops renewing: it "died"
        WorkQueue.Item retried = other.take(List.of(kind)).await().orElseThrow();
        assertEquals(item.id(), retried.id());
        assertEquals(2, retried.attempts());
        assertFalse(holder.renew(item.id()).await(), "the old holder learns it lost the lease");
        assertFalse(holder.finish(item.id(), true, null).await(), "and cannot finish it");
        assertTrue(other.finish(item.id(), true, null).await());
        String node = pool.preparedQuery("SELECT node FROM jobs WHERE id = $1").execute(Tuple.of(job)).await().iterator().next().getString("node");
        assertEquals(other == a ? "node-a" : "node-b", node);
    }

    @Test
    void a_lease_lost_on_the_last_attempt_fails_the_job() throws Exception {
        String kind = "wq-last-" + System.nanoTime();
        WorkQueue a = new WorkQueue(pool, "node-a", Duration.ofMillis(1_000));
        long job = enqueue(a, kind); // max 2 attempts
        a.take(List.of(kind)).await().orElseThrow();
        Thread.sleep(1_200);
        a.take(List.of(kind)).await().orElseThrow();
        Thread.sleep(1_200);
        assertTrue(a.take(List.of(kind)).await().isEmpty(), "no third attempt");
        assertTrue(a.failExhausted().await() >= 1);
        var row = pool.preparedQuery("SELECT state, message FROM jobs WHERE id = $1").execute(Tuple.of(job)).await().iterator().next();
        assertEquals("failed", row.getString("state"));
        assertTrue(row.getString("message").contains("lease expired"), row.getString("message"));
    }
}
