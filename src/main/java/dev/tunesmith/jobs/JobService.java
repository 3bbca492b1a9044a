package dev.tunesmith.jobs;

import dev.tunesmith.platform.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs (imports, training, evaluation) with state, progress and a log in {@code jobs}.
 *
 * <p>Cluster-wide: starting a job takes a PostgreSQL transaction-scoped advisory lock on its kind, checks
 * that no job of that kind is queued or running on any node (else 409 {@code job_running}) and enqueues
 * it in the shared {@link WorkQueue} in the same transaction, so two simultaneous starts on two nodes give
 * one 202 and one 409. Every node's worker takes work of the kinds it knows from the queue (this node
 * first, as it polls at once), renews its lease while the work runs, and a node that dies mid-job has
 * its work retried by another node once the lease ran out ({@code cluster.jobLeaseMs}). A job whose work
 * itself fails is not retried (the failure would repeat); only lost leases are.
 *
 * <p>A job's work reports progress through {@link Job}; writes are throttled (at most one per 500 ms
 * or per 2 % of progress) so a chatty job cannot flood the database.
 */
public final class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final int SLOTS = 2;
    private static final long POLL_MS = 1_000;

    /** What a running job's work sees. Thread-safe. */
    public final class Job {
        private final long id;
        private final JsonObject params;
        private volatile double progress;
        private volatile long lastWrite;
        private volatile double lastWritten = -1;
        private final StringBuilder log = new StringBuilder();

        Job(long id, JsonObject params, String previousLog) {
            this.id = id;
            this.params = params;
            if (previousLog != null) {
                log.append(previousLog);
            }
        }

        public long id() {
            return id;
        }

        /** The parameters the job was started with (the admin's request body). */
        public JsonObject params() {
            return params.copy();
        }

        public void progress(double fraction) {
            progress = Math.max(0, Math.min(1, fraction));
            long now = System.currentTimeMillis();
            if (now - lastWrite >= 500 || progress - lastWritten >= 0.02) {
                lastWrite = now;
                lastWritten = progress;
                write();
            }
        }

        public void log(String line) {
            synchronized (log) {
                log.append(Instant.now()).append(' ').append(line).append('\n');
                if (log.length() > 64_000) {
                    log.delete(0, log.length() - 48_000);
                }
            }
            write();
        }

        private void write() {
            String text;
            synchronized (log) {
                text = log.toString();
            }
            pool.preparedQuery("UPDATE jobs SET progress = $2, log = $3 WHERE id = $1 AND state = 'running'").execute(Tuple.of(id, (float) progress, text))
                    .onFailure(e -> LOG.warn("job {} progress not saved: {}", id, e.toString()));
        }

        String text() {
            synchronized (log) {
                return log.toString();
            }
        }
    }

    private final Vertx vertx;
    private final Pool pool;
    private final String node;
    private final WorkQueue queue;
    private final Map<String, Function<Job, Future<JsonObject>>> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final long timer;
    private final java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicInteger ticks = new AtomicInteger();
    private volatile boolean closed;

    /** A node alone (its own node id, 30 s leases). */
    public JobService(Vertx vertx, Pool pool) {
        this(vertx, pool, "node-" + ProcessHandle.current().pid(), Duration.ofSeconds(30));
    }

    /** A node of a cluster: {@code node} names it in leases and job rows. */
    public JobService(Vertx vertx, Pool pool, String node, Duration lease) {
        this.vertx = vertx;
        this.pool = pool;
        this.node = node;
        this.queue = new WorkQueue(pool, node, lease);
        // jobs from before the queue (or whose work item is gone) cannot finish any more; queued work stays for any node
        pool.query("UPDATE jobs j SET state = 'failed', message = 'interrupted by a restart', finished_at = now() "
                + "WHERE state IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM work_queue w WHERE w.job_id = j.id "
                + "AND w.state IN ('ready', 'leased'))").execute().onFailure(e -> LOG.warn("could not close stale jobs", e));
        this.timer = vertx.setPeriodic(POLL_MS, POLL_MS, id -> poll());
    }

    /** Makes this node's workers able to run jobs of {@code kind} (every node registers the same kinds). */
    public JobService register(String kind, Function<Job, Future<JsonObject>> work) {
        handlers.put(kind, work);
        return this;
    }

    /** This node's id as written in {@code jobs.node}. */
    public String node() {
        return node;
    }

    /**
     * Queues a job of {@code kind}; the future completes with its id once it is recorded (409 while one of
     * that kind is queued or running anywhere in the cluster). {@code work} is registered for the kind
     * when none is yet; it must take everything it needs from {@link Job#params()}, since any node may run it.
     */
    public Future<Long> start(String kind, JsonObject params, Long createdBy, Function<Job, Future<JsonObject>> work) {
        if (work != null) {
            handlers.putIfAbsent(kind, work);
        }
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('tunesmith.job'), hashtext($1))")
                .execute(Tuple.of(kind))
                .compose(x -> tx.preparedQuery("SELECT id FROM jobs WHERE kind = $1 AND state IN ('queued', 'running') ORDER BY id LIMIT 1")
                        .execute(Tuple.of(kind)))
                .compose(rows -> {
                    if (rows.size() > 0) {
                        return Future.failedFuture(new ApiError(409, "job_running",
                                "a '" + kind + "' job is already running (job " + rows.iterator().next().getLong("id") + ")"));
                    }
                    // 'running' from the start, as before the queue (clients poll while running); node stays null until a worker takes it
                    return tx.preparedQuery("INSERT INTO jobs (kind, state, params, created_by, started_at) VALUES ($1, 'running', $2, $3, now()) "
                                    + "RETURNING id")
                            .execute(Tuple.of(kind, params, createdBy));
                })
                .compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    return queue.enqueue(tx, id, kind, MAX_ATTEMPTS).map(item -> id);
                }))
                .onSuccess(id -> vertx.runOnContext(v -> poll()));
    }

    /** Takes queued work while this node has a free slot. Runs on an event loop. */
    private void poll() {
        if (closed || busy.get() >= SLOTS || !polling.compareAndSet(false, true)) {
            return;
        }
        if (ticks.incrementAndGet() % 10 == 0) {
            queue.failExhausted().onSuccess(n -> {
                if (n > 0) {
                    LOG.warn("{} job(s) failed: their node died on the last allowed attempt", n);
                }
            });
        }
        queue.take(List.copyOf(handlers.keySet())).onComplete(ar -> {
            polling.set(false);
            if (ar.failed()) {
                LOG.debug("work queue poll failed: {}", ar.cause().toString());
                return;
            }
            ar.result().ifPresent(item -> {
                run(item);
                poll();
            });
        });
    }

    private void run(WorkQueue.Item item) {
        busy.incrementAndGet();
        Job job = new Job(item.jobId(), item.params(), item.log());
        job.log(item.attempts() == 1 ? "started " + item.kind() + " on node " + node + " " + item.params().encode()
                : "retried on node " + node + " (attempt " + item.attempts() + "; the previous node stopped renewing its lease)");
        long heartbeat = vertx.setPeriodic(Math.max(200, queue.lease().toMillis() / 3), id -> queue.renew(item.id()).onComplete(ar -> {
            if (ar.succeeded() && !ar.result()) {
                LOG.warn("job {} lease lost on {}: another node may run it again", item.jobId(), node);
            }
        }));
        Promise<JsonObject> done = Promise.promise();
        try {
            handlers.get(item.kind()).apply(job).onComplete(done);
        } catch (RuntimeException e) {
            done.fail(e);
        }
        done.future().onComplete(ar -> {
            vertx.cancelTimer(heartbeat);
            busy.decrementAndGet();
            String message = ar.succeeded() ? null : ar.cause().getMessage() == null ? ar.cause().toString() : ar.cause().getMessage();
            queue.finish(item.id(), ar.succeeded(), message).onComplete(held -> {
                if (held.succeeded() && !held.result()) {
                    LOG.warn("job {} finished on {} after its lease was taken over; its result is dropped", item.jobId(), node);
                    return;
                }
                if (ar.succeeded()) {
                    job.log("finished on node " + node);
                    finish(item.jobId(), "succeeded", "done", ar.result(), job.text());
                } else {
                    LOG.warn("job {} ({}) failed: {}", item.jobId(), item.kind(), message);
                    job.log("failed: " + message);
                    finish(item.jobId(), "failed", message, null, job.text());
                }
            });
            if (!closed) {
                vertx.runOnContext(v -> poll());
            }
        });
    }

    private void finish(long id, String state, String message, JsonObject result, String log) {
        pool.preparedQuery("UPDATE jobs SET state = $2, message = $3, result = $4, log = $5, finished_at = now(), "
                        + "progress = CASE WHEN $2 = 'succeeded' THEN 1 ELSE progress END WHERE id = $1")
                .execute(Tuple.of(id, state, message, result, log)).onFailure(e -> LOG.warn("job {} result not saved", id, e));
    }

    /** The parameters a job was started with. */
    public Future<JsonObject> params(long id) {
        return pool.preparedQuery("SELECT params FROM jobs WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? new JsonObject() : (JsonObject) rows.iterator().next().getValue("params"));
    }

    public Future<JsonArray> list(int limit) {
        return pool.preparedQuery("SELECT id, kind, state, progress, message, node, attempts, created_at, started_at, finished_at FROM jobs "
                + "ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit)).map(rows -> {
                    JsonArray a = new JsonArray();
                    rows.forEach(r -> a.add(json(r, false)));
                    return a;
                });
    }

    public Future<JsonObject> get(long id) {
        return pool.preparedQuery("SELECT id, kind, state, progress, message, node, attempts, params, result, log, created_at, started_at, "
                + "finished_at FROM jobs WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : json(rows.iterator().next(), true));
    }

    /** Stops taking work (running work finishes or is retried elsewhere when this process ends). */
    public void close() {
        closed = true;
        vertx.cancelTimer(timer);
    }

    private static JsonObject json(Row r, boolean full) {
        JsonObject o = new JsonObject().put("id", r.getLong("id")).put("kind", r.getString("kind")).put("state", r.getString("state"))
                .put("progress", Math.round(((Number) r.getValue("progress")).doubleValue() * 1000) / 1000.0)
                .put("message", r.getString("message"))
                .put("node", r.getString("node")).put("attempts", r.getInteger("attempts"))
                .put("createdAt", String.valueOf(r.getOffsetDateTime("created_at")))
                .put("startedAt", r.getOffsetDateTime("started_at") == null ? null : r.getOffsetDateTime("started_at").toString())
                .put("finishedAt", r.getOffsetDateTime("finished_at") == null ? null : r.getOffsetDateTime("finished_at").toString());
        if (full) {
            o.put("params", r.getValue("params")).put("result", r.getValue("result")).put("log", r.getString("log"));
        }
        return o;
    }
}
