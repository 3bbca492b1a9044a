package dev.tunesmith.bench;

import dev.tunesmith.app.Server;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./tunesmith bench load [--rates 50,100,200,400] [--step 10] [--users 200] [--slo 250] [--connections 64]}:
 * starts the server in this JVM on its own throw-away database and offers an open-loop HTTP load at each
 * rate in turn (a mix of catalogue search, event writes, recommendations with a mood, the profile and
 * health). Per step it reports the rate achieved, latency percentiles and errors; "held" is the highest
 * rate whose answers all came back without a 5xx or a timeout and whose p99 stayed within the SLO.
 * Client and server share this machine's cores, so the figures are a floor for the server alone.
 */
public final class LoadBench {

    private static final String[] QUERIES = {"love", "night", "rock", "blue", "summer", "dance", "a", "the"};
    private static final String[] MOODS = {"calm", "upbeat%20gym", "rainy%20sunday", "focus%2C%20no%20vocals", "happy"};

    private LoadBench() {}

    /** One step's figures. */
    record Step(double offered, double achieved, long sent, long ok, long rejected, long errors, long timeouts, double p50, double p95,
            double p99, Map<String, Long> byStatus) {

        boolean held(double slo) {
            return errors == 0 && timeouts == 0 && p99 <= slo && achieved >= offered * 0.9;
        }

        JsonObject json() {
            return new JsonObject().put("offeredPerSec", offered).put("achievedPerSec", Math.round(achieved * 10) / 10.0).put("sent", sent)
                    .put("ok", ok).put("rejected4xx", rejected).put("errors5xx", errors).put("timeouts", timeouts)
                    .put("p50Ms", p50).put("p95Ms", p95).put("p99Ms", p99).put("byStatus", new JsonObject(new HashMap<>(byStatus)));
        }
    }

