package dev.tunesmith.bench;

import dev.tunesmith.app.Server;
import dev.tunesmith.config.AppConfig;
import dev.tunesmith.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./tunesmith bench chat [--sessions 1000] [--rate 20] [--duration 30] [--warmup 5] [--port P]}: starts the
 * server in this JVM on a free port, opens N authenticated chat sockets (bench users, tokens minted
 * with the configured key), sends playlist turns at a fixed aggregate rate to idle sessions for the
 * duration, and reports sessions held, turns/s, first-frame and playlist-complete latency
 * percentiles and errors, as a table and JSON. Client and server share this machine's cores.
 */
public final class ChatBench {

    private static final String[] MOODS = {
        "rainy Sunday, a bit melancholic but hopeful, no jazz, 10 songs",
        "gym, hard and fast, 10 songs",
        "focus, no vocals, 10 songs",
        "a warm summer evening with friends, 10 songs",
        "calm ambient for sleeping, 10 songs"
    };

    private ChatBench() {}

    public static int run(AppConfig base, Map<String, String> o) {
        int sessions = Integer.parseInt(o.getOrDefault("sessions", "1000"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        if (o.containsKey("port")) {
            return external(base, Integer.parseInt(o.get("port")), sessions, rate, duration, warmup);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PORT", "0");
        env.put("TUNESMITH_HOST", "127.0.0.1");
        Vertx vertx = Vertx.vertx();
        try (BenchDatabase db = BenchDatabase.create(base.db())) {
            env.put("TUNESMITH_DB_URL", db.url());
            System.out.println("bench chat: using the throw-away database " + db.name() + " (dropped afterwards)");
            AppConfig config = new ConfigLoader(env, java.nio.file.Path.of(System.getProperty("user.home"))).load();
            Server app = Server.start(vertx, config).await(5, TimeUnit.MINUTES);
            List<String> tokens = BenchUsers.tokens(vertx, app.pool(), config, "bench-%05d", sessions);
            Result r = drive(vertx, app.port(), tokens, rate, duration, warmup);
            System.out.println(r.table(sessions, rate, duration));
            System.out.println(r.json(sessions, rate, duration).encodePrettily());
            app.close().await(10, TimeUnit.SECONDS);
            return 0;
        } catch (Exception e) {
            System.err.println("bench chat failed: " + e);
            return 1;
        } finally {
            vertx.close();
        }
    }

    /**
     * {@code --port P}: drives servers already running behind 127.0.0.1:P (e.g. HAProxy in front of a cluster), which
     * share the database of {@code TUNESMITH_DB_URL} and the key of {@code TUNESMITH_JWT_SECRET}; bench users are
     * created in that database and their tokens minted with that key. Nothing is started or dropped.
     */
    private static int external(AppConfig config, int port, int sessions, double rate, int duration, int warmup) {
        Vertx vertx = Vertx.vertx();
        var pool = dev.tunesmith.platform.db.Db.pool(vertx, config.db());
        try {
            System.out.println("bench chat: driving the servers behind 127.0.0.1:" + port + " (database " + config.db() + ")");
            List<String> tokens = BenchUsers.tokens(vertx, pool, config, "bench-%05d", sessions);
            Result r = drive(vertx, port, tokens, rate, duration, warmup);
            System.out.println(r.table(sessions, rate, duration));
            System.out.println(r.json(sessions, rate, duration).encodePrettily());
            return 0;
        } catch (Exception e) {
            System.err.println("bench chat failed: " + e);
            return 1;
        } finally {
            pool.close();
            vertx.close();
        }
    }

    private static final class Session {
        final WebSocket ws;
        volatile long sentAt;
        volatile long firstAt;
        volatile boolean busy;
        volatile boolean measured;

        Session(WebSocket ws) {
            this.ws = ws;
        }
    }

    private record Result(int held, long turns, double seconds, long[] firstFrame, long[] complete, long errors, long closed,
            Map<String, Integer> errorCodes) {

        String table(int sessions, double rate, int duration) {
            return String.format(Locale.ROOT, """
                    bench chat: %d sessions requested, %.0f turns/s offered for %d s (offline agent, playlist turns)
                      sessions held            %d
                      turns completed          %d (%.1f turns/s)
                      first frame   p50/p95/p99  %s ms
                      playlist done p50/p95/p99  %s ms
                      errors                   %d %s
                      sockets closed early     %d""", sessions, rate, duration, held, turns, turns / seconds,
                    pct(firstFrame), pct(complete), errors, errorCodes, closed);
        }

        JsonObject json(int sessions, double rate, int duration) {
            return new JsonObject().put("sessions", sessions).put("offeredTurnsPerSec", rate).put("durationSec", duration)
                    .put("held", held).put("turns", turns).put("turnsPerSec", Math.round(turns / seconds * 10) / 10.0)
                    .put("firstFrameMs", percentiles(firstFrame)).put("playlistCompleteMs", percentiles(complete))
                    .put("errors", errors).put("errorCodes", new JsonObject(new HashMap<>(errorCodes))).put("closedEarly", closed);
        }

        private static String pct(long[] v) {
            JsonObject p = percentiles(v);
            return p.getValue("p50") + " / " + p.getValue("p95") + " / " + p.getValue("p99");
        }

        private static JsonObject percentiles(long[] nanos) {
            if (nanos.length == 0) {
                return new JsonObject().put("p50", "-").put("p95", "-").put("p99", "-");
            }
            long[] s = nanos.clone();
            Arrays.sort(s);
            return new JsonObject().put("p50", ms(s, 0.50)).put("p95", ms(s, 0.95)).put("p99", ms(s, 0.99));
        }

        private static double ms(long[] sorted, double q) {
            return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e5) / 10.0;
        }
    }

    private static Result drive(Vertx vertx, int port, List<String> tokens, double rate, int duration, int warmup) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(tokens.size() + 10)
                .setConnectTimeout(30_000));
        List<Session> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Long> firstFrames = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> completes = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        AtomicLong turns = new AtomicLong();
        AtomicInteger ready = new AtomicInteger();
        Map<String, Integer> codes = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<WebSocket>> connecting = new ArrayList<>();
        int opened = 0;
        for (String token : tokens) {
            if (++opened % 100 == 0) {
                Future.join(connecting).await(60, TimeUnit.SECONDS); // ramp up in batches of 100 connections
                long batchDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ready.get() + closed.get() < opened - 100 && System.nanoTime() < batchDeadline) {
                    Thread.sleep(20);
                }
            }
            connecting.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/chat")
                    .addHeader("Origin", "http://127.0.0.1:" + port)).onSuccess(ws -> {
                        Session s = new Session(ws);
                        ws.closeHandler(v -> {
                            closed.incrementAndGet();
                            sessions.remove(s);
                        });
                        ws.textMessageHandler(text -> {
                            JsonObject f = new JsonObject(text);
                            long now = System.nanoTime();
                            switch (f.getString("type")) {
                                case "ready" -> {
                                    ready.incrementAndGet();
                                    sessions.add(s);
                                }
                                case "done" -> {
                                    if (s.measured) {
                                        firstFrames.add(s.firstAt - s.sentAt);
                                        completes.add(now - s.sentAt);
                                        turns.incrementAndGet();
                                    }
                                    s.busy = false;
                                }
                                case "error" -> {
                                    errors.incrementAndGet();
                                    codes.merge(f.getString("code"), 1, Integer::sum);
                                    s.busy = false;
                                }
                                default -> {
                                    if (s.firstAt == 0) {
                                        s.firstAt = now;
                                    }
                                }
                            }
                        });
                        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
                    }));
        }
        Future.join(connecting).await(120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ready.get() < tokens.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("%d of %d sessions ready; warming up %d s, then measuring %d s%n", ready.get(), tokens.size(), warmup, duration);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        long next = start;
        int m = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                Thread.sleep(Math.max(0, (next - now) / 1_000_000), (int) ((next - now) % 1_000_000));
                continue;
            }
            next += intervalNanos;
            Session s = idle(sessions);
            if (s == null) {
                continue;
            }
            s.busy = true;
            s.firstAt = 0;
            s.measured = now >= measureFrom;
            s.sentAt = System.nanoTime();
            String text = MOODS[m++ % MOODS.length];
            s.ws.writeTextMessage(new JsonObject().put("type", "message").put("text", text).encode());
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        Thread.sleep(3000);
        long[] ff = firstFrames.stream().mapToLong(Long::longValue).toArray();
        long[] cc = completes.stream().mapToLong(Long::longValue).toArray();
        int held = sessions.size();
        client.close();
        return new Result(held, turns.get(), seconds, ff, cc, errors.get(), closed.get(), codes);
    }

    private static Session idle(List<Session> sessions) {
        synchronized (sessions) {
            if (sessions.isEmpty()) {
                return null;
            }
            for (int tries = 0; tries < 20; tries++) {
                Session s = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
                if (!s.busy) {
                    return s;
                }
            }
        }
        return null;
    }

}
