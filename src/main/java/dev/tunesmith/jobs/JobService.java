package dev.tunesmith.jobs;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background jobs (imports, training, evaluation) with state, progress and a log in {@code jobs}.
 * A job's work reports progress through {@link Job}; writes are throttled (at most one per 500 ms
 * or per 2 % of progress) so a chatty job cannot flood the database. One job of a kind at a time.
 */
public final class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    /** What a running job's work sees. Thread-safe. */
    public final class Job {
        private final long id;
        private volatile double progress;
        private volatile long lastWrite;
        private volatile double lastWritten = -1;
        private final StringBuilder log = new StringBuilder();

        Job(long id) {
            this.id = id;
        }

        public long id() {
            return id;
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
    private final Map<String, Long> running = new ConcurrentHashMap<>();

    public JobService(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
        // jobs left running by a previous process cannot finish any more
        pool.query("UPDATE jobs SET state = 'failed', message = 'interrupted by a restart', finished_at = now() "
                + "WHERE state IN ('queued', 'running')").execute().onFailure(e -> LOG.warn("could not close stale jobs", e));
    }

    /** Starts {@code work} as a job of {@code kind}; the future completes with the job id once it is recorded. */
    public Future<Long> start(String kind, JsonObject params, Long createdBy, Function<Job, Future<JsonObject>> work) {
        if (running.containsKey(kind)) {
            return Future.failedFuture(new dev.tunesmith.platform.http.ApiError(409, "job_running",
                    "a '" + kind + "' job is already running (job " + running.get(kind) + ")"));
        }
        return pool.preparedQuery("INSERT INTO jobs (kind, state, params, created_by, started_at) VALUES ($1, 'running', $2, $3, now()) RETURNING id")
                .execute(Tuple.of(kind, params, createdBy)).map(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    if (running.putIfAbsent(kind, id) != null) {
                        finish(id, "cancelled", "another job of this kind started first", null, "");
                        throw new dev.tunesmith.platform.http.ApiError(409, "job_running", "a '" + kind + "' job is already running");
                    }
                    Job job = new Job(id);
                    job.log("started " + kind + " " + params.encode());
                    Promise<JsonObject> done = Promise.promise();
                    vertx.runOnContext(v -> {
                        try {
                            work.apply(job).onComplete(done);
                        } catch (RuntimeException e) {
                            done.fail(e);
                        }
                    });
                    done.future().onComplete(ar -> {
                        running.remove(kind, id);
                        if (ar.succeeded()) {
                            job.log("finished");
                            finish(id, "succeeded", "done", ar.result(), job.text());
                        } else {
                            String message = ar.cause().getMessage() == null ? ar.cause().toString() : ar.cause().getMessage();
                            LOG.warn("job {} ({}) failed: {}", id, kind, message);
                            job.log("failed: " + message);
                            finish(id, "failed", message, null, job.text());
                        }
                    });
                    return id;
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
        return pool.preparedQuery("SELECT id, kind, state, progress, message, created_at, started_at, finished_at FROM jobs "
                + "ORDER BY id DESC LIMIT $1").execute(Tuple.of(limit)).map(rows -> {
                    JsonArray a = new JsonArray();
                    rows.forEach(r -> a.add(json(r, false)));
                    return a;
                });
    }

    public Future<JsonObject> get(long id) {
        return pool.preparedQuery("SELECT id, kind, state, progress, message, params, result, log, created_at, started_at, finished_at "
                + "FROM jobs WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : json(rows.iterator().next(), true));
    }

    private static JsonObject json(Row r, boolean full) {
        JsonObject o = new JsonObject().put("id", r.getLong("id")).put("kind", r.getString("kind")).put("state", r.getString("state"))
                .put("progress", Math.round(((Number) r.getValue("progress")).doubleValue() * 1000) / 1000.0)
                .put("message", r.getString("message"))
                .put("createdAt", String.valueOf(r.getOffsetDateTime("created_at")))
                .put("startedAt", r.getOffsetDateTime("started_at") == null ? null : r.getOffsetDateTime("started_at").toString())
                .put("finishedAt", r.getOffsetDateTime("finished_at") == null ? null : r.getOffsetDateTime("finished_at").toString());
        if (full) {
            o.put("params", r.getValue("params")).put("result", r.getValue("result")).put("log", r.getString("log"));
        }
        return o;
    }
}