    public static int run(AppConfig base, Map<String, String> o) {
        double[] rates = Arrays.stream(o.getOrDefault("rates", "50,100,200,400").split(",")).mapToDouble(Double::parseDouble).toArray();
        int stepSeconds = Integer.parseInt(o.getOrDefault("step", "10"));
        int users = Integer.parseInt(o.getOrDefault("users", "200"));
        double slo = Double.parseDouble(o.getOrDefault("slo", "250"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "64"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PORT", "0");
        env.put("TUNESMITH_HOST", "127.0.0.1");
        // the per-request access log would measure the console, not the server
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("http")).setLevel(ch.qos.logback.classic.Level.WARN);
        Vertx vertx = Vertx.vertx();
        try (BenchDatabase db = BenchDatabase.create(base.db())) {
            env.put("TUNESMITH_DB_URL", db.url());
            System.out.println("bench load: using the throw-away database " + db.name() + " (dropped afterwards)");
            AppConfig config = new ConfigLoader(env, java.nio.file.Path.of(System.getProperty("user.home"))).load();
            Server app = Server.start(vertx, config).await(5, TimeUnit.MINUTES);
            for (int i = 0; i < 600 && !app.recommender().ready(); i++) {
                Thread.sleep(100);
            }
            List<String> tokens = BenchUsers.tokens(vertx, app.pool(), config, "load-%05d", users);
            List<Long> tracks = new ArrayList<>();
            for (Row r : app.pool().query("SELECT id FROM tracks WHERE NOT hidden ORDER BY id LIMIT 500").execute().await()) {
                tracks.add(r.getLong("id"));
            }
            WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                    .setConnectTimeout(5000).setIdleTimeout(30), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(connections));
            List<Step> steps = new ArrayList<>();
            drive(vertx, client, app.port(), tokens, tracks, rates[0], Math.min(3, stepSeconds)); // warm-up, not reported
            for (double rate : rates) {
                Step s = drive(vertx, client, app.port(), tokens, tracks, rate, stepSeconds);
                steps.add(s);
                System.out.printf(Locale.ROOT, "  offered %6.0f/s  achieved %7.1f/s  p50 %6.1f  p95 %6.1f  p99 %6.1f ms  4xx %d  5xx %d  timeouts %d%n",
                        s.offered(), s.achieved(), s.p50(), s.p95(), s.p99(), s.rejected(), s.errors(), s.timeouts());
            }
            double held = steps.stream().filter(s -> s.held(slo)).mapToDouble(Step::offered).max().orElse(0);
            System.out.printf(Locale.ROOT, "bench load: held %.0f requests/s with p99 <= %.0f ms and no 5xx or timeout "
                    + "(mix: search, events, recommendations, profile, health; %d users, %d connections, %d s per step)%n",
                    held, slo, users, connections, stepSeconds);
            JsonArray json = new JsonArray();
            steps.forEach(s -> json.add(s.json()));
            System.out.println(new JsonObject().put("bench", "load").put("sloP99Ms", slo).put("heldPerSec", held).put("users", users)
                    .put("connections", connections).put("stepSec", stepSeconds).put("steps", json).encodePrettily());
            client.close();
            app.close().await(10, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            System.err.println("bench load failed: " + e);
            return 1;
        } finally {
            vertx.close();
        }
    }

    /** Offers {@code rate} requests per second for {@code seconds}, open loop (arrivals do not wait for answers). */
    private static Step drive(Vertx vertx, WebClient client, int port, List<String> tokens, List<Long> tracks, double rate, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, Long> byStatus = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        double[] credit = {0};
        long[] last = {start};
        long timer = vertx.setPeriodic(5, id -> {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            credit[0] += (now - last[0]) / 1e9 * rate;
            last[0] = now;
            while (credit[0] >= 1) {
                credit[0] -= 1;
                sent.incrementAndGet();
                pending.incrementAndGet();
                long t0 = System.nanoTime();
                send(client, port, tokens, tracks).onComplete(ar -> {
                    pending.decrementAndGet();
                    if (ar.failed()) {
                        boolean timeout = ar.cause() instanceof java.util.concurrent.TimeoutException
                                || String.valueOf(ar.cause().getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
                        (timeout ? timeouts : errors).incrementAndGet();
                        byStatus.merge(timeout ? "timeout" : "failed", 1L, Long::sum);
                        return;
                    }
                    latencies.add(System.nanoTime() - t0);
                    int status = ar.result().statusCode();
                    byStatus.merge(String.valueOf(status), 1L, Long::sum);
                    if (status >= 500) {
                        errors.incrementAndGet();
                    } else if (status >= 400) {
                        rejected.incrementAndGet();
                    } else {
                        ok.incrementAndGet();
                    }
                });
            }
        });
        while (System.nanoTime() < end) {
            Thread.sleep(50);
        }
        vertx.cancelTimer(timer);
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (pending.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        double elapsed = seconds;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Step(rate, (ok.get() + rejected.get()) / elapsed, sent.get(), ok.get(), rejected.get(), errors.get(), timeouts.get(),
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), byStatus);
    }

    private static io.vertx.core.Future<io.vertx.ext.web.client.HttpResponse<Buffer>> send(WebClient client, int port, List<String> tokens,
            List<Long> tracks) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String token = "Bearer " + tokens.get(r.nextInt(tokens.size()));
        int pick = r.nextInt(100);
        if (pick < 35) {
            return client.request(HttpMethod.GET, port, "127.0.0.1", "/api/tracks?limit=20&q=" + QUERIES[r.nextInt(QUERIES.length)])
                    .timeout(5000).send();
        }
        if (pick < 65) {
            long track = tracks.get(r.nextInt(tracks.size()));
            JsonObject body = new JsonObject().put("trackId", track).put("type", r.nextBoolean() ? "play" : "like").put("playedSec", 30);
            return client.request(HttpMethod.POST, port, "127.0.0.1", "/api/me/events").putHeader("Authorization", token)
                    .timeout(5000).sendJsonObject(body);
        }
        if (pick < 85) {
            return client.request(HttpMethod.GET, port, "127.0.0.1", "/api/me/recommendations?k=10&mood=" + MOODS[r.nextInt(MOODS.length)])
                    .putHeader("Authorization", token).timeout(5000).send();
        }
        if (pick < 95) {
            return client.request(HttpMethod.GET, port, "127.0.0.1", "/api/me").putHeader("Authorization", token).timeout(5000).send();
        }
        return client.request(HttpMethod.GET, port, "127.0.0.1", "/health").timeout(5000).send();
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e5) / 10.0;
    }
}
